import { type ExpressionBuilder, sql } from 'kysely';
import { dayNumber } from '../core/deadline/cst.js';
import type { RollupCell, RollupKey } from '../core/kpi/rollup.js';
import type { CaseKind, Channel, Complexity } from '../core/case/types.js';
import type { Tx } from './db.js';
import { inSubtree } from './like.js';
import type { Schema } from './schema.js';

/** The case filters a figure can carry: the rollup keeps exactly these dimensions. */
export type RollupFilter = {
  kind?: CaseKind;
  channel?: Channel;
  complexity?: Complexity;
  categoryCode?: string;
  unit?: number;
};
/** A period as CST day numbers: [a, b). */
export type DaySpan = { a: number; b: number };
export type Sums = { numerator: number; denominator: number };
export type RollupGroup = 'region' | 'unit' | 'kind' | 'channel' | 'complexity' | 'categoryCode';

/** One case's new contribution: its key and cells (the core's `rollupKeyOf` and `caseRollup`). */
export type CaseRollup = { caseId: number; key: RollupKey; cells: readonly RollupCell[] };

/**
 * Takes the cases' rollup locks, in id order, until the transaction ends: refreshes of one case run
 * one after another, so the last one reads everything committed before it (kpi-rollup docs). A
 * transaction takes them once, at its end, after its own changes.
 */
export async function lockCaseRollups(trx: Tx, caseIds: readonly number[]): Promise<void> {
  const ids = [...new Set(caseIds)].sort((a, b) => a - b);
  if (ids.length === 0) return;
  await sql`SELECT pg_advisory_xact_lock(${ROLLUP_LOCK_SPACE}, id::int) FROM unnest(${ids}::bigint[]) AS id ORDER BY id`.execute(
    trx,
  );
}
/** The first key of the rollup's advisory locks (the second is the case id). */
const ROLLUP_LOCK_SPACE = 1_414_745_673; // 'KPI' + 'I' as four bytes: no other lock uses it

/**
 * Replaces the cases' contributions to the rollup, in the caller's transaction: the database adds the
 * difference from what each case contributed before.
 */
export async function storeCaseRollups(trx: Tx, cases: readonly CaseRollup[]): Promise<void> {
  if (cases.length === 0) return;
  const cells = cases.map((c) =>
    JSON.stringify(
      c.cells.map((x) => ({
        kpi: x.kpi,
        lo: dayNumber(x.lo),
        hi: dayNumber(x.hi),
        stock: x.stock,
        n: x.numerator,
        d: x.denominator,
      })),
    ),
  );
  await sql`SELECT civicgrid_kpi_rollup_cases(${cases.map((c) => c.caseId)}::bigint[], ${cases.map((c) => c.key.regionPath)}::text[], ${cases.map((c) => JSON.stringify(c.key))}::jsonb[], ${cells}::jsonb[])`.execute(
    trx,
  );
}

const filtered = (trx: Tx, path: string, f: RollupFilter) => {
  let q = trx.selectFrom('kpi_rollup').where(inSubtree('region_path', path));
  if (f.kind) q = q.where('kind', '=', f.kind);
  if (f.channel) q = q.where('channel', '=', f.channel);
  if (f.complexity) q = q.where('complexity', '=', f.complexity);
  if (f.categoryCode) q = q.where('category_code', '=', f.categoryCode);
  if (f.unit !== undefined) q = q.where('unit_id', '=', f.unit);
  return q;
};

/** Rows that count in the span: flows a ≤ lo < b ≤ hi, stocks lo < b ≤ hi (two index-friendly halves). */
const counting = (s: DaySpan, stock: boolean) => (eb: ExpressionBuilder<Schema, 'kpi_rollup'>) =>
  stock
    ? eb.and([eb('stock', '=', true), eb('hi', '>=', s.b), eb('lo', '<', s.b)])
    : eb.and([eb('stock', '=', false), eb('lo', '>=', s.a), eb('lo', '<', s.b), eb('hi', '>=', s.b)]);

const sums = {
  numerator: sql<number>`sum(numerator)::bigint`.as('numerator'),
  denominator: sql<number>`sum(denominator)::bigint`.as('denominator'),
};

