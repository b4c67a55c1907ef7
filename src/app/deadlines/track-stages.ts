import type { Tx } from '../../storage/db.js';
import type { CaseState, UnitRef } from '../../core/case/types.js';
import { lastLead } from '../../core/case/assignments.js';
import type { StageName } from '../../core/deadline/policy.js';
import { resumeStage, startStage, suspendStage, type StageClock } from '../../core/deadline/stage-clock.js';
import {
  completeStages,
  insertStages,
  openStagesOf,
  updateStageClock,
  type StageRow,
} from '../../storage/stages.repo.js';
import { armedAt, policyAt, type LoadedPolicies } from './load-policies.js';

export { loadPolicies, type LoadedPolicies } from './load-policies.js';

/** A stage the case's state says should be running now. */
type Wanted = { seq: number; stage: StageName; unit: UnitRef; start: Date };

const keyOf = (x: { seq: number; stage: string }) => `${x.seq}/${x.stage}`;

/**
 * The stages a case's state calls for: sign-for while an assignment is open; handling (lead) or
 * the co-unit's reply (会办答复) once signed; the return visit (回访) while the case rests resolved.
 */
export function wantedStages(s: CaseState): Wanted[] {
  const out: Wanted[] = [];
  for (const a of s.assignments) {
    if (a.state === 'open') out.push({ seq: a.seq, stage: 'sign_for', unit: a, start: a.assignedAt });
    if (a.state === 'signed')
      out.push({
        seq: a.seq,
        stage: a.role === 'lead' ? 'handle' : 'co_reply',
        unit: a,
        start: a.signedAt ?? a.assignedAt,
      });
  }
  const lead = lastLead(s);
  // The return visit is the centre's task; it hangs on the last lead assignment, which it follows up.
  if (s.status === 'resolved' && lead)
    out.push({ seq: lead.seq, stage: 'return_visit', unit: s.centre, start: s.resolvedAt ?? s.updatedAt });
  return out;
}

/**
 * Brings a case's timed stages in line with its state after a stored transition, in the caller's
 * transaction: starts the stages the state now calls for (due instants computed once, here, and
 * stored), completes the others (clearing their active cards), and stops or restarts every running
 * clock as the case enters or leaves `suspended`. It compares with the stored rows, not with
 * `before`, so calling it twice, or once after two transitions, gives the same rows.
 */
export async function trackStages(
  trx: Tx,
  before: CaseState | null,
  after: CaseState,
  now: Date,
  policies: LoadedPolicies,
): Promise<void> {
  if (before && sameTimedShape(before, after)) return;
  const open = await openStagesOf(trx, after.id);
  const wanted = wantedStages(after);
  const wantedKeys = new Set(wanted.map(keyOf));
  const openKeys = new Set(open.map(keyOf));
  await completeStages(
    trx,
    open.filter((r) => !wantedKeys.has(keyOf(r))),
    now,
  );
  const suspendedSince = after.status === 'suspended' ? (after.suspension?.since ?? now) : null;
  const started = wanted
    .filter((w) => !openKeys.has(keyOf(w)))
    .map((w) => startRow(after, w, policies, suspendedSince));
  await insertStages(trx, started);
  for (const r of open.filter((x) => wantedKeys.has(keyOf(x)))) {
    const clock = suspendedSince
      ? suspendIfRunning(r.clock, suspendedSince, policies)
      : resumeIfSuspended(r, now, policies);
    if (clock !== r.clock) await updateStageClock(trx, r, clock, armedAt(policies, r.regionPath, clock, r.issued));
  }
}

/** A new stage row; a stage that starts while the case is suspended starts stopped. */
function startRow(
  s: CaseState,
  w: Wanted,
  p: LoadedPolicies,
  suspendedSince: Date | null,
): Omit<StageRow, 'completedAt' | 'issued'> {
  const policy = policyAt(p, s.regionPath, s.kind, s.complexity, w.stage);
  let clock = startStage(policy, p.calendar, w.start);
  if (suspendedSince) clock = suspendStage(p.calendar, clock, maxDate(suspendedSince, w.start));
  return {
    caseId: s.id,
    seq: w.seq,
    stage: w.stage,
    unitId: w.unit.unitId,
    unitLevel: w.unit.unitLevel,
    unitPath: w.unit.regionPath,
    regionPath: s.regionPath,
    policy,
    clock,
    nextCardAt: armedAt(p, s.regionPath, clock, []),
  };
}

function suspendIfRunning(c: StageClock, at: Date, p: LoadedPolicies): StageClock {
  return c.due === null ? c : suspendStage(p.calendar, c, maxDate(at, c.start));
}

function resumeIfSuspended(r: StageRow, at: Date, p: LoadedPolicies): StageClock {
  const c = r.clock;
  return c.due !== null || c.suspendedAt === null
    ? c
    : resumeStage(p.calendar, c, maxDate(at, c.suspendedAt), r.policy);
}

const maxDate = (a: Date, b: Date) => (a.getTime() >= b.getTime() ? a : b);

/** True when nothing that times a stage changed (status, assignments' states, the centre). */
function sameTimedShape(a: CaseState, b: CaseState): boolean {
  const shape = (s: CaseState) =>
    JSON.stringify([s.id, s.status, s.centre.unitId, s.assignments.map((x) => [x.seq, x.state])]);
  return shape(a) === shape(b);
}
