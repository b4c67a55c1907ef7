import { comparedPeriods, withChange } from '../../core/kpi/compare.js';
import { computeFigure, KPI_DEFINITIONS, type KpiDefinition, kpiDefinition } from '../../core/kpi/definitions.js';
import type { Figure } from '../../core/kpi/inputs.js';
import type { Period } from '../../core/kpi/period.js';
import { signalsFor } from '../../core/kpi/signals.js';
import { DomainError, notFound } from '../../core/errors.js';
import type { KpiQuery } from '../../contract/kpi.js';
import { caseBriefs } from '../../storage/kpi.repo.js';
import { type Ctx, readAs } from '../context.js';
import { rollupSums } from '../../storage/kpi-rollup.repo.js';
import { kpiRegion, loadKpiInput } from './load-kpi-input.js';
import { daySpan, figureOfSums, rollupFilter } from './read-rollup.js';

export const amounts = (f: Figure) => ({ numerator: f.numerator, denominator: f.denominator, value: f.value });
export const periodView = (p: Period) => ({ kind: p.kind, from: p.from.toISOString(), to: p.to.toISOString() });

/** Query string that reproduces the request for the drill-down link. */
export function drillDownLink(id: string, regionCode: string, q: KpiQuery): string {
  const params = new URLSearchParams({ region: regionCode, period: q.period });
  for (const k of ['date', 'from', 'to', 'kind', 'channel', 'complexity', 'categoryCode', 'unit'] as const)
    if (q[k] !== undefined) params.set(k, String(q[k]));
  return `/api/kpi/${id}/cases?${params}`;
}

/**
 * Every KPI of a region and period with its change and the signals that could inflate it (分析研判),
 * summed from the rollup (read-rollup.ts): no case is read. The drill-downs list the cases.
 */
export async function kpiFigures(ctx: Ctx, q: KpiQuery) {
  return readAs(ctx, 'kpi.read', `kpi:${q.region ?? 'own'}`, async (trx) => {
    const { now, period, region } = await kpiRegion(ctx, trx, q);
    const periods = comparedPeriods(period);
    const sums = await rollupSums(trx, region.path, rollupFilter(q), periods.map(daySpan));
    const of = (def: KpiDefinition) => (p: Period, i: number) => figureOfSums(def, p, sums[i]!.get(def.id));
    const figures = KPI_DEFINITIONS.map((def) => {
      const c = withChange(def, periods, of(def));
      return {
        id: def.id,
        kind: def.kind,
        name: { zh: def.zh, en: def.en },
        ...amounts(c.figure),
        previous: amounts(c.previous),
        lastYear: amounts(c.lastYear),
        periodOnPeriod: c.periodOnPeriod,
        yearOnYear: c.yearOnYear,
        drillDown: drillDownLink(def.id, region.code, q),
        signals: signalsFor(def.id).map((s) => ({
          id: s.id,
          name: { zh: s.zh, en: s.en },
          ...amounts(of({ ...s, kind: 'rate' })(period, 0)),
        })),
      };
    });
    return { region, period: periodView(period), asOf: now.toISOString(), figures };
  });
}

/** The cases counted by one figure: exactly its numerator's or its denominator's items. */
export async function kpiDrillDown(ctx: Ctx, id: string, q: KpiQuery & { part: 'numerator' | 'denominator' }) {
  const def = kpiDefinition(id);
  if (!def) throw notFound('kpi', id);
  return readAs(ctx, 'kpi.read', `kpi:${id}`, async (trx) => {
    const { input, period } = await loadKpiInput(ctx, trx, q);
    const figure = computeFigure(def, input, period);
    const members = q.part === 'numerator' ? figure.numeratorMembers : figure.denominatorMembers;
    if (members.length > 10_000)
      throw new DomainError('Unprocessable', 'more than 10,000 cases: choose a smaller region or period', {
        count: members.length,
      });
    const briefs = new Map((await caseBriefs(trx, [...new Set(members.map((m) => m.caseId))])).map((b) => [b.id, b]));
    return {
      id,
      part: q.part,
      period: periodView(period),
      count: members.length,
      cases: members.flatMap((m) => {
        const b = briefs.get(m.caseId);
        return b ? [{ ...b, seq: m.seq ?? null }] : [];
      }),
    };
  });
}
