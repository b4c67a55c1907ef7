import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';

const DEFAULT_PAGE_SIZE = 20;

export interface UrlFilters<K extends string> {
  filters: Partial<Record<K, string>>;
  page: number;
  pageSize: number;
  /** Replaces the given filters (empty values remove them) and goes back to page 1. */
  setFilters: (next: Partial<Record<K, string | undefined>>) => void;
  resetFilters: () => void;
  setPage: (page: number, pageSize: number) => void;
}

function positiveInt(raw: string | null, fallback: number): number {
  const value = Number(raw);
  return Number.isInteger(value) && value > 0 ? value : fallback;
}

/**
 * List filters and paging kept in the query string, so a filtered list is a link that can be shared.
 * `keys` should be a module-level constant: a new array on every render gives new `filters` every render.
 */
export function useUrlFilters<K extends string>(keys: readonly K[]): UrlFilters<K> {
  const [params, setParams] = useSearchParams();

  const filters = useMemo(() => {
    const result: Partial<Record<K, string>> = {};
    for (const key of keys) {
      const value = params.get(key);
      if (value) result[key] = value;
    }
    return result;
  }, [params, keys]);

  const page = positiveInt(params.get('page'), 1);
  const pageSize = Math.min(200, positiveInt(params.get('pageSize'), DEFAULT_PAGE_SIZE));

  const setFilters = useCallback(
    (next: Partial<Record<K, string | undefined>>) => {
      setParams((current) => {
        const updated = new URLSearchParams(current);
        for (const [key, value] of Object.entries(next) as [K, string | undefined][]) {
          if (value) updated.set(key, value);
          else updated.delete(key);
        }
        updated.delete('page');
        return updated;
      });
    },
    [setParams],
  );

  const resetFilters = useCallback(() => {
    setParams((current) => {
      const updated = new URLSearchParams(current);
      for (const key of [...keys, 'page']) updated.delete(key);
      return updated;
    });
  }, [setParams, keys]);

  const setPage = useCallback(
    (nextPage: number, nextPageSize: number) => {
      setParams((current) => {
        const updated = new URLSearchParams(current);
        updated.set('page', String(nextPage));
        if (nextPageSize === DEFAULT_PAGE_SIZE) updated.delete('pageSize');
        else updated.set('pageSize', String(nextPageSize));
        return updated;
      });
    },
    [setParams],
  );

  return { filters, page, pageSize, setFilters, resetFilters, setPage };
}
