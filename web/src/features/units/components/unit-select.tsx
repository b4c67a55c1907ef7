import { Select } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Unit } from '../../../api/contract-types.js';
import { useDebounced } from '../../../hooks/use-debounced.js';
import { unitQuery, unitsQuery } from '../api/units-api.js';

interface UnitSelectProps {
  id?: string;
  value?: number | null;
  onChange?: (id: number | null) => void;
  allowClear?: boolean;
  'data-testid'?: string;
}

type Option = { value: number; label: string };
const toOption = (unit: Unit): Option => ({ value: unit.id, label: `${unit.name}（${unit.regionName}）` });

/** Choose a unit by typing part of its name (server search). */
export function UnitSelect({ id, value, onChange, allowClear = true, ...rest }: UnitSelectProps) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const search = useDebounced(text);
  const found = useQuery(unitsQuery({ q: search || undefined, pageSize: 20 }));
  const foundOptions = (found.data?.items ?? []).map(toOption);
  // The chosen unit stays listed (so its name shows) after a search that does not find it.
  const [picked, setPicked] = useState<Option | null>(null);
  const inFound = foundOptions.find((option) => option.value === value);
  // A value from outside (a record, the URL) that is neither found nor picked here: fetch its name.
  const outside = useQuery({
    ...unitQuery(value ?? 0),
    enabled: Boolean(value) && !inFound && picked?.value !== value,
  });
  const chosen = !value
    ? null
    : (inFound ?? (picked?.value === value ? picked : outside.data ? toOption(outside.data) : null));
  const options = chosen && !inFound ? [chosen, ...foundOptions] : foundOptions;
  const loading = found.isFetching;

  return (
    <Select<number>
      id={id}
      data-testid={rest['data-testid']}
      showSearch
      allowClear={allowClear}
      value={value ?? undefined}
      placeholder={t('units.pick')}
      filterOption={false}
      onSearch={setText}
      loading={loading}
      options={options}
      onChange={(next) => {
        setPicked(options.find((option) => option.value === next) ?? null);
        onChange?.(next ?? null);
      }}
      notFoundContent={loading ? null : t('common.noData')}
    />
  );
}
