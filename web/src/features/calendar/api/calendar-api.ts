import { queryOptions } from '@tanstack/react-query';
import type {
  CalendarStatus,
  CalendarYear,
  CardRules,
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
export const fetchPolicies = (signal?: AbortSignal) =>
  http.get<PolicyTable>('/api/deadline-policies', undefined, signal);
export const putPolicies = (table: PolicyTable) => http.put<PolicyTable>('/api/deadline-policies', table);
export const fetchCardRules = (signal?: AbortSignal) => http.get<CardRules>('/api/card-rules', undefined, signal);
export const putCardRules = (rules: CardRules) => http.put<CardRules>('/api/card-rules', rules);

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
