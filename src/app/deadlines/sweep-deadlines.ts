import { refreshKpiRollup } from '../kpi/maintain-rollup.js';
import type { Deps } from '../deps.js';
import { systemScope, type Tx } from '../../storage/db.js';
import { cardInstants, cardsDue, nextCardAt, type CardColour, type CardRules } from '../../core/deadline/cards.js';
import type { Calendar } from '../../core/deadline/calendar.js';
import { nearestFirst } from '../../core/region/nearest.js';
import { escalationFor, supervisingLevel } from '../../core/deadline/escalation.js';
import { appendAudit } from '../../storage/audit.repo.js';
import {
  claimDueStages,
  insertCards,
  leadersAt,
  membersOf,
  saveSweptStages,
  type NewCard,
} from '../../storage/cards.repo.js';
import { enqueue } from '../../storage/outbox.repo.js';
import type { StageRow } from '../../storage/stages.repo.js';
import { cardRulesAt, loadPolicies, type LoadedPolicies } from './load-policies.js';
import { reportBadRows, reportFaults } from './report-config-faults.js';

export type SweepOptions = {
  /** Rows claimed per transaction (default 500). */
  batchSize?: number;
  /** Stop after this many batches (a partial sweep; the next one continues). */
  maxBatches?: number;
  /** Called inside each batch's transaction before it commits; throwing rolls the batch back (tests' kills). */
  beforeCommit?: (batch: number, claimed: number) => void | Promise<void>;
};
export type SweepResult = { batches: number; stages: number; cards: number; skipped: number };

/** How long a stage whose cards could not be computed waits before the sweep tries it again. */
export const RETRY_FAULTY_STAGE_MS = 3_600_000;

/**
 * Issues every card that is due at the clock's now: claims due stages in capped batches and, in
 * one transaction per batch, writes the cards, one audit record and the outbox messages, and moves
 * each stage's next_card_at on. Running it twice, on several nodes, or after downtime issues every
 * owed colour exactly once (SKIP LOCKED claims plus the cards' unique key).
 *
 * A configuration row it cannot use (outside the bounds, written before them or directly in
 * storage) is passed over (the stages under it follow the next row up) and reported; a stage whose
 * cards cannot be computed is skipped, retried an hour later and reported. Either way every other
 * stage still gets its cards (issue 11, point 5).
 */
export async function sweepDeadlines(
  deps: Pick<Deps, 'db' | 'clock'> & Partial<Pick<Deps, 'log'>>,
  opts: SweepOptions = {},
): Promise<SweepResult> {
  const now = deps.clock.now();
  // The calendar and rules are read once per sweep; a sweep is short next to any edit of them.
  const policies = await deps.db.tx(systemScope, (trx) => loadPolicies(trx));
  if (policies.bad.length > 0) {
    for (const b of policies.bad) deps.log?.warn('sweep passed over a configuration row it cannot use', { ...b });
    await deps.db.tx(systemScope, (trx) => reportBadRows(trx, policies.bad, now));
  }
  const result: SweepResult = { batches: 0, stages: 0, cards: 0, skipped: 0 };
  for (;;) {
    if (opts.maxBatches !== undefined && result.batches >= opts.maxBatches) break;
    const batch = result.batches + 1;
    const r = await deps.db.tx(systemScope, async (trx) => {
      const out = await sweepBatch(trx, now, opts.batchSize ?? 500, policies);
      if (out.claimed > 0) await opts.beforeCommit?.(batch, out.claimed);
      return out;
    });
    if (r.claimed === 0) break;
    for (const f of r.faults) deps.log?.warn('sweep skipped a stage whose cards it cannot compute', { ...f });
    result.batches = batch;
    result.stages += r.claimed;
    result.cards += r.issued;
    result.skipped += r.faults.length;
  }
  return result;
}

/** A stage the sweep skipped, and the jurisdiction whose card rules it was under. */
type StageFault = { caseId: number; seq: number; stage: string; rulesOf: string; error: string };

