import { useQuery } from '@tanstack/react-query';
import { DownloadOutlined } from '@ant-design/icons';
import { Button, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { CASE_KINDS, CASE_STATUSES } from '../../../api/contract-types.js';
import { CategoryTreeSelect } from '../../../components/category-tree-select.js';
import { EnumSelect } from '../../../components/enum-select.js';
import { ErrorAlert } from '../../../components/error-alert.js';
import { FilterBar, FilterField } from '../../../components/filter-bar.js';
import { PageHeader } from '../../../components/page-header.js';
import { RegionPicker } from '../../../components/region-picker/region-picker.js';
import { useUrlFilters } from '../../../hooks/use-url-filters.js';
import { casesQuery, casesWorkbookUrl } from '../api/cases-api.js';
import { drillDownOf } from '../../dashboard/api/dashboard-api.js';
import { CasesTable } from './cases-table.js';
import { KpiCases } from './kpi-cases.js';

type CaseFilterKey = 'status' | 'kind' | 'category' | 'region' | 'unit' | 'q';
const FILTER_KEYS: readonly CaseFilterKey[] = ['status', 'kind', 'category', 'region', 'unit', 'q'];

/**
 * 事项列表: filters in the URL (status, kind, category, region, unit, keywords), server-paged; opened from a
 * figure (?kpi=…), exactly the cases that figure counts.
 */
export function CasesPage() {
  const [params] = useSearchParams();
  const drill = drillDownOf(params);
  // Keyed by the address: another figure or part starts again on its first page.
  return drill ? <KpiCases key={params.toString()} drill={drill} /> : <FilteredCases />;
}

function FilteredCases() {
  const { t } = useTranslation();
  const { filters, page, pageSize, setFilters, resetFilters, setPage } = useUrlFilters(FILTER_KEYS);
  const { unit, ...rest } = filters;
  const query = { ...(rest as Record<string, string>), ...(unit ? { unit: Number(unit) } : {}) };
  const cases = useQuery(casesQuery({ ...query, page, pageSize }));
  return (
    <>
      <PageHeader
        title={t('cases.title')}
        subtitle={t('cases.subtitle')}
        extra={
          <Button icon={<DownloadOutlined />} href={casesWorkbookUrl(query)} data-testid="cases-export">
            {t('common.exportExcel')}
          </Button>
        }
      />
      <FilterBar values={filters} onSearch={setFilters} onReset={resetFilters} label={t('common.search')}>
        <FilterField name="status" label={t('cases.status')}>
          <EnumSelect
            values={CASE_STATUSES}
            prefix="enums.status"
            allowClear
            placeholder={t('common.all')}
            data-testid="cases-filter-status"
          />
        </FilterField>
        <FilterField name="kind" label={t('cases.kind')}>
          <EnumSelect values={CASE_KINDS} prefix="enums.kind" allowClear placeholder={t('common.all')} />
        </FilterField>
        <FilterField name="category" label={t('cases.category')}>
          <CategoryTreeSelect />
        </FilterField>
        <FilterField name="region" label={t('cases.region')}>
          <RegionPicker />
        </FilterField>
        <FilterField name="q" label={t('cases.q')}>
          <Input allowClear maxLength={64} data-testid="cases-filter-q" />
        </FilterField>
      </FilterBar>
      <ErrorAlert error={cases.error} onRetry={cases.refetch} />
      <CasesTable data={cases.data} loading={cases.isFetching} page={page} pageSize={pageSize} onPage={setPage} />
    </>
  );
}
