import { queryOptions } from '@tanstack/react-query';
import type {
  CreatedWebhook,
  CreateWebhookInput,
  DeadLetterPage,
  InboxPage,
  Webhook,
} from '../../../api/contract-types.js';
import { http } from '../../../api/http-client.js';

export const fetchInbox = (
  query: { unread?: 'true' | 'false'; page?: number; pageSize?: number },
  signal?: AbortSignal,
) => http.get<InboxPage>('/api/inbox', query, signal);
export const markRead = (id: number) => http.post<void>(`/api/inbox/${id}/read`);
export const fetchWebhooks = (signal?: AbortSignal) => http.get<Webhook[]>('/api/webhooks', undefined, signal);
export const createWebhook = (input: Omit<CreateWebhookInput, 'enabled'> & { enabled?: boolean }) =>
  http.post<CreatedWebhook>('/api/webhooks', input);
export const updateWebhook = (id: number, input: { enabled?: boolean }) =>
  http.patch<Webhook>(`/api/webhooks/${id}`, input);
export const deleteWebhook = (id: number) => http.delete(`/api/webhooks/${id}`);
export const fetchDeadLetters = (query: { page?: number; pageSize?: number }, signal?: AbortSignal) =>
  http.get<DeadLetterPage>('/api/webhooks/dead-letters', query, signal);
export const retryDeadLetter = (id: number) => http.post<void>(`/api/webhooks/dead-letters/${id}/retry`);

export const notificationKeys = {
  inbox: ['inbox'] as const,
  webhooks: ['webhooks'] as const,
  deadLetters: ['webhooks', 'dead-letters'] as const,
};
export const inboxQuery = (query: { unread?: 'true' | 'false'; page?: number; pageSize?: number }) =>
  queryOptions({ queryKey: [...notificationKeys.inbox, query], queryFn: ({ signal }) => fetchInbox(query, signal) });
export const webhooksQuery = () =>
  queryOptions({ queryKey: [...notificationKeys.webhooks, 'list'], queryFn: ({ signal }) => fetchWebhooks(signal) });
export const deadLettersQuery = (query: { page?: number; pageSize?: number }) =>
  queryOptions({
    queryKey: [...notificationKeys.deadLetters, query],
    queryFn: ({ signal }) => fetchDeadLetters(query, signal),
  });
