import { Descriptions, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table/index.js';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { AuditPage, AuditRecord } from '../../../api/contract-types.js';
import { AuditOutcomeTag } from './audit-outcome-tag.js';
import { pagerOf } from '../../../components/pager.js';

interface AuditTableProps {
  data: AuditPage | undefined;
  loading: boolean;
  page: number;
  pageSize: number;
  onPage: (page: number, pageSize: number) => void;
}

function AuditRecordDetails({ record }: { record: AuditRecord }) {
  const { t } = useTranslation();
  return (
    <Descriptions column={1} size="small">
      <Descriptions.Item label={t('audit.details')}>
        <pre style={{ margin: 0, whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
          {JSON.stringify(record.details, null, 2)}
        </pre>
      </Descriptions.Item>
      <Descriptions.Item label={t('audit.requestId')}>{record.requestId ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={t('audit.hash')}>
        <code style={{ wordBreak: 'break-all' }}>{record.hash}</code>
      </Descriptions.Item>
    </Descriptions>
  );
}

/** The audit log, newest first as the server sends it; a row opens to show details and hash. */
export function AuditTable({ data, loading, page, pageSize, onPage }: AuditTableProps) {
  const { t } = useTranslation();
  const columns: ColumnsType<AuditRecord> = [
    { title: '#', dataIndex: 'id', key: 'id' },
    {
      title: t('audit.at'),
      dataIndex: 'at',
      key: 'at',
      render: (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm:ss'),
    },
    { title: t('audit.actor'), dataIndex: 'actorName', key: 'actor' },
    { title: t('audit.action'), dataIndex: 'action', key: 'action', render: (action: string) => <code>{action}</code> },
    { title: t('audit.target'), dataIndex: 'target', key: 'target' },
    {
      title: t('audit.outcome'),
      dataIndex: 'outcome',
      key: 'outcome',
      render: (outcome: AuditRecord['outcome']) => <AuditOutcomeTag outcome={outcome} />,
    },
  ];
  return (
    <Table<AuditRecord>
      size="middle"
      rowKey="id"
      data-testid="audit-table"
      columns={columns}
      dataSource={data?.items ?? []}
      loading={loading}
      scroll={{ x: 'max-content' }}
      expandable={{
        columnTitle: <span className="cg-visually-hidden">{t('audit.details')}</span>,
        expandedRowRender: (record) => <AuditRecordDetails record={record} />,
      }}
      pagination={pagerOf({ page, pageSize, onPage }, data?.total ?? 0, t)}
    />
  );
}
