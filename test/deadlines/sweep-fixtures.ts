import { systemScope, type Db } from '../../src/storage/db.js';
import { makeUnit, seedWorld } from '../factories.js';
import { cardInstants, nextCardAt, CARD_COLOURS, type CardColour } from '../../src/core/deadline/cards.js';
import type { DeadlinePolicy, StageName, TimeUnit } from '../../src/core/deadline/policy.js';
import { startStage } from '../../src/core/deadline/stage-clock.js';
import { cardRulesAt, loadPolicies, type LoadedPolicies } from '../../src/app/deadlines/load-policies.js';
import { clockColumns } from '../../src/storage/stages.repo.js';

/** A small deterministic PRNG (mulberry32), so a failing simulation can be replayed from its seed. */
export function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]!,
  };
}

/** The world's regions, a handling unit at the village and one bare case row per 100 stages. */
export async function sweepWorld(db: Db, cases: number) {
  const paths = await seedWorld(db);
  const unitId = await makeUnit(db, 'villageA1', 'mediation_committee');
  const centre = await makeUnit(db, 'villageA1', 'service_centre');
  const ids = await db.tx(systemScope, async (trx) => {
    const out: number[] = [];
    for (let i = 0; i < cases; i += 500) {
      const rows = Array.from({ length: Math.min(500, cases - i) }, (_, k) => ({
        tracking_code: `SIM${i + k}`,
        kind: 'dispute',
        channel: 'walk_in',
        complexity: 'general',
        category_code: 'neighbour',
        region_code: '320101001001',
        region_path: paths.villageA1,
        title: 'sim',
        description: 'sim',
        attachments: '[]',
        status: 'in_progress',
        version: 1,
        centre_unit_id: centre,
        state: '{}',
        idempotency_scope: 'sim',
        idempotency_key: `k${i + k}`,
        received_at: new Date(0),
        updated_at: new Date(0),
      }));
      const r = await trx
        .insertInto('cases')
        .values(rows as never)
        .returning('id')
        .execute();
      out.push(...r.map((x) => Number(x.id)));
    }
    return out;
  });
  return { paths, unitId, caseIds: ids };
}

const STAGES: StageName[] = ['sign_for', 'handle', 'co_reply', 'return_visit'];
const UNITS: TimeUnit[] = ['hour', 'calendar_day', 'working_day'];

/** A random policy: 1–72 hours, 1–15 calendar days or 1–10 working days. */
export function randomPolicy(r: ReturnType<typeof prng>, stage: StageName): DeadlinePolicy {
  const unit = r.pick(UNITS);
  const amount = unit === 'hour' ? r.int(1, 72) : unit === 'calendar_day' ? r.int(1, 15) : r.int(1, 10);
  return { kind: '*', complexity: '*', stage, amount, unit };
}

export type ExpectedCard = { key: string; colour: CardColour; at: Date };

/**
 * Inserts `count` running stages (100 per case) with random policies starting at random instants
 * in [from, from + spreadMs), straight into assignment_stages, and returns every card they owe.
 */
export async function insertRandomStages(
  db: Db,
  w: Awaited<ReturnType<typeof sweepWorld>>,
  count: number,
  from: Date,
  spreadMs: number,
  seed: number,
) {
  const r = prng(seed);
  const p: LoadedPolicies = await db.tx(systemScope, (trx) => loadPolicies(trx));
  const expected: ExpectedCard[] = [];
  const rows: Record<string, unknown>[] = [];
  for (let i = 0; i < count; i++) {
    const caseId = w.caseIds[Math.floor(i / 100)]!;
    const seq = Math.floor((i % 100) / STAGES.length) + 1;
    const stage = STAGES[i % STAGES.length]!;
    const policy = randomPolicy(r, stage);
    const clock = startStage(policy, p.calendar, new Date(from.getTime() + Math.floor(r.next() * spreadMs)));
    const at = cardInstants({ ...clock, due: clock.due! }, p.calendar, cardRulesAt(p, w.paths.villageA1));
    for (const c of CARD_COLOURS)
      if (at[c]) expected.push({ key: `${caseId}/${seq}/${stage}/${c}`, colour: c, at: at[c]! });
    rows.push({
      case_id: caseId,
      seq,
      stage,
      unit_id: w.unitId,
      unit_level: 5,
      unit_path: w.paths.villageA1,
      region_path: w.paths.villageA1,
      policy: JSON.stringify(policy),
      ...clockColumns(clock, nextCardAt(clock, p.calendar, cardRulesAt(p, w.paths.villageA1), [])),
    });
  }
  await db.tx(systemScope, async (trx) => {
    for (let i = 0; i < rows.length; i += 1000)
      await trx
        .insertInto('assignment_stages')
        .values(rows.slice(i, i + 1000) as never)
        .execute();
  });
  return { expected, policies: p };
}

/** Every card in the database with its key, for comparison with the expected ones. */
export async function allCards(db: Db) {
  const rows = await db.tx(systemScope, (trx) =>
    trx.selectFrom('cards').select(['case_id', 'seq', 'stage', 'colour', 'issued_at', 'due_at']).execute(),
  );
  return rows.map((c) => ({
    key: `${c.case_id}/${c.seq}/${c.stage}/${c.colour}`,
    issuedAt: new Date(c.issued_at),
    dueAt: new Date(c.due_at),
  }));
}
