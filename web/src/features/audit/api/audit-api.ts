import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { AuditPage, AuditQuery, AuditVerification } from '../../../api/contract-types.js';
import { http } from '../../../api/http-client.js';

export const fetchAudit = (query: AuditQuery, signal?: AbortSignal) => http.get<AuditPage>('/api/audit', query, signal);
export const verifyAuditChain = () => http.get<AuditVerification>('/api/audit/verify');

export const auditQuery = (query: AuditQuery) =>
  queryOptions({
    queryKey: ['audit', query],
    queryFn: ({ signal }) => fetchAudit(query, signal),
    placeholderData: keepPreviousData,
  });
