import { Alert, Skeleton } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../../app/auth-context.js';
import { ErrorAlert } from '../../../components/error-alert.js';
import { PageHeader } from '../../../components/page-header.js';
import { cardRuleKeys, cardRulesQuery, policiesQuery, policyKeys } from '../api/calendar-api.js';
import { CardRulesForm } from './card-rules-form.js';
import { PolicyTableForm } from './policy-table-form.js';

/**
 * 时限规则: the deadline policy table (kind, complexity, stage → limit, extension, source) and the
 * card and backlog rules, their jurisdiction's own and the inherited ones; the administrator edits
 * their own jurisdiction's (overriding inherited ones), everyone else reads them. Deadlines already
 * running keep the instant computed when their stage started, and the page says so.
 */
export function PoliciesPage() {
  const { t } = useTranslation();
  const editable = useCan('deadline.write');
  const queryClient = useQueryClient();
  const loadedPolicies = useQuery(policiesQuery());
  const loadedRules = useQuery(cardRulesQuery());
  // A save answers with the stored table, which takes the loaded one's place in the cache.
  const policies = loadedPolicies.data;
  const rules = loadedRules.data;
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
          void loadedPolicies.refetch();
          void loadedRules.refetch();
        }}
      />
      {!policies && loadedPolicies.isFetching && <Skeleton active />}
      {policies && (
        <PolicyTableForm
          list={policies}
          editable={editable}
          onSaved={(next) => queryClient.setQueryData(policyKeys.all, next)}
        />
      )}
      {rules && (
        <CardRulesForm
          list={rules}
          editable={editable}
          onSaved={(next) => queryClient.setQueryData(cardRuleKeys.all, next)}
        />
      )}
    </>
  );
}
