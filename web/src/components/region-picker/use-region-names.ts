import { useQueries } from '@tanstack/react-query';
import { regionQuery } from '../../api/regions-api.js';
import { useAuth } from '../../app/auth-context.js';

/**
 * code → name for the given codes, filled in as the answers arrive: search results show each match's
 * parent ("丁墙社区 › 第1网格"), since many grids share a name like 第1网格. The regions come from the
 * query cache (a rename invalidates them); a code the server does not show (404) simply has no name.
 */
export function useRegionNames(codes: readonly string[]): Record<string, string> {
  const { me } = useAuth();
  // The user's own breadcrumb is known already, and the server would not show the regions
  // above their jurisdiction anyway (404): those names come from /api/me.
  const breadcrumb = Object.fromEntries((me?.jurisdiction.breadcrumb ?? []).map((ref) => [ref.code, ref.name]));
  const unique = [...new Set(codes)].filter((code) => !(code in breadcrumb)).sort();
  const fetched = useQueries({
    queries: unique.map((code) => ({ ...regionQuery(code), staleTime: Number.POSITIVE_INFINITY })),
    combine: (results) =>
      Object.fromEntries(results.flatMap((result) => (result.data ? [[result.data.code, result.data.name]] : []))),
  });
  return { ...fetched, ...breadcrumb };
}
