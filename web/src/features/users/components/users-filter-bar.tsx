import { Input, Select } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES } from '../../../api/contract-types.js';
import { FilterBar, FilterField } from '../../../components/filter-bar.js';
import { RegionPicker } from '../../../components/region-picker/region-picker.js';
import { UnitSelect } from '../../units/components/unit-select.js';

export type UserFilterKey = 'q' | 'role' | 'unit' | 'region';
type UrlFilters = Partial<Record<UserFilterKey, string>>;
type FormFilters = {
  q?: string;
  role?: string;
  unit?: number | null;
  region?: string | null;
};

interface UsersFilterBarProps {
  filters: UrlFilters;
  onSearch: (filters: UrlFilters) => void;
  onReset: () => void;
}

/** Name, role, unit and region filters for the user list. */
export function UsersFilterBar({ filters, onSearch, onReset }: UsersFilterBarProps) {
  const { t } = useTranslation();
  const values = useMemo<FormFilters>(
    () => ({ ...filters, unit: filters.unit ? Number(filters.unit) : null }),
    [filters],
  );
  return (
    <FilterBar<FormFilters>
      values={values}
      label={t('common.search')}
      onReset={onReset}
      onSearch={(form) =>
        onSearch({
          q: form.q?.trim(),
          role: form.role,
          unit: form.unit ? String(form.unit) : undefined,
          region: form.region ?? undefined,
        })
      }
    >
      <FilterField name="q" label={t('users.searchText')}>
        <Input allowClear maxLength={64} data-testid="users-filter-q" />
      </FilterField>
      <FilterField name="role" label={t('users.filterRole')}>
        <Select
          allowClear
          placeholder={t('common.all')}
          options={ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
        />
      </FilterField>
      <FilterField name="unit" label={t('users.filterUnit')}>
        <UnitSelect />
      </FilterField>
      <FilterField name="region" label={t('users.filterRegion')}>
        <RegionPicker />
      </FilterField>
    </FilterBar>
  );
}
