import { covers } from '../../core/auth/actor.js';
import { cstDateOf } from '../../core/deadline/cst.js';
import { workingMsBetween } from '../../core/deadline/working-time.js';
import { notFound } from '../../core/errors.js';
import { type CaseFacts, caseFacts } from '../../core/kpi/case-facts.js';
import type { KpiInput } from '../../core/kpi/inputs.js';
import { customPeriod, type Period, periodOf, previousPeriod, samePeriodLastYear } from '../../core/kpi/period.js';
import type { KpiQuery } from '../../contract/kpi.js';
import type { Tx } from '../../storage/db.js';
import { type KpiSource, kpiSource } from '../../storage/kpi.repo.js';
import { regionByCode } from '../../storage/region-tree.repo.js';
import type { Ctx } from '../context.js';
import { loadPolicies } from '../deadlines/load-policies.js';

const DAY_MS = 86_400_000;

/** The period a query names: a calendar period around `date` (today in CST by default) or a custom range. */
export function periodOfQuery(q: KpiQuery, now: Date): Period {
  if (q.period === 'custom') return customPeriod(q.from!, q.to!);
  return periodOf(q.period, q.date ?? cstDateOf(now));
}

/**
 * Everything a KPI figure of the region needs, read in the caller's transaction: the cases registered
 * in the region's subtree up to the end of the period (and of the periods it is compared with), as of
 * now. A region outside the caller's jurisdiction answers NotFound, as if it did not exist.
 */
export async function loadKpiInput(ctx: Ctx, trx: Tx, q: KpiQuery) {
  const { now, period, region } = await kpiRegion(ctx, trx, q);
  const path = region.path;
  const until = [period, previousPeriod(period), samePeriodLastYear(period)].reduce(
    (max, p) => (p.to > max ? p.to : max),
    period.to,
  );
  const [all, { calendar }] = await Promise.all([kpiSource(trx, path, until, now), loadPolicies(trx)]);
  const facts = all.histories.map((h) => caseFacts(h.events, h.repeatOf)).filter((f) => matches(f, q));
  const ids = new Set(facts.map((f) => f.caseId));
  const only = <T extends { caseId: number }>(xs: readonly T[]) => xs.filter((x) => ids.has(x.caseId));
  const source: KpiSource = {
    histories: all.histories.filter((h) => h.events[0]?.type === 'received' && ids.has(h.events[0].data.id)),
    stages: only(all.stages),
    cards: only(all.cards),
    extensions: only(all.extensions),
  };
  const input: KpiInput = {
    facts,
    stages: source.stages,
    cards: source.cards,
    extensions: source.extensions,
    asOf: now,
    workingDays: (a, b) => workingMsBetween(calendar, a, b) / DAY_MS,
  };
  return { input, period, region, source, calendar };
}

/**
 * The region and period a query names, as of now: the caller's jurisdiction when no region is named. A
 * region outside the jurisdiction answers NotFound, as if it did not exist.
 */
export async function kpiRegion(ctx: Ctx, trx: Tx, q: KpiQuery) {
  const now = ctx.deps.clock.now();
  const region = q.region ? await regionByCode(trx, q.region) : undefined;
  if (q.region && !region) throw notFound('region', q.region);
  const path = region?.path ?? ctx.actor.scopePath;
  if (!covers(ctx.actor, path)) throw notFound('region', q.region ?? '');
  return { now, period: periodOfQuery(q, now), region: { code: region?.code ?? regionCodeOf(path), path } };
}

/** The code of the region a materialised path ends in (`32/3201/320114/` → 320114). */
const regionCodeOf = (path: string) => path.split('/').filter(Boolean).at(-1) ?? '';

/** The query's case filters: kind, channel, complexity, category, and the case's current or last lead unit. */
function matches(f: CaseFacts, q: KpiQuery): boolean {
  return (
    (!q.kind || f.kind === q.kind) &&
    (!q.channel || f.channel === q.channel) &&
    (!q.complexity || f.complexity === q.complexity) &&
    (!q.categoryCode || f.categoryCode === q.categoryCode) &&
    (!q.unit || f.leads.at(-1) === q.unit)
  );
}
