import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type {
  ActionBodies,
  CaseActionName,
  CaseDetail,
  CaseUrges,
  CaseListQuery,
  CasePage,
  CreateExtensionInput,
  ExtensionRequest,
  Party,
  SubmitCaseInput,
} from '../../../api/contract-types.js';
import { buildUrl, http } from '../../../api/http-client.js';

type SubmitBody = Omit<SubmitCaseInput, 'complexity' | 'parties' | 'attachments'> &
  Partial<Pick<SubmitCaseInput, 'complexity' | 'parties' | 'attachments'>>;

/** The idempotency key is made once per form submission and repeated on retry, so a retry never files twice. */
export const submitCase = (input: SubmitBody, idempotencyKey: string) =>
  http.post<CaseDetail>('/api/cases', input, { 'Idempotency-Key': idempotencyKey });
export const fetchCases = (query: CaseListQuery, signal?: AbortSignal) =>
  http.get<CasePage>('/api/cases', query, signal);
/** The same list as an Excel workbook (every page, the filters written on the sheet). */
export const casesWorkbookUrl = (query: Omit<CaseListQuery, 'page' | 'pageSize'>) =>
  buildUrl('/api/cases/workbook', query);
export const fetchCase = (id: number, signal?: AbortSignal) =>
  http.get<CaseDetail>(`/api/cases/${id}`, undefined, signal);
export const actOnCase = <A extends CaseActionName>(id: number, action: A, body: ActionBodies[A]) =>
  http.post<CaseDetail>(`/api/cases/${id}/actions/${action}`, body);
export const fetchCaseUrges = (id: number, signal?: AbortSignal) =>
  http.get<CaseUrges>(`/api/cases/${id}/urges`, undefined, signal);
export const revealParties = (id: number, reason: string) =>
  http.post<Party[]>(`/api/cases/${id}/parties/reveal`, { reason });
/** Asks the parent level for more time on one of the case's running stages (decided under 督办). */
export const requestExtension = (caseId: number, input: CreateExtensionInput) =>
  http.post<ExtensionRequest>(`/api/cases/${caseId}/extension-requests`, input);

/** Every list and detail of cases sits under `all`: an action or an intake invalidates them together. */
export const caseKeys = {
  all: ['cases'] as const,
  detail: (id: number) => ['cases', 'detail', id] as const,
};

export const casesQuery = (query: CaseListQuery) =>
  queryOptions({
    queryKey: [...caseKeys.all, 'list', query],
    queryFn: ({ signal }) => fetchCases(query, signal),
    placeholderData: keepPreviousData,
  });
export const caseQuery = (id: number) =>
  queryOptions({ queryKey: caseKeys.detail(id), queryFn: ({ signal }) => fetchCase(id, signal) });
export const caseUrgesQuery = (id: number) =>
  queryOptions({ queryKey: [...caseKeys.detail(id), 'urges'], queryFn: ({ signal }) => fetchCaseUrges(id, signal) });
