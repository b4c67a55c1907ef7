import { Cascader } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { type PublicRegion, publicRegionsQuery } from '../api/public-api.js';

interface Option {
  value: string;
  label: string;
  isLeaf: boolean;
  level: number;
  children?: Option[];
  loading?: boolean;
}

const toOption = (r: PublicRegion): Option => ({
  value: r.code,
  label: r.name,
  isLeaf: !r.hasChildren,
  level: r.level,
});

/**
 * Region choice for residents: province → … → village, loaded level by level from the public
 * endpoint (the staff picker reads the staff API, which needs a session). Any level from county down may be chosen.
 */
export function RegionCascader(props: {
  id?: string;
  value?: string;
  onChange?: (code: string | undefined) => void;
  'aria-label'?: string;
}) {
  const queryClient = useQueryClient();
  const roots = useQuery(publicRegionsQuery());
  // antd's Cascader grows its options in place as levels open; they start as the provinces.
  const [opened, setOpened] = useState<Option[] | null>(null);
  const options = opened ?? roots.data?.map(toOption) ?? [];
  const load = async (path: Option[]) => {
    const target = path[path.length - 1]!;
    target.loading = true;
    const children = await queryClient.fetchQuery(publicRegionsQuery(target.value)).catch(() => []);
    target.loading = false;
    target.children = children.map(toOption);
    setOpened([...options]);
  };
  return (
    <Cascader
      id={props.id}
      aria-label={props['aria-label']}
      options={options}
      loadData={(p) => void load(p as Option[])}
      changeOnSelect
      onChange={(values) => {
        const code = (values as string[] | undefined)?.at(-1);
        props.onChange?.(code && code.length >= 6 ? code : undefined);
      }}
      style={{ width: '100%' }}
      data-testid="public-region"
    />
  );
}
