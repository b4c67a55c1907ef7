import { kpiDefinition } from '../../core/kpi/definitions.js';
import type { Figure } from '../../core/kpi/inputs.js';
import { LOWER_IS_BETTER, rankPeers, rankWithinClasses } from '../../core/kpi/ranking.js';
import { DomainError, notFound } from '../../core/errors.js';
import type { BREAKDOWNS, KpiQuery } from '../../contract/kpi.js';
import type { Tx } from '../../storage/db.js';
import { getPeerClass, listPeerClasses, type PeerClassRow } from '../../storage/peer-classes.repo.js';
import { childrenOf } from '../../storage/region-tree.repo.js';
import { unitRefs } from '../../storage/unit-refs.repo.js';
import { type Ctx, readAs } from '../context.js';
import { amounts, drillDownLink, periodView } from './kpi-figures.js';
import { rollupGroupKeys, rollupGroupSums } from '../../storage/kpi-rollup.repo.js';
import { kpiRegion } from './load-kpi-input.js';
import { daySpan, figureOfSums, rollupFilter } from './read-rollup.js';

type By = (typeof BREAKDOWNS)[number];

/**
 * One figure by child region, by unit (the case's current or last lead) or by a case dimension, ranked
 * fairly (ranking.ts), each row with the link to its own cases. Summed from the rollup, grouped by the
 * dimension it keeps. Regions and units are named as the caller's scope shows them.
 */
export async function kpiBreakdown(ctx: Ctx, id: string, q: KpiQuery & { by: By; peerClass?: number }) {
  const def = kpiDefinition(id);
  if (!def) throw notFound('kpi', id);
  if (q.peerClass !== undefined && q.by !== 'region')
    throw new DomainError('ValidationFailed', 'a peer class ranks regions: use it with by=region', {
      field: 'peerClass',
    });
  return readAs(ctx, 'kpi.read', `kpi:${id}`, async (trx) => {
    const { period, region } = await kpiRegion(ctx, trx, q);
    const classes = q.by === 'region' ? await classesFor(trx, region.path, q.peerClass) : null;
    const span = daySpan(period);
    const filter = rollupFilter(q);
    // A group for every key a case registered before the period's end has, as a breakdown of the cases would.
    const [sums, keys] = await Promise.all([
      rollupGroupSums(trx, region.path, filter, def.id, span, q.by),
      rollupGroupKeys(trx, region.path, filter, span.b, q.by),
    ]);
    const groups = new Map<string, Figure>(
      [...new Set([...keys, ...sums.keys()])]
        .sort((a, b) => a.localeCompare(b))
        .map((k) => [k, figureOfSums(def, period, sums.get(k))]),
    );
    const names = new Map<string, string>();
    if (q.by === 'region') {
      for (const c of (await childrenOf(trx, region.code, 1, 10_000)).items) names.set(c.code, c.name);
      // Every child is a peer, with or without cases in the period.
      for (const code of names.keys()) if (!groups.has(code)) groups.set(code, figureOfSums(def, period, undefined));
    } else if (q.by === 'unit') {
      for (const [uid, u] of await unitRefs(trx, [...groups.keys()].map(Number))) names.set(String(uid), u.name);
    }
    if (classes?.only) for (const key of [...groups.keys()]) if (!classes.of.has(key)) groups.delete(key);
    const ranked = rankPeers(
      [...groups].map(([key, figure]) => ({ key, figure })),
      def.kind,
      LOWER_IS_BETTER.has(def.id),
    );
    const classRank = rankWithinClasses(ranked, (key) => classes?.of.get(key)?.id ?? null);
    const rowQuery = (key: string): KpiQuery =>
      q.by === 'region'
        ? { ...q, region: key }
        : { ...q, region: region.code, [q.by]: q.by === 'unit' ? Number(key) : key };
    return {
      id,
      by: q.by,
      period: periodView(period),
      ranking: def.kind === 'rate' ? 'wilson_lower_bound_95' : 'value',
      peerClass: classes?.only ? classView(classes.only) : null,
      rows: ranked.map((r) => ({
        key: r.key,
        name: names.get(r.key) ?? null,
        ...amounts(r.figure),
        score: r.score,
        rank: r.rank,
        peerClass: classes?.of.has(r.key) ? classView(classes.of.get(r.key)!) : null,
        classRank: classRank.get(r.key) ?? null,
        drillDown: drillDownLink(id, q.by === 'region' ? r.key : region.code, rowQuery(r.key)),
      })),
    };
  });
}

const classView = (c: PeerClassRow) => ({ id: c.id, name: c.name, nameEn: c.nameEn });
const levelOfPath = (path: string) => path.split('/').filter(Boolean).length;

/**
 * The peer classes of the children of the region at `path`: the one asked for (its members are then the
 * only rows), or else those of the nearest owner — the region itself or the closest region above it that
 * the caller sees — that groups regions of the children's level. A class the caller cannot see answers
 * as one that does not exist.
 */
async function classesFor(trx: Tx, path: string, only: number | undefined) {
  const level = levelOfPath(path) + 1;
  if (only !== undefined) {
    const c = await getPeerClass(trx, only);
    if (!c) throw notFound('peer class', only);
    if (c.level !== level)
      throw new DomainError('ValidationFailed', `peer class ${only} groups level ${c.level} regions, not ${level}`, {
        field: 'peerClass',
      });
    return { only: c, of: new Map(c.members.map((m) => [m.code, c])) };
  }
  const all = await listPeerClasses(trx, { path, level, ownersOf: true });
  const nearest = all.filter((c) => c.regionPath === all.at(-1)?.regionPath);
  return { only: null, of: new Map(nearest.flatMap((c) => c.members.map((m) => [m.code, c] as const))) };
}
