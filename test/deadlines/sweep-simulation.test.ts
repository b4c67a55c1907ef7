import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, engineLabel, engines, type TestDb } from '../test-db.js';
import { manualClock } from '../../src/core/clock.js';
import { systemScope } from '../../src/storage/db.js';
import { sweepDeadlines } from '../../src/app/deadlines/sweep-deadlines.js';
import { allCards, insertRandomStages, prng, sweepWorld, type ExpectedCard } from './sweep-fixtures.js';

const DAY = 86_400_000;
const T0 = new Date('2025-09-01T00:00:00Z'); // the window spans National Day and Mid-Autumn 2025 with their make-up days
class Killed extends Error {}

/**
 * The sweeper under a simulated clock (issue 4 acceptance): stages with random policies over 90
 * days, sweeps at random intervals, the sweeping process killed at random between batches or in
 * the middle of one (its transaction rolled back) and restarted at once. Every card owed by the
 * last sweep is issued exactly once, none before its instant, none later than the first sweep
 * after it. 10,000 stages on PostgreSQL; fewer on PGlite (SIM_STAGES_PGLITE) to stay near a minute.
 */
describe.each(engines)('deadline sweeper on a simulated clock %s', (engine) => {
  const count = engine === 'postgres' ? 10_000 : Number(process.env.SIM_STAGES_PGLITE ?? 3_000);
  let t: TestDb;
  let expected: ExpectedCard[];
  beforeAll(async () => {
    t = await createTestDb(engine);
    const w = await sweepWorld(t.db, Math.ceil(count / 100));
    ({ expected } = await insertRandomStages(t.db, w, count, T0, 60 * DAY, 4242));
  }, 300_000);
  afterAll(() => t.drop());

  it(`${engineLabel(engine)} issues every owed card exactly once, on time, through kills and restarts`, async () => {
    const r = prng(7);
    const clock = manualClock(T0);
    const sweeps: number[] = [T0.getTime()];
    let kills = 0;
    for (let now = T0.getTime(); now < T0.getTime() + 90 * DAY; ) {
      now += r.int(10, 16 * 60) * 60_000; // 10 minutes to 16 hours between sweeps
      clock.set(new Date(now));
      for (let finished = false; !finished; ) {
        const kill = r.next() < 0.25 ? r.int(1, 3) : 0;
        const inside = r.next() < 0.5;
        try {
          const res = await sweepDeadlines(
            { db: t.db, clock },
            {
              batchSize: r.int(40, 400),
              maxBatches: kill && !inside ? kill : undefined,
              beforeCommit:
                kill && inside
                  ? (b) => {
                      if (b === kill) throw new Killed();
                    }
                  : undefined,
            },
          );
          finished = !(kill && !inside && res.batches === kill);
          if (!finished) kills++;
        } catch (e) {
          if (!(e instanceof Killed)) throw e;
          kills++; // the process died mid-batch; the restarted one sweeps again at once
        }
      }
      sweeps.push(now);
    }
    const last = sweeps[sweeps.length - 1]!;
    const owed = new Map(expected.filter((c) => c.at.getTime() <= last).map((c) => [c.key, c]));
    const cards = await allCards(t.db);
    expect(new Set(cards.map((c) => c.key)).size).toBe(cards.length);
    expect(cards.length).toBe(owed.size);
    const sweepIndex = new Map(sweeps.map((s, i) => [s, i]));
    for (const c of cards) {
      const e = owed.get(c.key);
      expect(e, c.key).toBeDefined();
      expect(c.dueAt.getTime()).toBe(e!.at.getTime());
      expect(c.issuedAt.getTime()).toBeGreaterThanOrEqual(c.dueAt.getTime());
      const k = sweepIndex.get(c.issuedAt.getTime());
      expect(k, 'issued at a sweep instant').toBeDefined();
      // not yet due at the previous sweep: at most one sweep interval late
      expect(c.dueAt.getTime()).toBeGreaterThan(sweeps[k! - 1]!);
    }
    const messages = await t.db.tx(systemScope, (trx) =>
      trx.selectFrom('outbox').select('idempotency_key').where('topic', '=', 'card.issued').execute(),
    );
    expect(messages.length).toBe(cards.length);
    expect(kills).toBeGreaterThan(10);
    expect(cards.length).toBeGreaterThan(count); // most stages ran late enough for several colours
  }, 600_000);
});
