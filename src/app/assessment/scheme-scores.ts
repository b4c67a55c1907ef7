import type { SchemeDefinition } from '../../core/assessment/scheme.js';
import { type RawValue, type RegionScore, scoreRegions } from '../../core/assessment/scoring.js';
import type { Warning } from '../../core/assessment/warnings.js';
import { cstDateOf } from '../../core/deadline/cst.js';
import { DomainError } from '../../core/errors.js';
import { type Period, type PeriodKind, periodOf } from '../../core/kpi/period.js';
import type { SchemeScores } from '../../contract/assessment.js';
import { findRun, indicatorValues, type SchemeRow, type StoredRun } from '../../storage/assessment.repo.js';
import { childrenOf } from '../../storage/region-tree.repo.js';
import { type Ctx, readAs } from '../context.js';
import { kpiBreakdown } from '../kpi/kpi-breakdown.js';
import { periodView } from '../kpi/kpi-figures.js';
import { loadScheme } from './schemes.js';

export type Scored = { regions: { code: string; name: string; path: string }[]; scores: RegionScore[] };

/** The period a request names: the calendar period around `date` (today in CST by default). */
export function periodOfRequest(ctx: Ctx, q: { period: PeriodKind; date?: string }): Period {
  return periodOf(q.period, q.date ?? cstDateOf(ctx.deps.clock.now()));
}

/** A scheme of a year scores the periods of that year (the period before, for a drop, may lie in the last). */
export function checkYear(scheme: SchemeRow, period: Period): void {
  const year = Number(cstDateOf(period.from).slice(0, 4));
  if (year !== scheme.year || period.to.getTime() > periodOf('year', `${scheme.year}-01-01`).to.getTime())
    throw new DomainError('ValidationFailed', `the scheme of ${scheme.year} scores periods of ${scheme.year}`, {
      field: 'date',
    });
}

/**
 * Scores the owner's child regions for one period under one definition, from the figures as they stand:
 * each KPI through the KPI use case (the caller's jurisdiction and rules apply), each imported figure as
 * stored. Reads only; several transactions, like the figures themselves.
 */
export async function scoreScheme(ctx: Ctx, scheme: SchemeRow, def: SchemeDefinition, period: Period): Promise<Scored> {
  if (period.kind === 'custom') throw new DomainError('ValidationFailed', 'a scheme scores calendar periods');
  const date = cstDateOf(period.from);
  const values = new Map<string, Record<string, RawValue>>();
  const put = (region: string, key: string, v: RawValue) => values.set(region, { ...values.get(region), [key]: v });
  for (const c of def.components) {
    if (c.source.kind !== 'kpi') continue;
    const b = await kpiBreakdown(ctx, c.source.kpi, {
      region: scheme.ownerCode,
      period: period.kind,
      date,
      by: 'region',
    });
    for (const r of b.rows) put(r.key, c.key, { value: r.value, numerator: r.numerator, denominator: r.denominator });
  }
  const imported = def.components.flatMap((c) => (c.source.kind === 'import' ? [[c.source.indicator, c.key]] : []));
  const regions = await readAs(ctx, 'kpi.read', `scheme:${scheme.id}`, async (trx) => {
    const children = (await childrenOf(trx, scheme.ownerCode, 1, 10_000)).items;
    const rows = await indicatorValues(trx, {
      indicators: imported.map(([indicator]) => indicator!),
      regions: children.map((c) => c.code),
      periodKind: period.kind as PeriodKind,
      from: period.from,
    });
    for (const row of rows)
      for (const [indicator, key] of imported)
        if (indicator === row.indicator) put(row.regionCode, key!, { value: row.value });
    return children.map((c) => ({ code: c.code, name: c.name, path: c.path }));
  });
  const scores = scoreRegions(
    def,
    regions.map((r) => ({ region: r.code, values: values.get(r.code) ?? {} })),
  );
  return { regions, scores };
}

/** The response: every region's index with each component's raw value, score and weight, names attached. */
export function scoresView(
  scheme: SchemeRow,
  def: SchemeDefinition,
  r: { version: number; period: Period; stored: boolean; computedAt: Date; names: Map<string, string> },
  scores: readonly (Omit<RegionScore, 'components'> & { components: unknown[] })[],
  warnings: readonly Warning[],
): SchemeScores {
  const byKey = new Map(def.components.map((c) => [c.key, c]));
  return {
    scheme: { id: scheme.id, name: scheme.name, year: scheme.year, ownerCode: scheme.ownerCode },
    version: r.version,
    period: periodView(r.period),
    stored: r.stored,
    computedAt: r.computedAt.toISOString(),
    rows: [...scores]
      .sort(
        (a, b) =>
          (a.rank ?? Number.MAX_SAFE_INTEGER) - (b.rank ?? Number.MAX_SAFE_INTEGER) || a.region.localeCompare(b.region),
      )
      .map((s) => ({
        regionCode: s.region,
        name: r.names.get(s.region) ?? null,
        index: s.index,
        coverage: s.coverage,
        rank: s.rank,
        components: (s.components as RegionScore['components']).map((c) => {
          const d = byKey.get(c.key)!;
          return { ...c, name: d.name, nameEn: d.nameEn ?? null, source: d.source };
        }),
      })),
    warnings: warnings.map((w) => ({
      regionCode: w.region,
      reason: w.reason,
      index: w.index,
      previous: w.previous,
      limit: w.limit,
    })),
  };
}

/**
 * The scores of a scheme for one period: as stored by its run (the version it used), or computed now
 * when none is stored, a different version is asked for, or `recompute` is set.
 */
export async function schemeScores(
  ctx: Ctx,
  id: number,
  q: { period: PeriodKind; date?: string; version?: number; recompute: boolean },
): Promise<SchemeScores> {
  const period = periodOfRequest(ctx, q);
  const found = await readAs(ctx, 'kpi.read', `scheme:${id}`, async (trx) => {
    const s = await loadScheme(ctx, trx, id, q.version);
    const run = await findRun(trx, { schemeId: id, periodKind: q.period, from: period.from });
    const stored: StoredRun | undefined =
      run && !q.recompute && (q.version ?? run.version) === run.version ? run : undefined;
    const used = stored ? await loadScheme(ctx, trx, id, stored.version) : s;
    const names = new Map((await childrenOf(trx, s.scheme.ownerCode, 1, 10_000)).items.map((c) => [c.code, c.name]));
    return { ...used, stored, names };
  });
  checkYear(found.scheme, period);
  if (found.stored)
    return scoresView(
      found.scheme,
      found.definition,
      { version: found.stored.version, period, stored: true, computedAt: found.stored.computedAt, names: found.names },
      found.stored.scores,
      found.stored.warnings,
    );
  const scored = await scoreScheme(ctx, found.scheme, found.definition, period);
  return scoresView(
    found.scheme,
    found.definition,
    { version: found.version, period, stored: false, computedAt: ctx.deps.clock.now(), names: found.names },
    scored.scores,
    [],
  );
}
