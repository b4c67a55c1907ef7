import { QueryClient } from '@tanstack/react-query';

/**
 * The one cache of server data (TanStack Query). No automatic retries: a failed load shows its
 * ErrorAlert at once, with a Retry button, and a refused save (a 4xx) would only fail again.
 * No refetch on window focus: a page reloads when it mounts, when its keys change and when a save
 * invalidates what it changed, never under a form being filled in.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: false, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
}
