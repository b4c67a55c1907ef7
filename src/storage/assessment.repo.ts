import type { SchemeDefinition } from '../core/assessment/scheme.js';
import type { RegionScore } from '../core/assessment/scoring.js';
import type { Warning } from '../core/assessment/warnings.js';
import type { PeriodKind } from '../core/kpi/period.js';
import type { Tx } from './db.js';
import { inSubtree } from './like.js';

/** A scheme with the metadata of each version, oldest first. */
export type SchemeRow = {
  id: number;
  ownerCode: string;
  /** The owning region's path: the scheme is seen in that subtree. */
  regionPath: string;
  year: number;
  name: string;
  versions: { version: number; createdAt: Date; createdBy: string; usedAt: Date | null }[];
};

async function withVersions(
  trx: Tx,
  rows: { id: number; owner_code: string; region_path: string; year: number; name: string }[],
): Promise<SchemeRow[]> {
  const ids = rows.map((r) => Number(r.id));
  const versions = ids.length
    ? await trx
        .selectFrom('assessment_scheme_versions')
        .select(['scheme_id', 'version', 'created_at', 'created_by', 'used_at'])
        .where('scheme_id', 'in', ids)
        .orderBy('version')
        .execute()
    : [];
  return rows.map((r) => ({
    id: Number(r.id),
    ownerCode: r.owner_code,
    regionPath: r.region_path,
    year: Number(r.year),
    name: r.name,
    versions: versions
      .filter((v) => Number(v.scheme_id) === Number(r.id))
      .map((v) => ({
        version: Number(v.version),
        createdAt: v.created_at,
        createdBy: v.created_by,
        usedAt: v.used_at,
      })),
  }));
}

/** The schemes owned by regions in the subtree at `path`, newest year first. */
export async function listSchemes(trx: Tx, f: { path: string; year?: number }): Promise<SchemeRow[]> {
  let q = trx.selectFrom('assessment_schemes').selectAll().where(inSubtree('region_path', f.path));
  if (f.year !== undefined) q = q.where('year', '=', f.year);
  return withVersions(trx, await q.orderBy('year', 'desc').orderBy('region_path').orderBy('name').execute());
}

export async function getScheme(trx: Tx, id: number): Promise<SchemeRow | undefined> {
  const r = await trx.selectFrom('assessment_schemes').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? (await withVersions(trx, [r]))[0] : undefined;
}

