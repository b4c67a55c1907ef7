import { sql } from 'kysely';
import type { Tx } from './db.js';
import { inSubtree } from './like.js';
import type { CardColour } from '../core/deadline/cards.js';
import type { DeadlinePolicy, StageName } from '../core/deadline/policy.js';
import type { StageClock } from '../core/deadline/stage-clock.js';

/** Identifies a stage: a case's assignment (seq) and one of its timed stages. */
export type StageKey = { caseId: number; seq: number; stage: StageName };

/** A stored stage: its key, who handles it, the policy it started under, its clock and its cards. */
export type StageRow = StageKey & {
  unitId: number;
  unitLevel: number;
  unitPath: string;
  regionPath: string;
  policy: DeadlinePolicy;
  clock: StageClock;
  completedAt: Date | null;
  nextCardAt: Date | null;
  issued: CardColour[];
};

type Raw = {
  case_id: number;
  seq: number;
  stage: string;
  unit_id: number;
  unit_level: number;
  unit_path: string;
  region_path: string;
  policy: unknown;
  start_at: Date;
  measure: 'elapsed' | 'working_time';
  allowed_ms: number | string;
  due_at: Date | null;
  suspended_at: Date | null;
  remaining_ms: number | string | null;
  extended: number;
  completed_at: Date | null;
  next_card_at: Date | null;
  issued: string[];
  provisional: boolean;
};

const num = (x: number | string | null): number | null => (x === null ? null : Number(x));

/** Maps a row (from Kysely or raw SQL) to a StageRow. */
export function toStageRow(r: Raw): StageRow {
  return {
    caseId: Number(r.case_id),
    seq: r.seq,
    stage: r.stage as StageName,
    unitId: Number(r.unit_id),
    unitLevel: r.unit_level,
    unitPath: r.unit_path,
    regionPath: r.region_path,
    policy: (typeof r.policy === 'string' ? JSON.parse(r.policy) : r.policy) as DeadlinePolicy,
    clock: {
      start: new Date(r.start_at),
      measure: r.measure,
      allowedMs: Number(r.allowed_ms),
      due: r.due_at && new Date(r.due_at),
      suspendedAt: r.suspended_at && new Date(r.suspended_at),
      remainingMs: num(r.remaining_ms),
      extended: Number(r.extended),
      provisional: r.provisional,
    },
    completedAt: r.completed_at && new Date(r.completed_at),
    nextCardAt: r.next_card_at && new Date(r.next_card_at),
    issued: r.issued as CardColour[],
  };
}

/** The row values of a stage's clock and card marker, for inserts and updates. */
export function clockColumns(c: StageClock, nextCardAt: Date | null) {
  return {
    start_at: c.start,
    measure: c.measure,
    allowed_ms: Math.round(c.allowedMs),
    due_at: c.due,
    suspended_at: c.suspendedAt,
    remaining_ms: c.remainingMs === null ? null : Math.round(c.remainingMs),
    extended: c.extended,
    provisional: c.provisional,
    next_card_at: nextCardAt,
  };
}

/** The stages of a case still running (not completed), oldest first. */
export async function openStagesOf(trx: Tx, caseId: number): Promise<StageRow[]> {
  const rows = await trx
    .selectFrom('assignment_stages')
    .selectAll()
    .where('case_id', '=', caseId)
    .where('completed_at', 'is', null)
    .orderBy('seq')
    .execute();
  return rows.map((r) => toStageRow(r as unknown as Raw));
}

/** Every stage of a case, completed ones included. */
export async function stagesOf(trx: Tx, caseId: number): Promise<StageRow[]> {
  const rows = await trx
    .selectFrom('assignment_stages')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('seq')
    .orderBy('start_at')
    .execute();
  return rows.map((r) => toStageRow(r as unknown as Raw));
}

/** One stage, locked for an update (extensions); undefined when absent or not visible. */
export async function lockStage(trx: Tx, k: StageKey): Promise<StageRow | undefined> {
  const r = await trx
    .selectFrom('assignment_stages')
    .selectAll()
    .where('case_id', '=', k.caseId)
    .where('seq', '=', k.seq)
    .where('stage', '=', k.stage)
    .forUpdate()
    .executeTakeFirst();
  return r && toStageRow(r as unknown as Raw);
}

/** Inserts started stages; a stage that already exists (running or completed) is left as it is. */
export async function insertStages(trx: Tx, rows: readonly Omit<StageRow, 'completedAt' | 'issued'>[]): Promise<void> {
  if (rows.length === 0) return;
  await trx
    .insertInto('assignment_stages')
    .values(
      rows.map((r) => ({
        case_id: r.caseId,
        seq: r.seq,
        stage: r.stage,
        unit_id: r.unitId,
        unit_level: r.unitLevel,
        unit_path: r.unitPath,
        region_path: r.regionPath,
        policy: JSON.stringify(r.policy),
        ...clockColumns(r.clock, r.nextCardAt),
      })),
    )
    .onConflict((oc) => oc.columns(['case_id', 'seq', 'stage']).doNothing())
    .execute();
}

