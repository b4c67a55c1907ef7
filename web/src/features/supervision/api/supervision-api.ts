import type {
  BacklogBoard,
  CalendarYear,
  CardList,
  CardRules,
  CreateExtensionInput,
  ExtensionRequest,
  ListedExtensionRequest,
  PolicyTable,
  PutCalendarDayInput,
} from '../../../api/contract-types.js';
import { http } from '../../../api/http-client.js';

export const fetchCards = (query: { colour?: string; region?: string; limit?: number }, signal?: AbortSignal) =>
  http.get<CardList>('/api/supervision/cards', query, signal);
export const fetchExtensionRequests = (query: { status?: string; caseId?: number }, signal?: AbortSignal) =>
  http.get<ListedExtensionRequest[]>('/api/extension-requests', query, signal);
export const requestExtension = (caseId: number, input: CreateExtensionInput) =>
  http.post<ExtensionRequest>(`/api/cases/${caseId}/extension-requests`, input);
export const decideExtension = (id: number, decision: 'approve' | 'refuse', note?: string) =>
  http.post<ExtensionRequest>(`/api/extension-requests/${id}/decision`, { decision, note: note ?? null });
export const fetchBacklog = (query: { region?: string }, signal?: AbortSignal) =>
  http.get<BacklogBoard>('/api/backlog', query, signal);
export const fetchCalendar = (year: number, signal?: AbortSignal) =>
  http.get<CalendarYear>('/api/calendar', { year }, signal);
export const putCalendarDay = (date: string, input: PutCalendarDayInput) =>
  http.put<unknown>(`/api/calendar/${date}`, input);
export const fetchPolicies = (signal?: AbortSignal) =>
  http.get<PolicyTable>('/api/deadline-policies', undefined, signal);
export const putPolicies = (table: PolicyTable) => http.put<PolicyTable>('/api/deadline-policies', table);
export const fetchCardRules = (signal?: AbortSignal) => http.get<CardRules>('/api/card-rules', undefined, signal);
export const putCardRules = (rules: CardRules) => http.put<CardRules>('/api/card-rules', rules);
