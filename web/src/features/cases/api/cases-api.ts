import type {
  ActionBodies,
  CaseActionName,
  CaseDetail,
  CaseUrges,
  CaseListQuery,
  CasePage,
  Party,
  SubmitCaseInput,
} from '../../../api/contract-types.js';
import { http } from '../../../api/http-client.js';

type SubmitBody = Omit<SubmitCaseInput, 'complexity' | 'parties' | 'attachments'> &
  Partial<Pick<SubmitCaseInput, 'complexity' | 'parties' | 'attachments'>>;

/** The idempotency key is made once per form submission and repeated on retry, so a retry never files twice. */
export const submitCase = (input: SubmitBody, idempotencyKey: string) =>
  http.post<CaseDetail>('/api/cases', input, { 'Idempotency-Key': idempotencyKey });
export const fetchCases = (query: CaseListQuery, signal?: AbortSignal) =>
  http.get<CasePage>('/api/cases', query, signal);
export const fetchCase = (id: number, signal?: AbortSignal) =>
  http.get<CaseDetail>(`/api/cases/${id}`, undefined, signal);
export const actOnCase = <A extends CaseActionName>(id: number, action: A, body: ActionBodies[A]) =>
  http.post<CaseDetail>(`/api/cases/${id}/actions/${action}`, body);
export const fetchCaseUrges = (id: number, signal?: AbortSignal) =>
  http.get<CaseUrges>(`/api/cases/${id}/urges`, undefined, signal);
export const revealParties = (id: number, reason: string) =>
  http.post<Party[]>(`/api/cases/${id}/parties/reveal`, { reason });
