import { useQuery } from '@tanstack/react-query';
import { Card, Empty, List, Segmented, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { CaseSummary } from '../../../api/contract-types.js';
import { formatTime } from '../../../api/new-key.js';
import { useMe } from '../../../app/auth-context.js';
import { CardTag, CaseStatusTag } from '../../../components/case-status-tag.js';
import { ErrorAlert } from '../../../components/error-alert.js';
import { ProvisionalTag } from '../../../components/provisional-tag.js';
import { caseKeys, fetchCases } from '../../cases/api/cases-api.js';

const STATUSES = ['dispatched', 'signed', 'in_progress', 'suspended', 'resolved'] as const;

/**
 * My unit's tasks: cases with an assignment at my unit, grouped into to sign for (dispatched to us),
 * in handling (we lead), co-unit requests (another unit leads), resolved awaiting evaluation, and
 * due soon or late (a supervision card is out); each with its deadline and card colour.
 */
export function MyTasks() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const unit = me.unit.id;
  const [shown, setShown] = useState('toSign');
  // Under the cases' key, so any case action or intake reloads the tasks too.
  const query = useQuery({
    queryKey: [...caseKeys.all, 'tasks', unit],
    queryFn: async ({ signal }) =>
      (
        await Promise.all(
          STATUSES.map((status) => fetchCases({ unit, status, pageSize: 100, sort: 'updated_desc' }, signal)),
        )
      ).flatMap((page) => page.items),
  });
  const all = query.data ?? [];
  const ours = (c: CaseSummary) => c.leadUnit?.id === unit;
  const groups = [
    { key: 'toSign', items: all.filter((c) => c.status === 'dispatched' && ours(c)) },
    { key: 'handling', items: all.filter((c) => ['signed', 'in_progress', 'suspended'].includes(c.status) && ours(c)) },
    { key: 'coRequests', items: all.filter((c) => ['in_progress', 'suspended'].includes(c.status) && !ours(c)) },
    { key: 'resolved', items: all.filter((c) => c.status === 'resolved') },
    // 临期: the sweep's blue card marks a stage near its limit, yellow and red one past it.
    {
      key: 'dueSoon',
      items: all.filter((c) => c.card !== null).sort((a, b) => (a.dueAt ?? '').localeCompare(b.dueAt ?? '')),
    },
  ];
  const current = groups.find((g) => g.key === shown)?.items ?? [];
  return (
    <Card
      title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('tasks.title')}</h2>}
      data-testid="workbench-tasks"
      extra={<Link to={`/cases?unit=${unit}`}>{t('tasks.viewAll')}</Link>}
    >
      <ErrorAlert error={query.error} onRetry={query.refetch} />
      {/* Five groups: on a grid worker's phone the control scrolls sideways instead of squeezing its labels. */}
      <div style={{ overflowX: 'auto', marginBottom: 12 }}>
        <Segmented
          value={shown}
          onChange={(key) => setShown(String(key))}
          options={groups.map((group) => ({
            value: group.key,
            label: (
              <span data-testid={`tasks-tab-${group.key}`}>
                {t(`tasks.${group.key}`)} <strong data-testid={`tasks-count-${group.key}`}>{group.items.length}</strong>
              </span>
            ),
          }))}
        />
      </div>
      {current.length ? (
        <List
          dataSource={current}
          renderItem={(c) => (
            <List.Item
              key={c.id}
              extra={
                <Space size={4} wrap>
                  {c.card && <CardTag colour={c.card} label={t(`supervision.cards.${c.card}`)} />}
                  <CaseStatusTag status={c.status} />
                </Space>
              }
            >
              <List.Item.Meta
                title={
                  <Link
                    to={`/cases/${c.id}`}
                    data-testid={`task-${c.trackingCode}`}
                  >{`${c.trackingCode} ${c.title}`}</Link>
                }
                description={
                  <Space size={4} wrap>
                    <span style={{ color: 'rgba(0,0,0,0.75)' }} data-testid={`task-due-${c.trackingCode}`}>
                      {`${c.regionName} · ${t(`enums.kind.${c.kind}`)} · ${c.dueAt ? t('tasks.due', { time: formatTime(c.dueAt, i18n.language) }) : t('tasks.noClock')}`}
                    </span>
                    <ProvisionalTag
                      provisional={c.dueAt !== null && c.provisional}
                      testId={`provisional-${c.trackingCode}`}
                    />
                  </Space>
                }
              />
            </List.Item>
          )}
        />
      ) : (
        <Empty
          description={<span style={{ color: 'rgba(0,0,0,0.75)' }}>{t('tasks.empty')}</span>}
          image={Empty.PRESENTED_IMAGE_SIMPLE}
        />
      )}
    </Card>
  );
}
