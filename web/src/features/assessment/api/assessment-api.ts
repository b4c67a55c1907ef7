import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { Scheme, SchemeScores } from '../../../api/contract-types.js';
import { http } from '../../../api/http-client.js';

export type ScoresQuery = { period: string; date: string };

export const fetchSchemes = (signal?: AbortSignal) => http.get<Scheme[]>('/api/schemes', {}, signal);
export const fetchScores = (id: number, q: ScoresQuery, signal?: AbortSignal) =>
  http.get<SchemeScores>(`/api/schemes/${id}/scores`, q, signal);
export const runScheme = (id: number, q: ScoresQuery) => http.post<SchemeScores>(`/api/schemes/${id}/runs`, q);

/** Schemes change with the administrator's edits; scores with every run. */
export const assessmentKeys = { schemes: ['schemes'] as const, scores: ['schemes', 'scores'] as const };

export const schemesQuery = () =>
  queryOptions({ queryKey: assessmentKeys.schemes, queryFn: ({ signal }) => fetchSchemes(signal) });
export const scoresQuery = (id: number | null, q: ScoresQuery) =>
  queryOptions({
    queryKey: [...assessmentKeys.scores, id, q],
    queryFn: ({ signal }) => fetchScores(id!, q, signal),
    enabled: id !== null,
    placeholderData: keepPreviousData,
  });