export async function schemeDefinition(trx: Tx, id: number, version: number): Promise<SchemeDefinition | undefined> {
  const r = await trx
    .selectFrom('assessment_scheme_versions')
    .select('definition')
    .where('scheme_id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return r?.definition as SchemeDefinition | undefined;
}

export async function insertScheme(
  trx: Tx,
  s: { ownerCode: string; regionPath: string; year: number; name: string; at: Date },
): Promise<number> {
  const r = await trx
    .insertInto('assessment_schemes')
    .values({ owner_code: s.ownerCode, region_path: s.regionPath, year: s.year, name: s.name, created_at: s.at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(r.id);
}

export async function renameScheme(trx: Tx, id: number, name: string): Promise<void> {
  await trx.updateTable('assessment_schemes').set({ name }).where('id', '=', id).execute();
}

export async function insertSchemeVersion(
  trx: Tx,
  v: { schemeId: number; version: number; regionPath: string; definition: SchemeDefinition; at: Date; by: string },
): Promise<void> {
  await trx
    .insertInto('assessment_scheme_versions')
    .values({
      scheme_id: v.schemeId,
      version: v.version,
      region_path: v.regionPath,
      definition: JSON.stringify(v.definition),
      created_at: v.at,
      created_by: v.by,
    })
    .execute();
}

/** Rewrites a version no scores were stored from; false when it has been used meanwhile. */
export async function rewriteUnusedVersion(
  trx: Tx,
  v: { schemeId: number; version: number; definition: SchemeDefinition; at: Date; by: string },
): Promise<boolean> {
  const r = await trx
    .updateTable('assessment_scheme_versions')
    .set({ definition: JSON.stringify(v.definition), created_at: v.at, created_by: v.by })
    .where('scheme_id', '=', v.schemeId)
    .where('version', '=', v.version)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Freezes a version: scores were stored from it. */
export async function markVersionUsed(trx: Tx, schemeId: number, version: number, at: Date): Promise<void> {
  await trx
    .updateTable('assessment_scheme_versions')
    .set({ used_at: at })
    .where('scheme_id', '=', schemeId)
    .where('version', '=', version)
    .where('used_at', 'is', null)
    .execute();
}

/** Imported figures of some indicators for some regions in one period. */
export async function indicatorValues(
  trx: Tx,
  f: { indicators: readonly string[]; regions: readonly string[]; periodKind: PeriodKind; from: Date },
): Promise<{ indicator: string; regionCode: string; value: number }[]> {
  if (f.indicators.length === 0 || f.regions.length === 0) return [];
  const rows = await trx
    .selectFrom('indicator_values')
    .select(['indicator', 'region_code', 'value'])
    .where('indicator', 'in', [...f.indicators])
    .where('region_code', 'in', [...f.regions])
    .where('period_kind', '=', f.periodKind)
    .where('period_from', '=', f.from)
    .execute();
  return rows.map((r) => ({ indicator: r.indicator, regionCode: r.region_code, value: Number(r.value) }));
}

/** Stores imported figures; a figure already there for the same indicator, region and period is replaced. */
export async function upsertIndicatorValues(
  trx: Tx,
  rows: readonly {
    indicator: string;
    regionCode: string;
    regionPath: string;
    periodKind: PeriodKind;
    from: Date;
    value: number;
    source: string;
    at: Date;
  }[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    await trx
      .insertInto('indicator_values')
      .values(
        rows.slice(i, i + 500).map((r) => ({
          indicator: r.indicator,
          region_code: r.regionCode,
          region_path: r.regionPath,
          period_kind: r.periodKind,
          period_from: r.from,
          value: r.value,
          source: r.source,
          imported_at: r.at,
        })),
      )
      .onConflict((oc) =>
        oc.columns(['indicator', 'region_code', 'period_kind', 'period_from']).doUpdateSet((eb) => ({
          value: eb.ref('excluded.value'),
          source: eb.ref('excluded.source'),
          imported_at: eb.ref('excluded.imported_at'),
        })),
      )
      .execute();
  }
}

/** A stored run: the scores of one period as computed, with its warnings. */
export type StoredRun = {
  id: number;
  version: number;
  computedAt: Date;
  scores: (Omit<RegionScore, 'components'> & { components: unknown[] })[];
  warnings: Warning[];
};

export async function findRun(
  trx: Tx,
  f: { schemeId: number; periodKind: PeriodKind; from: Date },
): Promise<StoredRun | undefined> {
  const run = await trx
    .selectFrom('assessment_runs')
    .select(['id', 'version', 'computed_at'])
    .where('scheme_id', '=', f.schemeId)
    .where('period_kind', '=', f.periodKind)
    .where('period_from', '=', f.from)
    .executeTakeFirst();
  if (!run) return undefined;
  const [scores, warnings] = await Promise.all([
    trx.selectFrom('assessment_scores').selectAll().where('run_id', '=', run.id).execute(),
    trx.selectFrom('assessment_warnings').selectAll().where('run_id', '=', run.id).orderBy('id').execute(),
  ]);
  return {
    id: Number(run.id),
    version: Number(run.version),
    computedAt: run.computed_at,
    scores: scores.map((s) => ({
      region: s.region_code,
      index: s.index_value === null ? null : Number(s.index_value),
      rank: s.rank === null ? null : Number(s.rank),
      coverage: Number(s.coverage),
      components: s.components,
    })),
    warnings: warnings.map((w) => ({
      region: w.region_code,
      reason: w.reason,
      index: Number(w.index_value),
      previous: w.previous_value === null ? null : Number(w.previous_value),
      limit: Number(w.limit_value),
    })),
  };
}

/** Stores a run with every region's scores and its warnings; returns the warnings' ids in order. */
export async function insertRun(
  trx: Tx,
  r: {
    schemeId: number;
    version: number;
    regionPath: string;
    periodKind: PeriodKind;
    from: Date;
    to: Date;
    at: Date;
    by: string;
    scores: readonly (RegionScore & { path: string })[];
    warnings: readonly (Warning & { path: string })[];
  },
): Promise<{ runId: number; warningIds: number[] }> {
  const run = await trx
    .insertInto('assessment_runs')
    .values({
      scheme_id: r.schemeId,
      version: r.version,
      region_path: r.regionPath,
      period_kind: r.periodKind,
      period_from: r.from,
      period_to: r.to,
      computed_at: r.at,
      computed_by: r.by,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const runId = Number(run.id);
  if (r.scores.length)
    await trx
      .insertInto('assessment_scores')
      .values(
        r.scores.map((s) => ({
          run_id: runId,
          region_code: s.region,
          region_path: s.path,
          index_value: s.index,
          rank: s.rank,
          coverage: s.coverage,
          components: JSON.stringify(s.components),
        })),
      )
      .execute();
  const ids = r.warnings.length
    ? await trx
        .insertInto('assessment_warnings')
        .values(
          r.warnings.map((w) => ({
            run_id: runId,
            scheme_id: r.schemeId,
            region_code: w.region,
            region_path: w.path,
            reason: w.reason,
            index_value: w.index,
            previous_value: w.previous,
            limit_value: w.limit,
            created_at: r.at,
          })),
        )
        .returning('id')
        .execute()
    : [];
  return { runId, warningIds: ids.map((x) => Number(x.id)) };
}

/**
 * The early warnings of the runs that scored a period inside [from, to), for regions below `path`, as
 * the caller's scope shows them (RLS): the monthly bulletin's 预警 section.
 */
export async function warningsWithin(trx: Tx, path: string, from: Date, to: Date) {
  const rows = await trx
    .selectFrom('assessment_warnings as w')
    .innerJoin('assessment_runs as r', 'r.id', 'w.run_id')
    .innerJoin('assessment_schemes as s', 's.id', 'w.scheme_id')
    .leftJoin('regions as g', 'g.code', 'w.region_code')
    .select([
      'w.scheme_id',
      's.name as scheme_name',
      'r.period_kind',
      'r.period_from',
      'w.region_code',
      'g.name as region_name',
      'w.reason',
      'w.index_value',
      'w.previous_value',
      'w.limit_value',
    ])
    .where(inSubtree('w.region_path', path))
    .where('r.period_from', '>=', from)
    .where('r.period_to', '<=', to)
    .orderBy('w.index_value')
    .orderBy('w.region_code')
    .execute();
  return rows.map((w) => ({
    schemeId: Number(w.scheme_id),
    scheme: w.scheme_name,
    period: { kind: w.period_kind, from: w.period_from.toISOString() },
    regionCode: w.region_code,
    regionName: w.region_name,
    reason: w.reason,
    index: Number(w.index_value),
    previous: w.previous_value === null ? null : Number(w.previous_value),
    limit: Number(w.limit_value),
  }));
}
