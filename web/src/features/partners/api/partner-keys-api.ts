import { queryOptions } from '@tanstack/react-query';
import type { IssuedPartnerKey, IssuePartnerKeyInput, PartnerKeyView } from '../../../api/contract-types.js';
import { http } from '../../../api/http-client.js';

export const fetchPartnerKeys = (signal?: AbortSignal) =>
  http.get<PartnerKeyView[]>('/api/partner-keys', undefined, signal);
/** The answer carries the key itself, once: the server keeps only its SHA-256. */
export const issuePartnerKey = (input: IssuePartnerKeyInput) => http.post<IssuedPartnerKey>('/api/partner-keys', input);
export const revokePartnerKey = (id: number) => http.post<PartnerKeyView>(`/api/partner-keys/${id}/revoke`);

export const partnerKeyKeys = { all: ['partner-keys'] as const };
export const partnerKeysQuery = () =>
  queryOptions({ queryKey: partnerKeyKeys.all, queryFn: ({ signal }) => fetchPartnerKeys(signal) });
