import { Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { FilterBar, FilterField } from '../../../components/filter-bar.js';
import { RegionPicker } from '../../../components/region-picker/region-picker.js';

export type UnitFilterKey = 'region' | 'type' | 'q';
type UnitFilters = Partial<Record<UnitFilterKey, string>>;

interface UnitsFilterBarProps {
  filters: UnitFilters;
  typeOptions: { value: string; label: string }[];
  onSearch: (filters: UnitFilters) => void;
  onReset: () => void;
}

/** Region (and below), unit type and name. */
export function UnitsFilterBar({ filters, typeOptions, onSearch, onReset }: UnitsFilterBarProps) {
  const { t } = useTranslation();
  return (
    <FilterBar values={filters} onSearch={onSearch} onReset={onReset} label={t('common.search')}>
      <FilterField name="region" label={t('units.filterRegion')}>
        <RegionPicker data-testid="units-filter-region" />
      </FilterField>
      <FilterField name="type" label={t('units.type')}>
        <Select allowClear options={typeOptions} placeholder={t('common.all')} data-testid="units-filter-type" />
      </FilterField>
      <FilterField name="q" label={t('units.searchName')}>
        <Input allowClear maxLength={64} data-testid="units-filter-q" />
      </FilterField>
    </FilterBar>
  );
}
