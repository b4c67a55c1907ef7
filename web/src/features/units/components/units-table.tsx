import { Button, Space, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table/index.js';
import { useTranslation } from 'react-i18next';
import type { Unit, UnitPage } from '../../../api/contract-types.js';
import { RegionLevelTag } from '../../../components/region-level-tag.js';
import { StatusTag } from '../../../components/status-tag.js';
import { pagerOf } from '../../../components/pager.js';

interface UnitsTableProps {
  data: UnitPage | undefined;
  loading: boolean;
  page: number;
  pageSize: number;
  typeName: (code: string) => string;
  onPage: (page: number, pageSize: number) => void;
  onEdit?: ((unit: Unit) => void) | undefined;
}

/** The server-paged list of units. */
export function UnitsTable({ data, loading, page, pageSize, typeName, onPage, onEdit }: UnitsTableProps) {
  const { t } = useTranslation();
  const columns: ColumnsType<Unit> = [
    { title: t('units.name'), dataIndex: 'name', key: 'name' },
    { title: t('units.type'), dataIndex: 'typeCode', key: 'type', render: (code: string) => typeName(code) },
    {
      title: t('units.region'),
      key: 'region',
      render: (_, unit) => (
        <Space size={4} wrap>
          {unit.regionName}
          <RegionLevelTag level={unit.regionLevel} />
        </Space>
      ),
    },
    { title: t('units.phone'), dataIndex: 'phone', key: 'phone', render: (phone: string | null) => phone ?? '—' },
    {
      title: t('common.status'),
      dataIndex: 'disabled',
      key: 'status',
      render: (disabled: boolean) => <StatusTag disabled={disabled} />,
    },
  ];
  if (onEdit) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      render: (_, unit) => (
        <Button
          type="link"
          onClick={() => onEdit(unit)}
          aria-label={`${t('common.edit')} ${unit.name}`}
          data-testid={`unit-edit-${unit.id}`}
        >
          {t('common.edit')}
        </Button>
      ),
    });
  }
  return (
    <Table<Unit>
      size="middle"
      rowKey="id"
      data-testid="units-table"
      columns={columns}
      dataSource={data?.items ?? []}
      loading={loading}
      scroll={{ x: 'max-content' }}
      pagination={pagerOf({ page, pageSize, onPage }, data?.total ?? 0, t)}
    />
  );
}