/** Every figure's sums over the subtree for each span, as one map per span (figure id → sums). */
export async function rollupSums(
  trx: Tx,
  path: string,
  f: RollupFilter,
  spans: readonly DaySpan[],
): Promise<Map<string, Sums>[]> {
  const out = spans.map(() => new Map<string, Sums>());
  for (const [i, s] of spans.entries())
    for (const stock of [false, true]) {
      const rows = await filtered(trx, path, f)
        .where(counting(s, stock))
        .select(['kpi', sums.numerator, sums.denominator])
        .groupBy('kpi')
        .execute();
      for (const r of rows) {
        const had = out[i]!.get(r.kpi) ?? { numerator: 0, denominator: 0 };
        out[i]!.set(r.kpi, {
          numerator: had.numerator + Number(r.numerator),
          denominator: had.denominator + Number(r.denominator),
        });
      }
    }
  return out;
}

const groupKey = (by: RollupGroup, path: string) => {
  switch (by) {
    case 'region':
      return sql<string>`split_part(substr(region_path, ${path.length + 1}), '/', 1)`;
    case 'unit':
      return sql<string>`unit_id::text`;
    case 'categoryCode':
      return sql<string>`category_code`;
    default:
      return sql<string>`${sql.ref(by)}::text`;
  }
};

/** Items outside every group: cases at the region itself (by region), cases never dispatched (by unit). */
const inGroups = (by: RollupGroup, path: string) => (eb: ExpressionBuilder<Schema, 'kpi_rollup'>) =>
  by === 'region' ? eb('region_path', '<>', path) : by === 'unit' ? eb('unit_id', '<>', 0) : eb.lit(true);

/** One figure's sums over the span, per group. */
export async function rollupGroupSums(
  trx: Tx,
  path: string,
  f: RollupFilter,
  kpi: string,
  span: DaySpan,
  by: RollupGroup,
): Promise<Map<string, Sums>> {
  const out = new Map<string, Sums>();
  for (const stock of [false, true]) {
    const rows = await filtered(trx, path, f)
      .where('kpi', '=', kpi)
      .where(counting(span, stock))
      .where(inGroups(by, path))
      .select([groupKey(by, path).as('key'), sums.numerator, sums.denominator])
      .groupBy('key')
      .execute();
    for (const r of rows) {
      const had = out.get(r.key) ?? { numerator: 0, denominator: 0 };
      out.set(r.key, {
        numerator: had.numerator + Number(r.numerator),
        denominator: had.denominator + Number(r.denominator),
      });
    }
  }
  return out;
}

/** The groups that hold a case received before the day `until` (every case has a `received` row at its receipt). */
export async function rollupGroupKeys(
  trx: Tx,
  path: string,
  f: RollupFilter,
  until: number,
  by: RollupGroup,
): Promise<string[]> {
  const rows = await filtered(trx, path, f)
    .where('kpi', '=', 'received')
    .where('lo', '<', until)
    .where(inGroups(by, path))
    .select(groupKey(by, path).as('key'))
    .distinct()
    .execute();
  return rows.map((r) => r.key);
}

/** Forgets the subtree's rollup (both the sums and the cases' contributions), for a rebuild. */
export async function clearRollup(trx: Tx, path: string): Promise<void> {
  await trx.deleteFrom('kpi_rollup').where(inSubtree('region_path', path)).execute();
  await trx.deleteFrom('kpi_case_rollup').where(inSubtree('region_path', path)).execute();
}

/** The next page of case ids registered in the subtree, in id order after `afterId`. */
export async function caseIdsInSubtree(trx: Tx, path: string, afterId: number, limit: number): Promise<number[]> {
  const rows = await trx
    .selectFrom('cases')
    .select('id')
    .where(inSubtree('region_path', path))
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((r) => Number(r.id));
}

/** How many cases the subtree registers (the rebuild's progress total). */
export async function countCasesInSubtree(trx: Tx, path: string): Promise<number> {
  const r = await trx
    .selectFrom('cases')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(inSubtree('region_path', path))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Every rollup row of the subtree, in key order (the rebuild test compares two of these). */
export async function rollupRows(trx: Tx, path: string) {
  return trx
    .selectFrom('kpi_rollup')
    .selectAll()
    .where(inSubtree('region_path', path))
    .orderBy(['kpi', 'lo', 'region_path', 'unit_id', 'category_code', 'kind', 'channel', 'complexity', 'hi', 'stock'])
    .execute();
}
