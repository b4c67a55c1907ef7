import { Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert.js';
import { PageHeader } from '../../../components/page-header.js';
import { useApiQuery } from '../../../hooks/use-api-query.js';
import { fetchCases } from '../../cases/api/cases-api.js';
import { CasesTable } from '../../cases/components/cases-table.js';

/**
 * 调度中心: the centre's queues in the user's jurisdiction. Received cases include those sent back
 * (a send-back returns a case to `received`); repeat visits are tagged in the list. Dispatch,
 * re-dispatch (with the rules' dry-run suggestion) and joint handling happen on the case page.
 */
export function DispatchCentrePage() {
  const { t } = useTranslation();
  const received = useApiQuery((signal) => fetchCases({ status: 'received', sort: 'received_asc', pageSize: 50 }, signal), []);
  const waiting = useApiQuery((signal) => fetchCases({ status: 'dispatched', sort: 'received_asc', pageSize: 50 }, signal), []);
  const title = (text: string, count: number | undefined) => <h2 style={{ fontSize: 16, margin: 0 }}>{`${text}（${count ?? 0}）`}</h2>;
  return (
    <>
      <PageHeader title={t('dispatchCentre.title')} subtitle={t('dispatchCentre.subtitle')} />
      <ErrorAlert error={received.error ?? waiting.error} onRetry={() => { received.reload(); waiting.reload(); }} />
      <Card title={title(t('dispatchCentre.received'), received.data?.total)} style={{ marginBottom: 16 }}>
        <CasesTable data={received.data} loading={received.loading} data-testid="queue-received" />
      </Card>
      <Card title={title(t('dispatchCentre.waiting'), waiting.data?.total)}>
        <CasesTable data={waiting.data} loading={waiting.loading} data-testid="queue-dispatched" />
      </Card>
    </>
  );
}
