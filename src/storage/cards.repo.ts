import { sql } from 'kysely';
import type { Tx } from './db.js';
import type { CardColour } from '../core/deadline/cards.js';
import type { Card } from '../contract/deadlines.js';
import { toStageRow, type StageRow } from './stages.repo.js';
import { inSubtree } from './like.js';
import { caseRegionName } from './case-views.repo.js';

/**
 * Claims up to `limit` running stages whose next card instant has passed. FOR UPDATE SKIP LOCKED:
 * a second sweeper (another node) skips the rows this one holds instead of waiting for them, so
 * sweepers share the work and never handle one row at the same time.
 */
export async function claimDueStages(trx: Tx, now: Date, limit: number): Promise<StageRow[]> {
  const rows = await trx
    .selectFrom('assignment_stages')
    .selectAll()
    .where('next_card_at', '<=', now)
    .where('completed_at', 'is', null)
    .where('suspended_at', 'is', null)
    .orderBy('next_card_at')
    .limit(limit)
    .forUpdate()
    .skipLocked()
    .execute();
  return rows.map((r) => toStageRow(r as never));
}

/** A card to issue. */
export type NewCard = {
  caseId: number;
  seq: number;
  stage: string;
  colour: CardColour;
  issuedAt: Date;
  dueAt: Date;
  unitId: number;
  supervisorLevel: number;
  supervisorRegionPath: string;
  regionPath: string;
};

/**
 * Inserts cards; one that exists already (same case, seq, stage, colour) is skipped. Returns those
 * written. Rows travel as one array per column (unnest): a batch is one small statement to plan.
 */
export async function insertCards(trx: Tx, cards: readonly NewCard[]): Promise<(NewCard & { id: number })[]> {
  if (cards.length === 0) return [];
  const col = <T>(f: (c: NewCard) => T) => cards.map(f);
  const r = await sql<{ id: number; case_id: number; seq: number; stage: string; colour: string }>`
    INSERT INTO cards (case_id, seq, stage, colour, issued_at, due_at, unit_id, supervisor_level, supervisor_region_path, region_path)
    SELECT * FROM unnest(${col((c) => c.caseId)}::bigint[], ${col((c) => c.seq)}::int[], ${col((c) => c.stage)}::text[],
      ${col((c) => c.colour)}::text[], ${col((c) => c.issuedAt.toISOString())}::timestamptz[], ${col((c) => c.dueAt.toISOString())}::timestamptz[],
      ${col((c) => c.unitId)}::bigint[], ${col((c) => c.supervisorLevel)}::smallint[], ${col((c) => c.supervisorRegionPath)}::text[],
      ${col((c) => c.regionPath)}::text[])
    ON CONFLICT (case_id, seq, stage, colour) DO NOTHING
    RETURNING id, case_id, seq, stage, colour`.execute(trx);
  const key = (x: { caseId: number; seq: number; stage: string; colour: string }) =>
    `${x.caseId}/${x.seq}/${x.stage}/${x.colour}`;
  const byKey = new Map(cards.map((c) => [key(c), c]));
  return r.rows.map((x) => ({
    ...byKey.get(key({ caseId: Number(x.case_id), seq: x.seq, stage: x.stage, colour: x.colour }))!,
    id: Number(x.id),
  }));
}

/** Stores each swept stage's issued colours and next card instant in one statement. */
export async function saveSweptStages(
  trx: Tx,
  rows: readonly { caseId: number; seq: number; stage: string; issued: readonly string[]; nextCardAt: Date | null }[],
): Promise<void> {
  if (rows.length === 0) return;
  const col = <T>(f: (r: (typeof rows)[number]) => T) => rows.map(f);
  await sql`UPDATE assignment_stages s SET issued = string_to_array(v.issued, ','), next_card_at = v.next_card_at
    FROM unnest(${col((r) => r.caseId)}::bigint[], ${col((r) => r.seq)}::int[], ${col((r) => r.stage)}::text[],
                ${col((r) => r.issued.join(','))}::text[], ${col((r) => r.nextCardAt?.toISOString() ?? null)}::timestamptz[])
      AS v(case_id, seq, stage, issued, next_card_at)
    WHERE s.case_id = v.case_id AND s.seq = v.seq AND s.stage = v.stage`.execute(trx);
}

