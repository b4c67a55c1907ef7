import { useCallback, useEffect, useState } from 'react';
import { isAbort } from '../api/http-client.js';

export interface ApiQueryState<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload: () => void;
}

/**
 * Runs `load` whenever `deps` change (aborting the previous call) or `reload` is called.
 * Keeps the last data while reloading, so tables do not flash empty.
 */
export function useApiQuery<T>(load: (signal: AbortSignal) => Promise<T>, deps: readonly unknown[]): ApiQueryState<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const [tick, setTick] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `load` is a new closure on every render; the caller lists what it reads in `deps`, and `tick` is the reload trigger
  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    load(controller.signal).then(
      (result) => {
        setData(result);
        setError(null);
        setLoading(false);
      },
      (failure: unknown) => {
        if (isAbort(failure)) return;
        setError(failure);
        setLoading(false);
      },
    );
    return () => controller.abort();
  }, [...deps, tick]);

  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { data, error, loading, reload };
}
