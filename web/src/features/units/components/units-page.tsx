import { useQuery } from '@tanstack/react-query';
import { PlusOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Unit } from '../../../api/contract-types.js';
import { useCan } from '../../../app/auth-context.js';
import { ErrorAlert } from '../../../components/error-alert.js';
import { PageHeader } from '../../../components/page-header.js';
import { useUrlFilters } from '../../../hooks/use-url-filters.js';
import { unitsQuery } from '../api/units-api.js';
import { UnitEditDrawer } from './unit-edit-drawer.js';
import { UnitsFilterBar, type UnitFilterKey } from './units-filter-bar.js';
import { UnitsTable } from './units-table.js';
import { useUnitTypes } from './use-unit-types.js';

const FILTER_KEYS: readonly UnitFilterKey[] = ['region', 'type', 'q'];

/** 单位: filter by region, type and name; administrators create and edit units. */
export function UnitsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const canEdit = useCan('unit.write');
  const { filters, page, pageSize, setFilters, resetFilters, setPage } = useUrlFilters(FILTER_KEYS);
  const unitTypes = useUnitTypes();
  const [editing, setEditing] = useState<Unit | 'new' | null>(null);
  const units = useQuery(unitsQuery({ ...filters, page, pageSize }));

  return (
    <>
      <PageHeader
        title={t('units.title')}
        subtitle={t('units.subtitle')}
        extra={
          canEdit && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="unit-create">
              {t('units.createTitle')}
            </Button>
          )
        }
      />
      <UnitsFilterBar filters={filters} typeOptions={unitTypes.options} onSearch={setFilters} onReset={resetFilters} />
      <ErrorAlert error={units.error ?? unitTypes.error} onRetry={units.refetch} />
      <UnitsTable
        data={units.data}
        loading={units.isFetching}
        page={page}
        pageSize={pageSize}
        typeName={unitTypes.typeName}
        onPage={setPage}
        onEdit={canEdit ? setEditing : undefined}
      />
      <UnitEditDrawer
        target={editing}
        typeOptions={unitTypes.options}
        onClose={() => setEditing(null)}
        onSaved={() => {
          message.success(t('common.saved'));
          setEditing(null);
        }}
      />
    </>
  );
}
