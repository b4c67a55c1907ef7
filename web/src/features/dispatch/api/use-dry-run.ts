import { useQuery } from '@tanstack/react-query';
import { useDebounced } from '../../../hooks/use-debounced.js';
import { type DryRunBody, dryRunQuery } from './dispatch-api.js';

export interface PreviewInput {
  kind?: string | null | undefined;
  categoryCode?: string | null | undefined;
  complexity?: string | null | undefined;
  channel?: string | null | undefined;
  regionCode?: string | null | undefined;
}

/** Where the rules would send a case like this: asked again (debounced) whenever kind, category, complexity, channel or region change. */
export function useDryRun(input: PreviewInput) {
  const { kind, categoryCode, complexity, channel, regionCode } = input;
  const ready = Boolean(kind && categoryCode && channel && regionCode);
  const body = ready
    ? JSON.stringify({ kind, categoryCode, complexity: complexity ?? 'general', channel, regionCode })
    : '';
  const settled = useDebounced(body);
  const query = useQuery({
    ...dryRunQuery(settled ? (JSON.parse(settled) as DryRunBody) : ({} as DryRunBody)),
    enabled: ready && settled === body,
  });
  return {
    decision: ready ? (query.data ?? null) : null,
    error: ready ? query.error : null,
    loading: ready && (query.isFetching || settled !== body),
    ready,
  };
}