/** One batch in the caller's transaction: claim, issue, notify, audit, move the markers on. */
export async function sweepBatch(
  trx: Tx,
  now: Date,
  limit: number,
  p: LoadedPolicies,
): Promise<{ claimed: number; issued: number; faults: StageFault[] }> {
  const rows = await claimDueStages(trx, now, limit);
  if (rows.length === 0) return { claimed: 0, issued: 0, faults: [] };
  const faults: StageFault[] = [];
  const planned = rows.flatMap((row) => {
    try {
      return [planStage(row, now, p)];
    } catch (e) {
      const rulesOf = nearestFirst(p.cardRules, row.regionPath)[0]?.regionPath ?? '';
      faults.push({ caseId: row.caseId, seq: row.seq, stage: row.stage, rulesOf, error: (e as Error).message });
      return [];
    }
  });
  const written = await insertCards(
    trx,
    planned.flatMap((x) => x.cards),
  );
  await notify(trx, written, now);
  if (written.length > 0) {
    await appendAudit(trx, {
      at: now,
      actorId: null,
      actorName: 'system:sweeper',
      action: 'card.issue',
      target: 'deadlines',
      outcome: 'ok',
      requestId: null,
      details: { count: written.length, cards: written.map((c) => [c.id, c.caseId, c.seq, c.stage, c.colour]) },
    });
  }
  const retryAt = new Date(now.getTime() + RETRY_FAULTY_STAGE_MS);
  await saveSweptStages(trx, [
    ...planned.map((x) => x.save),
    ...faults.map((f) => ({ ...f, issued: rows.find((r) => sameStage(r, f))!.issued, nextCardAt: retryAt })),
  ]);
  await refreshKpiRollup(
    trx,
    written.map((c) => c.caseId),
    p.calendar,
  );
  await reportFaults(trx, faults, now);
  return { claimed: rows.length, issued: written.length, faults };
}

/** A claimed stage's due cards and its next instant, under the card rules of its region; throws when they cannot be computed. */
function planStage(row: StageRow, now: Date, p: LoadedPolicies) {
  const rules = cardRulesAt(p, row.regionPath);
  const colours = cardsDue(row.clock, p.calendar, rules, now, row.issued);
  const cards = colours.map((c) => newCard(row, c, now, p.calendar, rules));
  const issued = [...new Set([...row.issued, ...colours])];
  const next = nextCardAt(row.clock, p.calendar, rules, issued);
  if (next !== null && Number.isNaN(next.getTime())) throw new RangeError('Invalid time value');
  return { cards, save: { caseId: row.caseId, seq: row.seq, stage: row.stage, issued, nextCardAt: next } };
}

const sameStage = (
  a: { caseId: number; seq: number; stage: string },
  b: { caseId: number; seq: number; stage: string },
) => a.caseId === b.caseId && a.seq === b.seq && a.stage === b.stage;

/** The card of a colour for a stage: its instant, and the level and region whose board and leaders it goes to. */
function newCard(row: StageRow, colour: CardColour, now: Date, cal: Calendar, rules: CardRules): NewCard {
  const instants = cardInstants({ ...row.clock, due: row.clock.due! }, cal, rules);
  if (Number.isNaN(instants[colour]!.getTime())) throw new RangeError('Invalid time value');
  const level = supervisingLevel(row.unitLevel, colour);
  return {
    caseId: row.caseId,
    seq: row.seq,
    stage: row.stage,
    colour,
    issuedAt: now,
    dueAt: instants[colour]!,
    unitId: row.unitId,
    supervisorLevel: level,
    supervisorRegionPath: pathAtLevel(row.unitPath, level),
    regionPath: row.regionPath,
  };
}

/** The prefix of a materialised path at a level ('32/3201/320101/' at level 2 → '32/3201/'). */
export function pathAtLevel(path: string, level: number): string {
  return path
    .split('/')
    .filter(Boolean)
    .slice(0, level)
    .map((s) => `${s}/`)
    .join('');
}

/**
 * One outbox message per card written (never for a card another sweeper wrote first), addressed
 * to the handling unit (blue) or the leaders of the supervising level (yellow, red).
 */
async function notify(trx: Tx, cards: readonly (NewCard & { id: number })[], now: Date): Promise<void> {
  if (cards.length === 0) return;
  const toUnit = cards.filter((c) => escalationFor(c.colour).notify === 'handling_unit');
  const toLeaders = cards.filter((c) => escalationFor(c.colour).notify === 'level_leader');
  const [members, leaders] = await Promise.all([
    membersOf(
      trx,
      toUnit.map((c) => c.unitId),
    ),
    leadersAt(
      trx,
      toLeaders.map((c) => c.supervisorRegionPath),
    ),
  ]);
  const recipients = (c: NewCard) =>
    (escalationFor(c.colour).notify === 'handling_unit'
      ? members.filter((m) => m.unitId === c.unitId)
      : leaders.filter((l) => l.regionPath === c.supervisorRegionPath)
    ).map((x) => x.userId);
  await enqueue(
    trx,
    cards.map((c) => ({
      topic: 'card.issued',
      idempotencyKey: `card:${c.caseId}:${c.seq}:${c.stage}:${c.colour}`,
      payload: {
        cardId: c.id,
        caseId: c.caseId,
        seq: c.seq,
        stage: c.stage,
        colour: c.colour,
        dueAt: c.dueAt.toISOString(),
        issuedAt: c.issuedAt.toISOString(),
        unitId: c.unitId,
        supervisorLevel: c.supervisorLevel,
        supervisorRegionPath: c.supervisorRegionPath,
        recipients: recipients(c),
      },
      regionPath: c.regionPath,
    })),
    now,
  );
}
