import type { Tx } from '../../storage/db.js';
import type { RecountedStage } from '../../core/case/events.js';
import { recordDeadlineRecount } from '../../core/case/recount.js';
import { startOfCstDay } from '../../core/deadline/cst.js';
import { recountStage, type StageClock, type Suspension } from '../../core/deadline/stage-clock.js';
import { lockCase, saveTransition } from '../../storage/cases.repo.js';
import {
  openStagesOf,
  rearmRunningStages,
  runningStagesTouching,
  suspensionMoves,
  updateStageClock,
  type StageRow,
} from '../../storage/stages.repo.js';
import { armedAt, loadPolicies } from './load-policies.js';
import { refreshKpiRollup } from '../kpi/maintain-rollup.js';

/** What a recount did: the cases whose history records it, the stages it moved, the stages re-armed for cards. */
export type Recount = { cases: number; stages: number; rearmed: number };

/**
 * After a calendar year's schedule was entered or changed, in the writer's transaction: every running
 * stage whose counting touches that year is counted again from its start under the calendar as it now
 * stands (the core's recountStage: due instant, time left while suspended, the provisional mark); each
 * case with a stage that moved gets a `deadline_recounted` event naming before and after; then the
 * stages of that year are re-armed (the card rules' re-arming, migration 0013) so the next sweep
 * recomputes their card instants and issues what the new deadline owes. The writer is the calendar's
 * administrator, whose scope holds every stage (the calendar is set at the top of the tree).
 */
export async function recountYear(
  trx: Tx,
  by: { userId: number; unitId: number },
  year: number,
  now: Date,
): Promise<Recount> {
  const p = await loadPolicies(trx);
  const [from, to] = [startOfCstDay(`${year}-01-01`), startOfCstDay(`${year + 1}-01-01`)];
  const caseIds = [...new Set((await runningStagesTouching(trx, from, to)).map((r) => r.caseId))];
  const spans = suspensionSpans(await suspensionMoves(trx, caseIds));
  let [stages, cases] = [0, 0];
  const touched: number[] = [];
  for (const caseId of caseIds) {
    // The case first, then its stages: the order every case action locks in, so the two never deadlock.
    const before = await lockCase(trx, caseId);
    if (!before) continue;
    const moved: RecountedStage[] = [];
    for (const r of (await openStagesOf(trx, caseId)).filter((x) => touches(x.clock, from, to))) {
      const clock = recountStage(r.policy, p.calendar, r.clock, ownSuspensions(spans.get(caseId) ?? [], r.clock));
      if (sameCount(clock, r.clock) && clock.allowedMs === r.clock.allowedMs) continue;
      await updateStageClock(trx, r, clock, armedAt(p, r.regionPath, clock, r.issued));
      touched.push(caseId);
      // The time allowed can change alone (the start day turned to a rest day): the deadline did not move.
      if (!sameCount(clock, r.clock)) moved.push(recounted(r, clock));
    }
    if (moved.length === 0) continue;
    const t = recordDeadlineRecount(before, by, { year, stages: moved }, now);
    await saveTransition(trx, before, t.state, t.events);
    [stages, cases] = [stages + moved.length, cases + 1];
  }
  // The figures' rollup follows the stage clocks and events changed here, in the same transaction.
  await refreshKpiRollup(trx, touched, p.calendar);
  const rearmed = await rearmRunningStages(trx, { from, to });
  return { cases, stages, rearmed };
}

/** Whether a stage's counting may touch [from, to): as runningStagesTouching selects. */
const touches = (c: StageClock, from: Date, to: Date) =>
  c.start.getTime() < to.getTime() && (c.due === null || c.due.getTime() > from.getTime());

/** A case's suspensions from its events: entering `suspended` opens one, leaving it closes it (open ones have to = null). */
function suspensionSpans(
  moves: readonly { caseId: number; at: Date; fromStatus: string | null; toStatus: string }[],
): Map<number, { from: Date; to: Date | null }[]> {
  const out = new Map<number, { from: Date; to: Date | null }[]>();
  for (const m of moves) {
    const list = out.get(m.caseId) ?? [];
    const last = list.at(-1);
    if (m.toStatus === 'suspended' && m.fromStatus !== 'suspended') list.push({ from: m.at, to: null });
    else if (m.fromStatus === 'suspended' && m.toStatus !== 'suspended' && last && last.to === null) last.to = m.at;
    out.set(m.caseId, list);
  }
  return out;
}

/**
 * The closed suspensions a stage's clock stood still for, clipped to its start as trackStages does
 * (a stage started while suspended starts stopped); the open one is the clock's own suspendedAt.
 */
function ownSuspensions(spans: readonly { from: Date; to: Date | null }[], clock: StageClock): Suspension[] {
  const start = clock.start.getTime();
  return spans
    .filter((s): s is { from: Date; to: Date } => s.to !== null && s.to.getTime() > start)
    .map((s) => ({ from: new Date(Math.max(s.from.getTime(), start)), to: s.to }));
}

const ms = (d: Date | null) => d?.getTime() ?? null;
const sameCount = (a: StageClock, b: StageClock) =>
  ms(a.due) === ms(b.due) && a.remainingMs === b.remainingMs && a.provisional === b.provisional;

function recounted(r: StageRow, c: StageClock): RecountedStage {
  return {
    seq: r.seq,
    stage: r.stage,
    dueBefore: r.clock.due?.toISOString() ?? null,
    dueAfter: c.due?.toISOString() ?? null,
    provisionalBefore: r.clock.provisional,
    provisionalAfter: c.provisional,
  };
}
