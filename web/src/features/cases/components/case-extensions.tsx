import { useQuery } from '@tanstack/react-query';
import { Button, Card, Space, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table/index.js';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail, ExtensionRequest } from '../../../api/contract-types.js';
import { formatTime } from '../../../api/new-key.js';
import { ErrorAlert } from '../../../components/error-alert.js';
import { extensionRequestsQuery } from '../../supervision/api/supervision-api.js';
import { ExtensionRequestModal, type RequestableStage } from './extension-request-modal.js';

// Dark text on light backgrounds (WCAG AA), as the other status tags.
const STATUS_STYLE: Record<ExtensionRequest['status'], { color: string; background: string }> = {
  requested: { color: '#613400', background: '#fff7e6' },
  approved: { color: '#135200', background: '#f6ffed' },
  refused: { color: '#820014', background: '#fff1f0' },
};

/**
 * 延期申请: this case's extension requests with their state, the requesting unit and the decision;
 * a button for each running stage the caller's unit may extend (the server's `canRequestExtension`).
 */
export function CaseExtensions({ detail }: { detail: CaseDetail }) {
  const { t, i18n } = useTranslation();
  // Reloaded when a request or any action on the case invalidates the extension requests.
  const requests = useQuery(extensionRequestsQuery({ caseId: detail.id }));
  const [asking, setAsking] = useState<RequestableStage | null>(null);
  const requestable = detail.assignments.flatMap((a) => a.stages.filter((s) => s.canRequestExtension));
  const unitName = (unitId: number) => detail.assignments.find((a) => a.unit.id === unitId)?.unit.name ?? `#${unitId}`;
  const time = (at: string | null) => formatTime(at, i18n.language);
  if (requestable.length === 0 && (requests.data?.length ?? 0) === 0 && !requests.error) return null;

  const columns: ColumnsType<ExtensionRequest> = [
    {
      title: t('supervision.stage'),
      dataIndex: 'stage',
      key: 'stage',
      render: (s: string) => t(`supervision.stages.${s}`),
    },
    { title: t('cases.ext.unit'), dataIndex: 'unitId', key: 'unit', render: unitName },
    { title: t('supervision.amount'), key: 'amount', render: (_, r) => `${r.amount} ${t(`timeUnits.${r.unit}`)}` },
    { title: t('supervision.reason'), dataIndex: 'reason', key: 'reason' },
    { title: t('cases.ext.requestedAt'), dataIndex: 'requestedAt', key: 'at', render: time },
    {
      title: t('cases.status'),
      dataIndex: 'status',
      key: 'status',
      render: (s: ExtensionRequest['status']) => (
        <Tag bordered={false} style={STATUS_STYLE[s]}>
          {t(`cases.ext.status.${s}`)}
        </Tag>
      ),
    },
    {
      title: t('cases.ext.decision'),
      key: 'decision',
      render: (_, r) =>
        r.decidedAt === null
          ? '—'
          : [time(r.decidedAt), r.dueAfter ? t('cases.ext.newDue', { at: time(r.dueAfter) }) : null, r.decisionNote]
              .filter(Boolean)
              .join(' · '),
    },
  ];

  return (
    <Card
      title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('supervision.extensions')}</h2>}
      style={{ marginBottom: 16 }}
      data-testid="case-extensions"
    >
      <ErrorAlert error={requests.error} onRetry={requests.refetch} />
      {requestable.length > 0 && (
        <Space wrap style={{ marginBottom: 12 }}>
          {requestable.map((s) => (
            <Button
              key={`${s.stage}-${s.startAt}`}
              onClick={() => setAsking(s)}
              data-testid={`request-extension-${s.stage}`}
            >
              {requestable.length > 1
                ? t('cases.ext.requestStage', { stage: t(`supervision.stages.${s.stage}`) })
                : t('cases.ext.request')}
            </Button>
          ))}
        </Space>
      )}
      {(requests.data?.length ?? 0) > 0 && (
        <Table<ExtensionRequest>
          size="small"
          rowKey="id"
          columns={columns}
          dataSource={requests.data}
          scroll={{ x: 'max-content' }}
          pagination={false}
          data-testid="case-extension-requests"
        />
      )}
      <ExtensionRequestModal
        caseId={detail.id}
        stage={asking}
        onClose={() => setAsking(null)}
        onDone={() => setAsking(null)}
      />
    </Card>
  );
}