/** Stores a stage's new clock (suspension, resumption, extension) and its next card instant. */
export async function updateStageClock(
  trx: Tx,
  k: StageKey,
  clock: StageClock,
  nextCardAt: Date | null,
): Promise<void> {
  await trx
    .updateTable('assignment_stages')
    .set(clockColumns(clock, nextCardAt))
    .where('case_id', '=', k.caseId)
    .where('seq', '=', k.seq)
    .where('stage', '=', k.stage)
    .execute();
}

/** Completes stages and clears their active cards (cleared cards stay in history and the figures). */
export async function completeStages(trx: Tx, keys: readonly StageKey[], at: Date): Promise<void> {
  for (const k of keys) {
    await trx
      .updateTable('assignment_stages')
      .set({ completed_at: at, next_card_at: null })
      .where('case_id', '=', k.caseId)
      .where('seq', '=', k.seq)
      .where('stage', '=', k.stage)
      .where('completed_at', 'is', null)
      .execute();
    await trx
      .updateTable('cards')
      .set({ cleared_at: at })
      .where('case_id', '=', k.caseId)
      .where('seq', '=', k.seq)
      .where('stage', '=', k.stage)
      .where('cleared_at', 'is', null)
      .execute();
  }
}

/** The current due instant of each running stage of some cases (for case views and the tracking page). */
export async function currentDues(
  trx: Tx,
  caseIds: readonly number[],
): Promise<{ caseId: number; seq: number; stage: string; dueAt: Date | null }[]> {
  if (caseIds.length === 0) return [];
  const r = await trx
    .selectFrom('assignment_stages')
    .select(['case_id', 'seq', 'stage', 'due_at'])
    .where('case_id', 'in', caseIds)
    .where('completed_at', 'is', null)
    .orderBy(sql`due_at`)
    .execute();
  return r.map((x) => ({ caseId: Number(x.case_id), seq: x.seq, stage: x.stage, dueAt: x.due_at }));
}

/**
 * Sets running, unsuspended stages' next card instant to their start, so the next sweep recomputes
 * it: whatever the transaction's scope (migrations 0007, 0013), every one or
 * those whose counting, start to due, touches [from, to) (a calendar year changed).
 */
export async function rearmRunningStages(trx: Tx, touching?: { from: Date; to: Date }): Promise<number> {
  const [from, to] = touching ? [touching.from.toISOString(), touching.to.toISOString()] : [null, null];
  const r = await sql<{
    n: number;
  }>`SELECT civicgrid_rearm_running_stages(${from}::timestamptz, ${to}::timestamptz) AS n`.execute(trx);
  return Number(r.rows[0]!.n);
}

/**
 * Running stages (suspended ones too) whose counting may touch [from, to): started before its end and
 * not due before its start; in the transaction's scope, case by case (the recount locks each case, then reads its stages again).
 */
export async function runningStagesTouching(trx: Tx, from: Date, to: Date): Promise<StageRow[]> {
  const rows = await trx
    .selectFrom('assignment_stages')
    .selectAll()
    .where('completed_at', 'is', null)
    .where('start_at', '<', to)
    .where((eb) => eb.or([eb('due_at', 'is', null), eb('due_at', '>', from)]))
    .orderBy('case_id')
    .orderBy('seq')
    .orderBy('stage')
    .execute();
  return rows.map((r) => toStageRow(r as unknown as Raw));
}

/** The events of some cases that entered or left `suspended`, oldest first (a stage's clock stood still between them). */
export async function suspensionMoves(
  trx: Tx,
  caseIds: readonly number[],
): Promise<{ caseId: number; at: Date; fromStatus: string | null; toStatus: string }[]> {
  if (caseIds.length === 0) return [];
  const rows = await trx
    .selectFrom('case_events')
    .select(['case_id', 'at', 'from_status', 'to_status'])
    .where('case_id', 'in', [...caseIds])
    .where((eb) => eb.or([eb('from_status', '=', 'suspended'), eb('to_status', '=', 'suspended')]))
    .orderBy('case_id')
    .orderBy('version')
    .execute();
  return rows.map((r) => ({
    caseId: Number(r.case_id),
    at: new Date(r.at),
    fromStatus: r.from_status,
    toStatus: r.to_status,
  }));
}

/**
 * Sets the next card instant of every running, unsuspended stage of cases in a subtree ('' = all)
 * to its start, so the next sweep recomputes it under changed card rules of that jurisdiction. A
 * plain UPDATE under the caller's RLS scope: the subtree is the administrator's own jurisdiction.
 */
export async function rearmRunningStagesUnder(trx: Tx, regionPath: string): Promise<number> {
  const r = await trx
    .updateTable('assignment_stages')
    .set((eb) => ({ next_card_at: eb.ref('start_at') }))
    .where('completed_at', 'is', null)
    .where('due_at', 'is not', null)
    .where(inSubtree('region_path', regionPath))
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}
