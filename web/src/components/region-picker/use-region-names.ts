import { useEffect, useState } from 'react';
import { fetchRegion } from '../../api/regions-api.js';
import { useAuth } from '../../app/auth-context.js';

// Names of regions by code, fetched once per page load: search results show each match's
// parent ("丁墙社区 › 第1网格"), since many grids share a name like 第1网格.
const cache = new Map<string, Promise<string | null>>();

function nameOf(code: string): Promise<string | null> {
  let pending = cache.get(code);
  if (!pending) {
    pending = fetchRegion(code).then(
      (region) => region.name,
      () => null,
    );
    cache.set(code, pending);
  }
  return pending;
}

/** After a rename: the next lookup asks the server again. */
export function forgetRegionName(code: string): void {
  cache.delete(code);
}

/** code → name for the given codes, filled in as the answers arrive. */
export function useRegionNames(codes: readonly string[]): Record<string, string> {
  const { me } = useAuth();
  // The user's own breadcrumb is known already, and the server would not show the regions
  // above their jurisdiction anyway (404): those names come from /api/me.
  const breadcrumb = Object.fromEntries((me?.jurisdiction.breadcrumb ?? []).map((ref) => [ref.code, ref.name]));
  const [fetched, setNames] = useState<Record<string, string>>({});
  const key = [...new Set(codes)]
    .filter((code) => !(code in breadcrumb))
    .sort()
    .join(',');

  useEffect(() => {
    let live = true;
    const unique = key ? key.split(',') : [];
    void Promise.all(unique.map(async (code) => [code, await nameOf(code)] as const)).then((pairs) => {
      if (!live) return;
      const found = Object.fromEntries(pairs.filter((pair): pair is readonly [string, string] => pair[1] !== null));
      setNames((current) => ({ ...current, ...found }));
    });
    return () => {
      live = false;
    };
  }, [key]);

  return { ...fetched, ...breadcrumb };
}
