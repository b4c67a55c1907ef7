import { useQueries, useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import type { Region } from '../../api/contract-types.js';
import { regionChildrenQuery, regionQuery } from '../../api/regions-api.js';

const CHILD_PAGE_SIZE = 100;

interface ChildPage {
  codes: string[];
  total: number;
  page: number;
}

export interface RegionTreeState {
  rootCodes: readonly string[];
  regions: Readonly<Record<string, Region>>;
  children: Readonly<Record<string, ChildPage>>;
  error: unknown;
  /** Loads the first page of a node's children, or the next page when `more` is set. */
  loadChildren: (code: string, more?: boolean) => Promise<void>;
  /** After a change under `code` (add, delete): fetch its children again. */
  reloadChildren: (code: string) => Promise<void>;
  /** After a change to one region (rename): replace it in place. */
  upsert: (region: Region) => void;
  /** After a delete: drop the region from its parent's list. */
  remove: (region: Region) => void;
}

/**
 * The lazily loaded region tree: only the roots are fetched at first, each node's children
 * when it is opened, a page at a time (a province has hundreds of thousands of nodes).
 */
export function useRegionTree(rootCodes: readonly string[]): RegionTreeState {
  const queryClient = useQueryClient();
  const roots = useQueries({
    queries: rootCodes.map((code) => regionQuery(code)),
    combine: (results) => ({
      regions: Object.fromEntries(results.flatMap((result) => (result.data ? [[result.data.code, result.data]] : []))),
      error: results.find((result) => result.error)?.error ?? null,
    }),
  });
  // Nodes met below the roots, and changes made here (rename, delete) until the next load.
  const [loaded, setRegions] = useState<Record<string, Region>>({});
  const [children, setChildren] = useState<Record<string, ChildPage>>({});
  const [pageError, setError] = useState<unknown>(null);
  const regions = { ...roots.regions, ...loaded };
  const error = roots.error ?? pageError;

  // Each page is asked afresh (staleTime 0): after an add or delete the parent's list must be the server's.
  const fetchPage = useCallback(
    async (code: string, page: number, append: boolean) => {
      try {
        const result = await queryClient.fetchQuery(regionChildrenQuery(code, page, CHILD_PAGE_SIZE));
        setRegions((current) => ({ ...current, ...Object.fromEntries(result.items.map((item) => [item.code, item])) }));
        setChildren((current) => {
          const previous = append ? (current[code]?.codes ?? []) : [];
          const codes = [...previous, ...result.items.map((item) => item.code).filter((c) => !previous.includes(c))];
          return { ...current, [code]: { codes, total: result.total, page } };
        });
        setError(null);
      } catch (failure) {
        setError(failure);
      }
    },
    [queryClient],
  );

  const loadChildren = useCallback(
    async (code: string, more = false) => {
      const loaded = children[code];
      if (!more && loaded) return;
      await fetchPage(code, more && loaded ? loaded.page + 1 : 1, more);
    },
    [children, fetchPage],
  );

  const reloadChildren = useCallback((code: string) => fetchPage(code, 1, false), [fetchPage]);

  const upsert = useCallback((region: Region) => {
    setRegions((current) => ({ ...current, [region.code]: { ...current[region.code], ...region } }));
  }, []);

  const remove = useCallback((region: Region) => {
    const parent = region.parentCode;
    if (!parent) return;
    setChildren((current) => {
      const page = current[parent];
      if (!page) return current;
      return {
        ...current,
        [parent]: { ...page, codes: page.codes.filter((c) => c !== region.code), total: page.total - 1 },
      };
    });
  }, []);

  return { rootCodes, regions, children, error, loadChildren, reloadChildren, upsert, remove };
}
