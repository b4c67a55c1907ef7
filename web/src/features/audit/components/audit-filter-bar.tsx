import { DatePicker, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { AUDIT_OUTCOMES } from '../../../api/contract-types.js';
import { FilterBar, FilterField } from '../../../components/filter-bar.js';

export type AuditFilterKey = 'actor' | 'action' | 'outcome' | 'from' | 'to';
type UrlFilters = Partial<Record<AuditFilterKey, string>>;
type FormFilters = { actor?: string; action?: string; outcome?: string; range?: [Dayjs | null, Dayjs | null] | null };

const DAY = 'YYYY-MM-DD';

interface AuditFilterBarProps {
  filters: UrlFilters;
  onSearch: (filters: UrlFilters) => void;
  onReset: () => void;
}

/** Actor, action, outcome and a date range; the URL keeps plain dates (YYYY-MM-DD). */
export function AuditFilterBar({ filters, onSearch, onReset }: AuditFilterBarProps) {
  const { t } = useTranslation();
  const values = useMemo<FormFilters>(
    () => ({
      actor: filters.actor,
      action: filters.action,
      outcome: filters.outcome,
      range:
        filters.from || filters.to
          ? [filters.from ? dayjs(filters.from) : null, filters.to ? dayjs(filters.to) : null]
          : null,
    }),
    [filters],
  );
  return (
    <FilterBar<FormFilters>
      values={values}
      label={t('common.search')}
      onReset={onReset}
      onSearch={(form) =>
        onSearch({
          actor: form.actor?.trim(),
          action: form.action?.trim(),
          outcome: form.outcome,
          from: form.range?.[0]?.format(DAY),
          to: form.range?.[1]?.format(DAY),
        })
      }
    >
      <FilterField name="actor" label={t('audit.actor')}>
        <Input allowClear maxLength={64} data-testid="audit-filter-actor" />
      </FilterField>
      <FilterField name="action" label={t('audit.action')}>
        <Input allowClear maxLength={64} data-testid="audit-filter-action" />
      </FilterField>
      <FilterField name="outcome" label={t('audit.outcome')}>
        <Select
          allowClear
          placeholder={t('common.all')}
          data-testid="audit-filter-outcome"
          options={AUDIT_OUTCOMES.map((outcome) => ({ value: outcome, label: t(`audit.outcomes.${outcome}`) }))}
        />
      </FilterField>
      <FilterField name="range" label={t('audit.dateRange')}>
        <DatePicker.RangePicker
          allowEmpty={[true, true]}
          style={{ width: '100%' }}
          placeholder={[t('audit.from'), t('audit.to')]}
        />
      </FilterField>
    </FilterBar>
  );
}
