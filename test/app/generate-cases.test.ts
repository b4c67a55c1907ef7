import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, engineLabel, engines } from '../test-db.js';
import { testDeps } from '../test-deps.js';
import { manualClock } from '../../src/core/clock.js';
import { systemScope, type Db } from '../../src/storage/db.js';
import { readCaseState, readEvents } from '../../src/storage/cases.repo.js';
import { replay } from '../../src/core/case/index.js';
import { isValidIdNumber } from '../../src/core/party/mask.js';
import { seedOnFirstStart } from '../../src/app/seed/seed-on-first-start.js';
import { generateCases, type GenerateCasesResult } from '../../src/app/seed/generate-cases.js';
import { idNumber, mobile } from '../../src/app/seed/sim/people.js';
import { mulberry32 } from '../../src/app/seed/sim/prng.js';

const end = new Date('2026-03-20T09:00:00Z');
const options = { count: 60, days: 30, seed: 20260320 };

/** A fresh demo county with 60 generated cases, its result and what its cases table says. */
async function generatedWorld(engine: Parameters<typeof createTestDb>[0]) {
  const t = await createTestDb(engine);
  const deps = testDeps(t.db, { clock: manualClock(end) });
  await seedOnFirstStart(deps);
  const result = await generateCases(deps, options);
  return { t, result, cases: await casesOf(t.db) };
}

const casesOf = (db: Db) =>
  db.tx(systemScope, (trx) =>
    trx
      .selectFrom('cases')
      .select(['id', 'title', 'status', 'kind', 'channel', 'category_code', 'region_code', 'received_at'])
      .orderBy('id')
      .execute(),
  );

type World = Awaited<ReturnType<typeof generatedWorld>>;
/** What the first engine generated; the next engine must generate exactly the same (and saves a second run). */
let reference: { engine: string; cases: World['cases']; byAction: Record<string, number> } | undefined;

describe.each(engines)('generated demo cases %s', (engine) => {
  let a: World;
  let b: { cases: World['cases']; byAction: Record<string, number> };
  let r: GenerateCasesResult;
  let second: World | undefined;
  beforeAll(async () => {
    a = await generatedWorld(engine);
    r = a.result;
    if (!reference) {
      second = await generatedWorld(engine);
      reference = { engine, cases: a.cases, byAction: r.byAction };
      b = { cases: second.cases, byAction: second.result.byAction };
    } else {
      b = reference;
    }
  }, 180_000);
  afterAll(async () => {
    await a?.t.drop();
    await second?.t.drop();
  });

  it(`${engineLabel(engine)} drives every case through the real use cases without a refusal`, () => {
    expect(r.failures).toEqual([]);
    expect(r.submitted).toBe(60);
    expect(a.cases).toHaveLength(60);
    expect(r.actions).toBeGreaterThan(120);
  });

  // A second fresh database on the first engine; on the next engine, the first engine's run.
  it(`${engineLabel(engine)} is reproducible from the seed`, () => {
    const view = (cs: typeof a.cases) =>
      cs.map((c) => [
        c.title,
        c.status,
        c.kind,
        c.channel,
        c.category_code,
        c.region_code,
        new Date(c.received_at).toISOString(),
      ]);
    expect(view(b.cases)).toEqual(view(a.cases));
    expect(b.byAction).toEqual(r.byAction);
  });

  it(`${engineLabel(engine)} stores histories that replay to the stored state`, async () => {
    await a.t.db.tx(systemScope, async (trx) => {
      for (const c of a.cases) {
        const [stored, events] = [await readCaseState(trx, Number(c.id)), await readEvents(trx, Number(c.id))];
        const replayed = replay(null, events);
        expect(replayed.ok && replayed.value, `case ${c.id}`).toEqual(stored);
      }
    });
  });

  it(`${engineLabel(engine)} leaves cases at every stage, the recent ones open`, () => {
    const count = (...s: string[]) => a.cases.filter((c) => s.includes(c.status)).length;
    expect(count('closed')).toBeGreaterThanOrEqual(10);
    expect(count('signed', 'in_progress', 'suspended')).toBeGreaterThanOrEqual(3);
    expect(count('dispatched')).toBeGreaterThanOrEqual(1);
    expect(count('resolved', 'evaluated')).toBeGreaterThanOrEqual(2);
    const open = a.cases.filter((c) => c.status !== 'closed').map((c) => new Date(c.received_at).getTime());
    const closed = a.cases.filter((c) => c.status === 'closed').map((c) => new Date(c.received_at).getTime());
    expect(Math.max(...open)).toBeGreaterThan(Math.max(...closed));
    expect(new Set(a.cases.map((c) => c.channel)).size).toBeGreaterThanOrEqual(4);
    expect(new Set(a.cases.map((c) => c.kind)).size).toBeGreaterThanOrEqual(3);
  });

  it(`${engineLabel(engine)} keeps send-backs, escalations and dissatisfaction within plausible shares`, async () => {
    const events = await a.t.db.tx(systemScope, (trx) =>
      trx.selectFrom('case_events').select(['case_id', 'type', 'at', 'data']).execute(),
    );
    const share = (type: string) =>
      new Set(events.filter((e) => e.type === type).map((e) => e.case_id)).size / a.cases.length;
    expect(share('sent_back')).toBeLessThanOrEqual(0.2);
    expect(share('escalated')).toBeLessThanOrEqual(0.15);
    expect(share('reopened')).toBeLessThanOrEqual(0.12);
    expect(share('dispatched')).toBeGreaterThan(0.9);
    const mediated = events.filter((e) => e.type === 'resolved').length;
    expect(mediated).toBeGreaterThan(0);
    // Nothing happens after the end of the simulated period, nor before its start.
    const times = events.map((e) => new Date(e.at).getTime());
    expect(Math.max(...times)).toBeLessThanOrEqual(r.to.getTime());
    expect(Math.min(...times)).toBeGreaterThanOrEqual(r.from.getTime());
    expect(r.to.getTime()).toBe(end.getTime());
  });

  it(`${engineLabel(engine)} finds its own cases again when run twice with the same seed`, async () => {
    const again = await generateCases(testDeps(a.t.db, { clock: manualClock(end) }), { ...options, count: 5 });
    expect(again).toMatchObject({ submitted: 0, skipped: 5, actions: 0, failures: [] });
  });
});

describe('generated parties', () => {
  it('have valid ID numbers and mainland mobile numbers', () => {
    const rng = mulberry32(1);
    for (let i = 0; i < 500; i++) {
      expect(isValidIdNumber(idNumber(rng))).toBe(true);
      expect(mobile(rng)).toMatch(/^1[3-9]\d{9}$/);
    }
  });
});
