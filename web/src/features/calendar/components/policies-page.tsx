import { Alert, Skeleton } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CardRules, PolicyTable } from '../../../api/contract-types.js';
import { useMe } from '../../../app/auth-context.js';
import { ErrorAlert } from '../../../components/error-alert.js';
import { PageHeader } from '../../../components/page-header.js';
import { useApiQuery } from '../../../hooks/use-api-query.js';
import { fetchCardRules, fetchPolicies } from '../../supervision/api/supervision-api.js';
import { CardRulesForm } from './card-rules-form.js';
import { PolicyTableForm } from './policy-table-form.js';

/**
 * 时限规则: the deadline policy table (kind, complexity, stage → limit, extension, source) and the
 * card and backlog rules; the administrator edits both, everyone else reads them. Deadlines already
 * running keep the instant computed when their stage started, and the page says so.
 */
export function PoliciesPage() {
  const { t } = useTranslation();
  const editable = useMe().roles.includes('admin');
  const loadedPolicies = useApiQuery((signal) => fetchPolicies(signal), []);
  const loadedRules = useApiQuery((signal) => fetchCardRules(signal), []);
  // A save answers with the stored table, which replaces what was loaded.
  const [policies, setPolicies] = useState<PolicyTable | undefined>(undefined);
  const [rules, setRules] = useState<CardRules | undefined>(undefined);
  useEffect(() => setPolicies(loadedPolicies.data), [loadedPolicies.data]);
  useEffect(() => setRules(loadedRules.data), [loadedRules.data]);
  return (
    <>
      <PageHeader title={t('policies.title')} subtitle={t('policies.subtitle')} />
      <Alert
        type="info"
        showIcon
        message={t('policies.runningStay')}
        style={{ marginBottom: 16 }}
        data-testid="policies-running-note"
      />
      <ErrorAlert
        error={loadedPolicies.error ?? loadedRules.error}
        onRetry={() => {
          loadedPolicies.reload();
          loadedRules.reload();
        }}
      />
      {!policies && loadedPolicies.loading && <Skeleton active />}
      {policies && <PolicyTableForm table={policies} editable={editable} onSaved={setPolicies} />}
      {rules && <CardRulesForm rules={rules} editable={editable} onSaved={setRules} />}
    </>
  );
}
