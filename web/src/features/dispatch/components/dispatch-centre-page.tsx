import { useQuery } from '@tanstack/react-query';
import { Card } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseListQuery } from '../../../api/contract-types.js';
import { ErrorAlert } from '../../../components/error-alert.js';
import { PageHeader } from '../../../components/page-header.js';
import { casesQuery } from '../../cases/api/cases-api.js';
import { CasesTable } from '../../cases/components/cases-table.js';

// Oldest first: a queue is worked from its head.
const QUEUES: { key: string; query: CaseListQuery; testId: string }[] = [
  { key: 'received', query: { status: 'received', sentBack: 'false' }, testId: 'queue-received' },
  { key: 'sentBack', query: { status: 'received', sentBack: 'true' }, testId: 'queue-sent-back' },
  { key: 'waiting', query: { status: 'dispatched' }, testId: 'queue-dispatched' },
];

/** One queue of the centre: a server query, its count in the title, the cases with their warning tags. */
function Queue({ title, hint, query, testId }: { title: string; hint?: string; query: CaseListQuery; testId: string }) {
  const cases = useQuery(casesQuery({ ...query, sort: 'received_asc', pageSize: 50 }));
  return (
    <Card
      title={<h2 style={{ fontSize: 16, margin: 0 }}>{`${title}（${cases.data?.total ?? 0}）`}</h2>}
      style={{ marginBottom: 16 }}
    >
      {hint && <p style={{ marginTop: 0, color: 'rgba(0,0,0,0.75)' }}>{hint}</p>}
      <ErrorAlert error={cases.error} onRetry={cases.refetch} />
      <CasesTable data={cases.data} loading={cases.isFetching} data-testid={testId} />
    </Card>
  );
}

/**
 * 调度中心: the centre's queues in the user's jurisdiction — new received cases, cases sent back
 * by a unit (a send-back returns a case to `received`; the server's `sentBack` filter tells them
 * apart), and dispatched cases not yet signed for. Repeat visits and possible clusters are tagged
 * in the lists. Dispatch, re-dispatch (with the rules' dry-run suggestion) and joint handling
 * happen on the case page.
 */
export function DispatchCentrePage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('dispatchCentre.title')} subtitle={t('dispatchCentre.subtitle')} />
      {QUEUES.map((q) => (
        <Queue
          key={q.key}
          title={t(`dispatchCentre.${q.key}`)}
          hint={q.key === 'sentBack' ? t('dispatchCentre.sentBackHint') : undefined}
          query={q.query}
          testId={q.testId}
        />
      ))}
    </>
  );
}
