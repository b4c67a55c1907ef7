import { breakdown, childRegionOf } from '../../core/kpi/compare.js';
import type { CaseFacts } from '../../core/kpi/case-facts.js';
import { computeFigure, kpiDefinition } from '../../core/kpi/definitions.js';
import { LOWER_IS_BETTER, rankPeers } from '../../core/kpi/ranking.js';
import { notFound } from '../../core/errors.js';
import type { BREAKDOWNS, KpiQuery } from '../../contract/kpi.js';
import { childrenOf } from '../../storage/region-tree.repo.js';
import { unitRefs } from '../../storage/unit-refs.repo.js';
import { type Ctx, readAs } from '../context.js';
import { amounts, drillDownLink, periodView } from './kpi-figures.js';
import { loadKpiInput } from './load-kpi-input.js';

type By = (typeof BREAKDOWNS)[number];

/**
 * One figure by child region, by unit (the case's current or last lead) or by a case dimension, ranked
 * fairly (ranking.ts), each row with the link to its own cases. Regions and units are named as the
 * caller's scope shows them.
 */
export async function kpiBreakdown(ctx: Ctx, id: string, q: KpiQuery & { by: By }) {
  const def = kpiDefinition(id);
  if (!def) throw notFound('kpi', id);
  return readAs(ctx, 'kpi.read', `kpi:${id}`, async (trx) => {
    const { input, period, region } = await loadKpiInput(ctx, trx, q);
    const keyOf: (f: CaseFacts) => string | null =
      q.by === 'region'
        ? childRegionOf(region.path)
        : q.by === 'unit'
          ? (f) => (f.leads.length ? String(f.leads.at(-1)) : null)
          : (f) => String(f[q.by as Exclude<By, 'region' | 'unit'>]);
    const groups = breakdown(def, input, period, keyOf);
    const names = new Map<string, string>();
    if (q.by === 'region') {
      for (const c of (await childrenOf(trx, region.code, 1, 10_000)).items) names.set(c.code, c.name);
      // Every child is a peer, with or without cases in the period.
      const none = computeFigure(def, { ...input, facts: [], stages: [], cards: [], extensions: [] }, period);
      for (const code of names.keys()) if (!groups.has(code)) groups.set(code, none);
    } else if (q.by === 'unit') {
      for (const [uid, u] of await unitRefs(trx, [...groups.keys()].map(Number))) names.set(String(uid), u.name);
    }
    const ranked = rankPeers(
      [...groups].map(([key, figure]) => ({ key, figure })),
      def.kind,
      LOWER_IS_BETTER.has(def.id),
    );
    const rowQuery = (key: string): KpiQuery =>
      q.by === 'region'
        ? { ...q, region: key }
        : { ...q, region: region.code, [q.by]: q.by === 'unit' ? Number(key) : key };
    return {
      id,
      by: q.by,
      period: periodView(period),
      ranking: def.kind === 'rate' ? 'wilson_lower_bound_95' : 'value',
      rows: ranked.map((r) => ({
        key: r.key,
        name: names.get(r.key) ?? null,
        ...amounts(r.figure),
        score: r.score,
        rank: r.rank,
        drillDown: drillDownLink(id, q.by === 'region' ? r.key : region.code, rowQuery(r.key)),
      })),
    };
  });
}
