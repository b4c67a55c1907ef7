import { type QueryKey, useMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';

/**
 * A save for a form, as a TanStack mutation: `saving` for its button, `error` for its ErrorAlert,
 * `reset` to clear it when the form opens again. `run` awaits the save, then invalidates the queries
 * under `invalidates` (so every list and detail showing what changed loads again) before `saving`
 * ends; a failure is kept (and handed to `onError`, e.g. to mark fields), never thrown.
 */
export function useSave(invalidates: readonly QueryKey[] = []) {
  const client = useQueryClient();
  const { mutateAsync, isPending, error, reset } = useMutation<void, unknown, () => Promise<void>>({
    mutationFn: (save) => save(),
    onSuccess: async () => {
      await Promise.all(invalidates.map((queryKey) => client.invalidateQueries({ queryKey })));
    },
  });
  const run = useCallback(
    async (save: () => Promise<void>, onError?: (failure: unknown) => void) => {
      try {
        await mutateAsync(save);
      } catch (failure) {
        onError?.(failure);
      }
    },
    [mutateAsync],
  );
  return { saving: isPending, error, reset, run };
}
