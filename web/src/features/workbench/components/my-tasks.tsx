import { Badge, Card, Empty, List, Space, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { CaseSummary } from '../../../api/contract-types.js';
import { formatTime } from '../../../api/new-key.js';
import { useMe } from '../../../app/auth-context.js';
import { CaseStatusTag } from '../../../components/case-status-tag.js';
import { ErrorAlert } from '../../../components/error-alert.js';
import { useApiQuery } from '../../../hooks/use-api-query.js';
import { fetchCases } from '../../cases/api/cases-api.js';

const STATUSES = ['dispatched', 'signed', 'in_progress', 'suspended', 'resolved'] as const;

/**
 * My unit's tasks: cases with an assignment at my unit, grouped into to sign for (dispatched to us),
 * in handling (we lead), co-unit requests (another unit leads) and resolved awaiting evaluation.
 */
export function MyTasks() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const unit = me.unit.id;
  const query = useApiQuery(
    async (signal) => (await Promise.all(STATUSES.map((status) => fetchCases({ unit, status, pageSize: 100, sort: 'updated_desc' }, signal)))).flatMap((page) => page.items),
    [unit],
  );
  const all = query.data ?? [];
  const ours = (c: CaseSummary) => c.leadUnit?.id === unit;
  const groups = [
    { key: 'toSign', items: all.filter((c) => c.status === 'dispatched' && ours(c)) },
    { key: 'handling', items: all.filter((c) => ['signed', 'in_progress', 'suspended'].includes(c.status) && ours(c)) },
    { key: 'coRequests', items: all.filter((c) => ['in_progress', 'suspended'].includes(c.status) && !ours(c)) },
    { key: 'resolved', items: all.filter((c) => c.status === 'resolved') },
  ];
  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('tasks.title')}</h2>} data-testid="workbench-tasks" extra={<Link to={`/cases?unit=${unit}`}>{t('tasks.viewAll')}</Link>}>
      <ErrorAlert error={query.error} onRetry={query.reload} />
      <Tabs
        items={groups.map((group) => ({
          key: group.key,
          label: (
            <Space size={6} data-testid={`tasks-tab-${group.key}`}>
              {t(`tasks.${group.key}`)}
              <Badge count={group.items.length} showZero color={group.items.length ? '#0958d9' : '#8c8c8c'} data-testid={`tasks-count-${group.key}`} />
            </Space>
          ),
          children: group.items.length ? (
            <List
              dataSource={group.items}
              renderItem={(c) => (
                <List.Item key={c.id} extra={<CaseStatusTag status={c.status} />}>
                  <List.Item.Meta
                    title={<Link to={`/cases/${c.id}`} data-testid={`task-${c.trackingCode}`}>{`${c.trackingCode} ${c.title}`}</Link>}
                    description={<span style={{ color: 'rgba(0,0,0,0.75)' }}>{`${c.regionName} · ${t(`enums.kind.${c.kind}`)} · ${formatTime(c.receivedAt, i18n.language)}`}</span>}
                  />
                </List.Item>
              )}
            />
          ) : (
            <Empty description={<span style={{ color: 'rgba(0,0,0,0.75)' }}>{t('tasks.empty')}</span>} image={Empty.PRESENTED_IMAGE_SIMPLE} />
          ),
        }))}
      />
    </Card>
  );
}
