import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { BacklogBoard, CardList, ExtensionRequest, ListedExtensionRequest } from '../../../api/contract-types.js';
import { http } from '../../../api/http-client.js';

type CardQuery = { colour?: string; region?: string; limit?: number };
type ExtensionQuery = { status?: string; caseId?: number };

export const fetchCards = (query: CardQuery, signal?: AbortSignal) =>
  http.get<CardList>('/api/supervision/cards', query, signal);
export const fetchExtensionRequests = (query: ExtensionQuery, signal?: AbortSignal) =>
  http.get<ListedExtensionRequest[]>('/api/extension-requests', query, signal);
export const decideExtension = (id: number, decision: 'approve' | 'refuse', note?: string) =>
  http.post<ExtensionRequest>(`/api/extension-requests/${id}/decision`, { decision, note: note ?? null });
export const fetchBacklog = (query: { region?: string }, signal?: AbortSignal) =>
  http.get<BacklogBoard>('/api/backlog', query, signal);

/** Cards, the backlog and extension requests change with every case action and sweep. */
export const supervisionKeys = {
  cards: ['supervision', 'cards'] as const,
  backlog: ['supervision', 'backlog'] as const,
  extensions: ['extension-requests'] as const,
};

export const cardsQuery = (query: CardQuery) =>
  queryOptions({
    queryKey: [...supervisionKeys.cards, query],
    queryFn: ({ signal }) => fetchCards(query, signal),
    placeholderData: keepPreviousData,
  });
export const backlogQuery = (query: { region?: string }) =>
  queryOptions({
    queryKey: [...supervisionKeys.backlog, query],
    queryFn: ({ signal }) => fetchBacklog(query, signal),
    placeholderData: keepPreviousData,
  });
export const extensionRequestsQuery = (query: ExtensionQuery) =>
  queryOptions({
    queryKey: [...supervisionKeys.extensions, query],
    queryFn: ({ signal }) => fetchExtensionRequests(query, signal),
  });
