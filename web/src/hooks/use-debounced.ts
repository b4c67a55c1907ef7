import { useEffect, useState } from 'react';

/** `value` once it has stayed the same for `ms` (typing, picking): a query keyed by it asks once, not per keystroke. */
export function useDebounced<T extends string | number | boolean | null | undefined>(value: T, ms = 250): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setSettled(value), ms);
    return () => window.clearTimeout(timer);
  }, [value, ms]);
  return settled;
}
