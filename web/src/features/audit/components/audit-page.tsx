import { useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { AUDIT_OUTCOMES, type AuditQuery } from '../../../api/contract-types.js';
import { ErrorAlert } from '../../../components/error-alert.js';
import { PageHeader } from '../../../components/page-header.js';
import { useUrlFilters } from '../../../hooks/use-url-filters.js';
import { auditQuery } from '../api/audit-api.js';
import { AuditFilterBar, type AuditFilterKey } from './audit-filter-bar.js';
import { AuditTable } from './audit-table.js';
import { VerifyChainButton } from './verify-chain-button.js';

const FILTER_KEYS: readonly AuditFilterKey[] = ['actor', 'action', 'outcome', 'from', 'to'];

/** A plain date from the URL as an ISO instant with offset, at the start or end of that local day. */
function dayBound(day: string | undefined, end: boolean): string | undefined {
  if (!day || !dayjs(day).isValid()) return undefined;
  const at = end ? dayjs(day).endOf('day') : dayjs(day).startOf('day');
  return at.format('YYYY-MM-DDTHH:mm:ss.SSSZ');
}

/** 审计 (auditor only): filtered, paged audit log and the hash-chain check. */
export function AuditPage() {
  const { t } = useTranslation();
  const { filters, page, pageSize, setFilters, resetFilters, setPage } = useUrlFilters(FILTER_KEYS);
  const query: AuditQuery = {
    actor: filters.actor,
    action: filters.action,
    outcome: AUDIT_OUTCOMES.find((outcome) => outcome === filters.outcome),
    from: dayBound(filters.from, false),
    to: dayBound(filters.to, true),
    page,
    pageSize,
  };
  const audit = useQuery(auditQuery(query));

  return (
    <>
      <PageHeader title={t('audit.title')} subtitle={t('audit.subtitle')} />
      <VerifyChainButton />
      <AuditFilterBar filters={filters} onSearch={setFilters} onReset={resetFilters} />
      <ErrorAlert error={audit.error} onRetry={audit.refetch} />
      <AuditTable data={audit.data} loading={audit.isFetching} page={page} pageSize={pageSize} onPage={setPage} />
    </>
  );
}
