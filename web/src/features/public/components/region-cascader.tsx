import { Cascader } from 'antd';
import { useEffect, useState } from 'react';
import { publicApi, type PublicRegion } from '../api/public-api.js';

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
  const [options, setOptions] = useState<Option[]>([]);
  useEffect(() => {
    void publicApi.regions().then((rs) => setOptions(rs.map(toOption)));
  }, []);
  const load = async (path: Option[]) => {
    const target = path[path.length - 1]!;
    target.loading = true;
    const children = await publicApi.regions(target.value);
    target.loading = false;
    target.children = children.map(toOption);
    setOptions((o) => [...o]);
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
