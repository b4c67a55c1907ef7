import { useCallback, useState } from 'react';

/**
 * A save in flight for a form: `saving` for its button, `error` for its ErrorAlert. `run` clears the
 * last error, awaits the save and keeps a failure (handing it to `onError`, e.g. to mark fields),
 * so a form never forgets to reset its spinner on failure.
 */
export function useSave() {
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = useCallback(async (save: () => Promise<void>, onError?: (failure: unknown) => void) => {
    setSaving(true);
    setError(null);
    try {
      await save();
    } catch (failure) {
      setError(failure);
      onError?.(failure);
    } finally {
      setSaving(false);
    }
  }, []);
  return { saving, error, setError, run };
}
