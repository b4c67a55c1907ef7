import { Space, Table, Tag } from 'antd';
import type { ColumnType, ColumnsType } from 'antd/es/table/index.js';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { CasePage, CaseSummary } from '../../../api/contract-types.js';
import { formatTime } from '../../../api/new-key.js';
import { CaseStatusTag } from '../../../components/case-status-tag.js';
import { useCategoryNames } from '../../../components/category-tree-select.js';
import { pagerOf } from '../../../components/pager.js';

/** The tracking code, linking to the case: the first column of every list of cases. */
export function trackingCodeColumn<Row extends { id: number; trackingCode: string }>(t: TFunction): ColumnType<Row> {
  return {
    title: t('cases.code'),
    key: 'code',
    render: (_, c) => (
      <Link to={`/cases/${c.id}`} data-testid={`case-link-${c.trackingCode}`}>
        {c.trackingCode}
      </Link>
    ),
  };
}

interface CasesTableProps {
  data: CasePage | undefined;
  loading: boolean;
  page?: number;
  pageSize?: number;
  onPage?: (page: number, pageSize: number) => void;
  'data-testid'?: string;
}

/** A server-paged list of cases; the tracking code links to the case; repeat, cluster and send-back warnings tag the title. */
export function CasesTable({ data, loading, page, pageSize, onPage, ...rest }: CasesTableProps) {
  const { t, i18n } = useTranslation();
  const categoryName = useCategoryNames();
  const columns: ColumnsType<CaseSummary> = [
    trackingCodeColumn(t),
    {
      title: t('cases.titleCol'),
      key: 'title',
      render: (_, c) => (
        <Space size={4} wrap>
          {c.title}
          {c.repeatOf !== null && (
            <Tag bordered={false} style={{ color: '#871400', background: '#fff1f0' }}>
              {t('cases.repeat')}
            </Tag>
          )}
          {c.clusterSize > 0 && (
            <Tag bordered={false} style={{ color: '#613400', background: '#fff7e6' }} data-testid="tag-cluster">
              {t('cases.cluster', { count: c.clusterSize })}
            </Tag>
          )}
          {c.sentBackCount > 0 && (
            <Tag bordered={false} style={{ color: '#595959', background: '#f0f0f0' }} data-testid="tag-sent-back">
              {t('cases.sentBack', { count: c.sentBackCount })}
            </Tag>
          )}
        </Space>
      ),
    },
    { title: t('cases.kind'), dataIndex: 'kind', key: 'kind', render: (kind: string) => t(`enums.kind.${kind}`) },
    {
      title: t('cases.category'),
      dataIndex: 'categoryCode',
      key: 'category',
      render: (code: string) => categoryName(code),
    },
    { title: t('cases.region'), dataIndex: 'regionName', key: 'region' },
    {
      title: t('cases.status'),
      dataIndex: 'status',
      key: 'status',
      render: (status: string) => <CaseStatusTag status={status} />,
    },
    { title: t('cases.leadUnit'), key: 'lead', render: (_, c) => c.leadUnit?.name ?? '—' },
    {
      title: t('cases.receivedAt'),
      dataIndex: 'receivedAt',
      key: 'receivedAt',
      render: (at: string) => formatTime(at, i18n.language),
    },
  ];
  return (
    <Table<CaseSummary>
      size="middle"
      rowKey="id"
      data-testid={rest['data-testid'] ?? 'cases-table'}
      columns={columns}
      dataSource={data?.items ?? []}
      loading={loading}
      scroll={{ x: 'max-content' }}
      pagination={onPage ? pagerOf({ page, pageSize, onPage }, data?.total ?? 0, t) : false}
    />
  );
}
