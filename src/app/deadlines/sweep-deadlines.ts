import { refreshKpiRollup } from '../kpi/maintain-rollup.js';
import type { Deps } from '../deps.js';
import { systemScope, type Tx } from '../../storage/db.js';
import { cardInstants, cardsDue, nextCardAt, type CardColour } from '../../core/deadline/cards.js';
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
import { loadPolicies, type LoadedPolicies } from './load-policies.js';

export type SweepOptions = {
  /** Rows claimed per transaction (default 500). */
  batchSize?: number;
  /** Stop after this many batches (a partial sweep; the next one continues). */
  maxBatches?: number;
  /** Called inside each batch's transaction before it commits; throwing rolls the batch back (tests' kills). */
  beforeCommit?: (batch: number, claimed: number) => void | Promise<void>;
};
export type SweepResult = { batches: number; stages: number; cards: number };

/**
 * Issues every card that is due at the clock's now: claims due stages in capped batches and, in
 * one transaction per batch, writes the cards, one audit record and the outbox messages, and moves
 * each stage's next_card_at on. Running it twice, on several nodes, or after downtime issues every
 * owed colour exactly once (SKIP LOCKED claims plus the cards' unique key).
 */
export async function sweepDeadlines(deps: Pick<Deps, 'db' | 'clock'>, opts: SweepOptions = {}): Promise<SweepResult> {
  const now = deps.clock.now();
  // The calendar and rules are read once per sweep; a sweep is short next to any edit of them.
  const policies = await deps.db.tx(systemScope, (trx) => loadPolicies(trx));
  const result: SweepResult = { batches: 0, stages: 0, cards: 0 };
  for (;;) {
    if (opts.maxBatches !== undefined && result.batches >= opts.maxBatches) break;
    const batch = result.batches + 1;
    const r = await deps.db.tx(systemScope, async (trx) => {
      const out = await sweepBatch(trx, now, opts.batchSize ?? 500, policies);
      if (out.claimed > 0) await opts.beforeCommit?.(batch, out.claimed);
      return out;
    });
    if (r.claimed === 0) break;
    result.batches = batch;
    result.stages += r.claimed;
    result.cards += r.issued;
  }
  return result;
}

/** One batch in the caller's transaction: claim, issue, notify, audit, move the markers on. */
export async function sweepBatch(
  trx: Tx,
  now: Date,
  limit: number,
  p: LoadedPolicies,
): Promise<{ claimed: number; issued: number }> {
  const rows = await claimDueStages(trx, now, limit);
  if (rows.length === 0) return { claimed: 0, issued: 0 };
  const planned = rows.map((r) => ({ row: r, colours: cardsDue(r.clock, p.calendar, p.cardRules, now, r.issued) }));
  const written = await insertCards(
    trx,
    planned.flatMap(({ row, colours }) => colours.map((c) => newCard(row, c, now, p))),
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
  await saveSweptStages(
    trx,
    planned.map(({ row, colours }) => {
      const issued = [...new Set([...row.issued, ...colours])];
      return {
        caseId: row.caseId,
        seq: row.seq,
        stage: row.stage,
        issued,
        nextCardAt: nextCardAt(row.clock, p.calendar, p.cardRules, issued),
      };
    }),
  );
  await refreshKpiRollup(
    trx,
    written.map((c) => c.caseId),
    p.calendar,
  );
  return { claimed: rows.length, issued: written.length };
}

/** The card of a colour for a stage: its instant, and the level and region whose board and leaders it goes to. */
function newCard(row: StageRow, colour: CardColour, now: Date, p: LoadedPolicies): NewCard {
  const instants = cardInstants({ ...row.clock, due: row.clock.due! }, p.calendar, p.cardRules);
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
