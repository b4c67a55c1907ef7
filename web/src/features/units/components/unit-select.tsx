import { Select } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Unit } from '../../../api/contract-types.js';
import { isAbort } from '../../../api/http-client.js';
import { fetchUnit, fetchUnits } from '../api/units-api.js';

interface UnitSelectProps {
  id?: string;
  value?: number | null;
  onChange?: (id: number | null) => void;
  allowClear?: boolean;
  'data-testid'?: string;
}

const toOption = (unit: Unit) => ({ value: unit.id, label: `${unit.name}（${unit.regionName}）` });

/** Choose a unit by typing part of its name (server search). */
export function UnitSelect({ id, value, onChange, allowClear = true, ...rest }: UnitSelectProps) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [options, setOptions] = useState<{ value: number; label: string }[]>([]);
  const [loading, setLoading] = useState(false);

  // biome-ignore lint/correctness/useExhaustiveDependencies: search again only when the typed text changes; picking a value (read to keep the chosen option listed) must not re-run the search
  useEffect(() => {
    const controller = new AbortController();
    const timer = window.setTimeout(() => {
      setLoading(true);
      fetchUnits({ q: text || undefined, pageSize: 20 }, controller.signal).then(
        (page) => {
          setOptions((current) => {
            const chosen = current.filter((option) => option.value === value);
            const found = page.items.map(toOption);
            return [...chosen.filter((c) => !found.some((f) => f.value === c.value)), ...found];
          });
          setLoading(false);
        },
        (failure: unknown) => !isAbort(failure) && setLoading(false),
      );
    }, 250);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [text]);

  // A value from outside (a record, the URL) that is not among the options: fetch its name.
  useEffect(() => {
    if (!value || options.some((option) => option.value === value)) return;
    const controller = new AbortController();
    fetchUnit(value, controller.signal).then(
      (unit) => setOptions((current) => [toOption(unit), ...current]),
      () => undefined,
    );
    return () => controller.abort();
  }, [value, options]);

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
      onChange={(next) => onChange?.(next ?? null)}
      notFoundContent={loading ? null : t('common.noData')}
    />
  );
}
