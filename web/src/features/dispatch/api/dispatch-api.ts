import { queryOptions } from '@tanstack/react-query';
import type {
  CreateDispatchRuleInput,
  DispatchDecision,
  DispatchRule,
  DryRunInput,
  UpdateDispatchRuleInput,
} from '../../../api/contract-types.js';
import { http } from '../../../api/http-client.js';

export type DryRunBody = Omit<DryRunInput, 'complexity' | 'crossRegion'> &
  Partial<Pick<DryRunInput, 'complexity' | 'crossRegion'>>;
type CreateRuleBody = Omit<CreateDispatchRuleInput, 'fallback' | 'enabled'> &
  Partial<Pick<CreateDispatchRuleInput, 'fallback' | 'enabled'>>;

export const dryRunDispatch = (input: DryRunBody) => http.post<DispatchDecision>('/api/dispatch/dry-run', input);
export const fetchDispatchRules = (signal?: AbortSignal) =>
  http.get<DispatchRule[]>('/api/dispatch-rules', undefined, signal);
export const createDispatchRule = (input: CreateRuleBody) => http.post<DispatchRule>('/api/dispatch-rules', input);
export const updateDispatchRule = (id: number, input: UpdateDispatchRuleInput) =>
  http.patch<DispatchRule>(`/api/dispatch-rules/${id}`, input);
export const deleteDispatchRule = (id: number) => http.delete(`/api/dispatch-rules/${id}`);

export const dispatchRuleKeys = { all: ['dispatch-rules'] as const };
export const dispatchRulesQuery = () =>
  queryOptions({ queryKey: dispatchRuleKeys.all, queryFn: ({ signal }) => fetchDispatchRules(signal) });
/**
 * The dry-run changes nothing (a POST only for its body), so it is a query: the same input is asked once,
 * and a change to the rules invalidates the answers.
 */
export const dryRunQuery = (input: DryRunBody) =>
  queryOptions({ queryKey: [...dispatchRuleKeys.all, 'dry-run', input], queryFn: () => dryRunDispatch(input) });