/** Users holding the leader role in units at any of the given region paths (the level's leaders), whatever the caller's scope. */
export async function leadersAt(
  trx: Tx,
  regionPaths: readonly string[],
): Promise<{ userId: number; regionPath: string }[]> {
  if (regionPaths.length === 0) return [];
  const r = await sql<{
    user_id: number;
    region_path: string;
  }>`SELECT user_id, region_path FROM civicgrid_leaders_at(${[...new Set(regionPaths)]}::text[])`.execute(trx);
  return r.rows.map((x) => ({ userId: Number(x.user_id), regionPath: x.region_path }));
}

/** Active members of units (a blue card reminds the handling unit itself). */
export async function membersOf(trx: Tx, unitIds: readonly number[]): Promise<{ userId: number; unitId: number }[]> {
  if (unitIds.length === 0) return [];
  const rows = await trx
    .selectFrom('users')
    .select(['id', 'unit_id'])
    .where('unit_id', 'in', [...new Set(unitIds)])
    .where('disabled', '=', false)
    .execute();
  return rows.map((r) => ({ userId: Number(r.id), unitId: Number(r.unit_id) }));
}

export type BoardFilter = { path: string; colour?: Card['colour']; active: boolean; limit: number };

const lastCode = (path: string) => path.split('/').filter(Boolean).pop() ?? '';

/**
 * Cards whose supervising level lies under `path`, newest first, each with its case's code and
 * title, the handling unit's name and the case's region name, in one statement. A card's case has
 * the card's own region path and row-level rule, so the inner join never drops a visible card;
 * units and regions are left joins because their rule is the region scope alone and may hide a
 * unit's name (then null) but must not hide the card; the region is named even then
 * (caseRegionName). Every join is on a primary key.
 */
export async function boardCards(
  trx: Tx,
  f: BoardFilter,
): Promise<{ items: Card[]; counts: Record<CardColour, number> }> {
  let base = trx.selectFrom('cards as k').where(inSubtree('k.supervisor_region_path', f.path));
  base = f.active ? base.where('k.cleared_at', 'is', null) : base.where('k.cleared_at', 'is not', null);
  const [rows, counts] = await Promise.all([
    (f.colour ? base.where('k.colour', '=', f.colour) : base)
      .innerJoin('cases as c', 'c.id', 'k.case_id')
      .leftJoin('units as u', 'u.id', 'k.unit_id')
      .leftJoin('regions as r', 'r.code', 'c.region_code')
      .leftJoin('assignment_stages as st', (j) =>
        j.onRef('st.case_id', '=', 'k.case_id').onRef('st.seq', '=', 'k.seq').onRef('st.stage', '=', 'k.stage'),
      )
      .selectAll('k')
      .select('st.provisional')
      .select(['c.tracking_code', 'c.title as case_title', 'u.name as unit_name', caseRegionName.as('region_name')])
      .orderBy('k.issued_at', 'desc')
      .orderBy('k.id', 'desc')
      .limit(f.limit)
      .execute(),
    base
      .select(['k.colour', sql<number>`count(*)`.as('n')])
      .groupBy('k.colour')
      .execute(),
  ]);
  const items = rows.map(
    (r): Card => ({
      id: Number(r.id),
      caseId: Number(r.case_id),
      seq: r.seq,
      stage: r.stage as Card['stage'],
      colour: r.colour,
      issuedAt: new Date(r.issued_at).toISOString(),
      dueAt: new Date(r.due_at).toISOString(),
      unitId: Number(r.unit_id),
      supervisorLevel: r.supervisor_level,
      supervisorRegionCode: lastCode(r.supervisor_region_path),
      clearedAt: r.cleared_at ? new Date(r.cleared_at).toISOString() : null,
      provisional: r.provisional === true,
      trackingCode: r.tracking_code,
      caseTitle: r.case_title,
      unitName: r.unit_name,
      regionName: r.region_name,
    }),
  );
  const count = (c: CardColour) => Number(counts.find((x) => x.colour === c)?.n ?? 0);
  return { items, counts: { blue: count('blue'), yellow: count('yellow'), red: count('red') } };
}
