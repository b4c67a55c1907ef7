import { queryOptions } from '@tanstack/react-query';
import type {
  CalendarStatus,
  CalendarYear,
  CardRuleList,
  CardRules,
  PolicyList,
  PolicyTable,
  PutCalendarDayInput,
} from '../../../api/contract-types.js';
import { http } from '../../../api/http-client.js';

// The working-day calendar, the deadline policy table and the card rules (issue 4).
export const fetchCalendar = (year: number, signal?: AbortSignal) =>
  http.get<CalendarYear>('/api/calendar', { year }, signal);
export const fetchCalendarStatus = (signal?: AbortSignal) =>
  http.get<CalendarStatus>('/api/calendar/status', undefined, signal);
export const putCalendarDay = (date: string, input: PutCalendarDayInput) =>
  http.put<unknown>(`/api/calendar/${date}`, input);
// Policies and card rules come as the rows that apply to the caller, own and inherited (issue 11, point 4).
export const fetchPolicies = (signal?: AbortSignal) =>
  http.get<PolicyList>('/api/deadline-policies', undefined, signal);
export const putPolicies = (table: PolicyTable) => http.put<PolicyList>('/api/deadline-policies', table);
export const fetchCardRules = (signal?: AbortSignal) => http.get<CardRuleList>('/api/card-rules', undefined, signal);
export const putCardRules = (rules: CardRules) => http.put<CardRuleList>('/api/card-rules', rules);
export const deleteCardRules = () => http.delete<CardRuleList>('/api/card-rules');

export const calendarKeys = { all: ['calendar'] as const };
export const policyKeys = { all: ['deadline-policies'] as const };
export const cardRuleKeys = { all: ['card-rules'] as const };

export const calendarQuery = (year: number) =>
  queryOptions({ queryKey: [...calendarKeys.all, year], queryFn: ({ signal }) => fetchCalendar(year, signal) });
/** Under the calendar's key, so a calendar edit reloads it too. */
export const calendarStatusQuery = () =>
  queryOptions({ queryKey: [...calendarKeys.all, 'status'], queryFn: ({ signal }) => fetchCalendarStatus(signal) });
export const policiesQuery = () =>
  queryOptions({ queryKey: policyKeys.all, queryFn: ({ signal }) => fetchPolicies(signal) });
export const cardRulesQuery = () =>
  queryOptions({ queryKey: cardRuleKeys.all, queryFn: ({ signal }) => fetchCardRules(signal) });
