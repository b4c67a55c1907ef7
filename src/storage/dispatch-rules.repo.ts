import { sql } from 'kysely';
import type { Tx } from './db.js';
import type { CaseKind, Channel, Complexity } from '../core/case/types.js';
import type { RegionLevel } from '../core/region/levels.js';
import type { DispatchRule, Fallback } from '../core/dispatch/types.js';

/** A stored rule: the core's rule, the jurisdiction that set it ('' = the top) and when it last changed. */
export type StoredDispatchRule = DispatchRule & { regionPath: string; updatedAt: Date };

/** The editable part of a rule, as columns. */
export type DispatchRuleValues = {
  name: string;
  kind: CaseKind | null;
  categoryCode: string | null;
  complexity: Complexity | null;
  channel: Channel | null;
  crossRegion: boolean | null;
  targetUnitType: string;
  targetLevel: RegionLevel;
  fallback: Fallback;
  enabled: boolean;
};

function ruleQuery(trx: Tx) {
  return trx
    .selectFrom('dispatch_rules as d')
    .leftJoin('categories as c', 'c.code', 'd.category_code')
    .select([
      'd.id',
      'd.position',
      'd.name',
      'd.kind',
      'd.category_code',
      'd.complexity',
      'd.channel',
      'd.cross_region',
      'd.target_unit_type',
      'd.target_level',
      'd.fallback',
      'd.enabled',
      'd.updated_at',
      'd.region_path',
      'c.path as category_path',
      'c.name_zh as category_zh',
      'c.name_en as category_en',
    ]);
}

type RuleRow = Awaited<ReturnType<ReturnType<typeof ruleQuery>['executeTakeFirstOrThrow']>>;

const toRule = (r: RuleRow): StoredDispatchRule => ({
  id: Number(r.id),
  position: Number(r.position),
  name: r.name,
  kind: r.kind,
  category:
    r.category_code && r.category_path
      ? { code: r.category_code, path: r.category_path, name: { zh: r.category_zh ?? '', en: r.category_en ?? '' } }
      : null,
  complexity: r.complexity,
  channel: r.channel,
  crossRegion: r.cross_region,
  targetUnitType: r.target_unit_type,
  targetLevel: Number(r.target_level) as RegionLevel,
  fallback: r.fallback,
  enabled: r.enabled,
  regionPath: r.region_path,
  updatedAt: new Date(r.updated_at),
});

const toColumns = (v: Partial<DispatchRuleValues>) => ({
  name: v.name,
  kind: v.kind,
  category_code: v.categoryCode,
  complexity: v.complexity,
  channel: v.channel,
  cross_region: v.crossRegion,
  target_unit_type: v.targetUnitType,
  target_level: v.targetLevel,
  fallback: v.fallback,
  enabled: v.enabled,
});

/**
 * The rules the transaction's scope sees (RLS: its jurisdiction's, the inherited ones, and with the
 * system's scope all), by jurisdiction then position, ties by id; `regionPath` keeps one jurisdiction's.
 */
export async function listDispatchRules(trx: Tx, regionPath?: string): Promise<StoredDispatchRule[]> {
  let q = ruleQuery(trx);
  if (regionPath !== undefined) q = q.where('d.region_path', '=', regionPath);
  return (await q.orderBy('d.region_path').orderBy('d.position').orderBy('d.id').execute()).map(toRule);
}

/** One rule, or undefined. */
export async function getDispatchRule(trx: Tx, id: number): Promise<StoredDispatchRule | undefined> {
  const r = await ruleQuery(trx).where('d.id', '=', id).executeTakeFirst();
  return r && toRule(r);
}

/** How many rules the top has, enabled or not. */
export async function countDispatchRules(trx: Tx): Promise<number> {
  const r = await trx
    .selectFrom('dispatch_rules')
    .where('region_path', '=', '')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/**
 * Serialises rule edits for the rest of the transaction. Positions are renumbered as a whole, so
 * two administrators moving rules at once must take turns; a transaction-level advisory lock also
 * holds when the table is still empty, where row locks would lock nothing.
 */
export async function lockDispatchRules(trx: Tx): Promise<void> {
  await sql`select pg_advisory_xact_lock(7419002)`.execute(trx);
}

/** Inserts a rule at a position (the caller renumbers the rest) and returns its id. */
export async function insertDispatchRule(
  trx: Tx,
  v: DispatchRuleValues & { regionPath: string; position: number; at: Date },
): Promise<number> {
  const r = await trx
    .insertInto('dispatch_rules')
    .values({
      ...toColumns(v),
      region_path: v.regionPath,
      name: v.name,
      target_unit_type: v.targetUnitType,
      target_level: v.targetLevel,
      fallback: v.fallback,
      position: v.position,
      updated_at: v.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(r.id);
}

/** Changes the given fields; undefined ones stay as they are. */
export async function updateDispatchRule(
  trx: Tx,
  id: number,
  patch: Partial<DispatchRuleValues> & { at: Date },
): Promise<boolean> {
  const r = await trx
    .updateTable('dispatch_rules')
    .set({ ...toColumns(patch), updated_at: patch.at })
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Removes a rule; false when there was none. */
export async function deleteDispatchRule(trx: Tx, id: number): Promise<boolean> {
  const r = await trx.deleteFrom('dispatch_rules').where('id', '=', id).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

/** Numbers the rules 1, 2, 3 … in the given order, writing only the rows whose position changes. */
export async function writeRuleOrder(trx: Tx, ordered: readonly { id: number; position: number }[]): Promise<void> {
  for (const [i, r] of ordered.entries()) {
    if (r.position !== i + 1)
      await trx
        .updateTable('dispatch_rules')
        .set({ position: i + 1 })
        .where('id', '=', r.id)
        .execute();
  }
}
