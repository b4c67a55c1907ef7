import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestDb, engineLabel, engines, type TestDb } from '../test-db.js';
import { makeUnit, makeUser, testPassword } from '../factories.js';
import { testDeps } from '../test-deps.js';
import { client } from '../http-client.js';
import { stageWorld } from './stage-world.js';
import { createApp } from '../../src/http/app.js';
import { manualClock } from '../../src/core/clock.js';
import { systemScope } from '../../src/storage/db.js';
import { MAX_DURATION_AMOUNT, MAX_YELLOW_OVERDUE_MS } from '../../src/core/deadline/bounds.js';
import { RETRY_FAULTY_STAGE_MS, sweepDeadlines } from '../../src/app/deadlines/sweep-deadlines.js';
import { createLog } from '../../src/app/log.js';
import type { CaseState } from '../../src/core/case/index.js';

/**
 * Issue 11, point 5: `yellow.overdueMs = 2^53-1` was accepted, and every later sweep failed with
 * "Invalid time value". Every configurable duration is bounded in the schema and by a SQL CHECK
 * that spells bounds.ts's numbers; a sweep that meets a row it cannot use (written before the
 * bound, or directly in storage) passes over it and reports it, and skips a stage whose cards it
 * cannot compute, while every other stage gets its cards.
 */
describe.each(engines)('bounded durations and a sweep that survives bad rows %s', (engine) => {
  let t: TestDb;
  let w: Awaited<ReturnType<typeof stageWorld>>;
  let app: ReturnType<typeof createApp>;
  let root: ReturnType<typeof client>;
  let rootId: number;
  let townAdminId: number;
  const clock = manualClock(new Date('2026-03-02T01:00:00Z'));

  beforeAll(async () => {
    t = await createTestDb(engine);
    w = await stageWorld(t.db);
    app = createApp(testDeps(t.db, { clock }));
    rootId = await makeUser(t.db, 'root-admin', await makeUnit(t.db, 'province'), ['admin']);
    townAdminId = await makeUser(t.db, 'town-admin', w.units.townCentre.unitId, ['admin']);
    root = client(app);
    expect((await root.login('root-admin', testPassword)).status).toBe(200);
  });
  afterAll(() => t.drop());

  it(`${engineLabel(engine)} refuses out-of-range durations over HTTP with 400`, async () => {
    const {
      regionCode: _c,
      regionName: _n,
      inherited: _i,
      ...rules
    } = (await root.get('/api/card-rules')).body.items[0];
    for (const overdueMs of [2 ** 53 - 1, MAX_YELLOW_OVERDUE_MS + 1]) {
      const r = await root.raw('PUT', '/api/card-rules', {
        ...rules,
        cards: { ...rules.cards, yellow: { overdueMs } },
      });
      expect([r.status, r.body.error.code], String(overdueMs)).toEqual([400, 'ValidationFailed']);
    }
    const edge = await root.raw('PUT', '/api/card-rules', {
      ...rules,
      cards: { ...rules.cards, yellow: { overdueMs: MAX_YELLOW_OVERDUE_MS } },
    });
    expect(edge.status).toBe(200);
    expect((await root.raw('PUT', '/api/card-rules', rules)).status).toBe(200);
    const backlog = await root.raw('PUT', '/api/card-rules', {
      ...rules,
      backlog: { ...rules.backlog, redFromDays: 1e6 },
    });
    expect(backlog.status).toBe(400);

    const policies = (await root.get('/api/deadline-policies')).body.policies.map(
      ({ regionCode: _rc, regionName: _rn, inherited: _in, ...p }: Record<string, unknown>) => p,
    );
    const at = (amount: number, unit = 'calendar_day', extra = {}) =>
      policies.map((p: { kind: string; stage: string }) =>
        p.kind === '*' && p.stage === 'handle' ? { ...p, amount, unit, ...extra } : p,
      );
    for (const [amount, unit] of [
      [10_000, 'calendar_day'],
      [366, 'working_day'],
      [MAX_DURATION_AMOUNT.hour + 1, 'hour'],
    ] as const) {
      const r = await root.raw('PUT', '/api/deadline-policies', { policies: at(amount, unit) });
      expect(r.status, `${amount} ${unit}`).toBe(400);
    }
    const ext = await root.raw('PUT', '/api/deadline-policies', {
      policies: at(15, 'working_day', { maxExtension: { amount: 9_000, unit: 'hour' } }),
    });
    expect(ext.status).toBe(400);
    expect((await root.raw('PUT', '/api/deadline-policies', { policies: at(365) })).status).toBe(200);
    expect((await root.raw('PUT', '/api/deadline-policies', { policies })).status).toBe(200);
  });

  it(`${engineLabel(engine)} refuses out-of-range rows in SQL too, on every bounded column`, async () => {
    const refused = (statement: string) =>
      expect(t.db.tx(systemScope, (trx) => sql.raw(statement).execute(trx))).rejects.toMatchObject({
        code: 'ValidationFailed',
      });
    const now = `'2026-03-02T01:00:00Z'`;
    await refused(
      `INSERT INTO card_rules (region_path, yellow_overdue_ms, updated_at) VALUES ('32/', 9007199254740991, ${now})`,
    );
    await refused(
      `INSERT INTO card_rules (region_path, red_overdue_working_days, updated_at) VALUES ('32/', 366, ${now})`,
    );
    await refused(
      `INSERT INTO card_rules (region_path, backlog_yellow_days, backlog_green_days, updated_at) VALUES ('32/', 10, 20, ${now})`,
    );
    await refused(
      `INSERT INTO deadline_policies (region_path, stage, amount, unit, updated_at) VALUES ('32/', 'handle', 366, 'calendar_day', ${now})`,
    );
    await refused(
      `INSERT INTO deadline_policies (region_path, stage, amount, unit, max_extension_amount, max_extension_unit, updated_at)
       VALUES ('32/', 'handle', 5, 'working_day', 8761, 'hour', ${now})`,
    );
    await t.db.tx(systemScope, (trx) =>
      sql
        .raw(
          `INSERT INTO deadline_policies (region_path, stage, amount, unit, updated_at) VALUES ('32/', 'handle', 8760, 'hour', ${now})`,
        )
        .execute(trx),
    );
    await t.db.tx(systemScope, (trx) => trx.deleteFrom('deadline_policies').where('region_path', '=', '32/').execute());
  });

  it(`${engineLabel(engine)} passes over a bad row and a stage it cannot compute, reports both, and carries on`, async () => {
    const lines: string[] = [];
    const log = createLog('warn', (l) => lines.push(l));
    const opened: CaseState[] = [];
    for (let i = 0; i < 3; i++) {
      const s = await w.openCase(new Date('2026-03-02T01:00:00Z'));
      opened.push(await w.act(s, 'dispatch', w.units.villageCentre, { unit: w.units.villageCommittee }, clock.now()));
    }
    // A row "written before the bound": the township's card rules with the yellow.overdueMs.
    await t.db.asOwner('ALTER TABLE card_rules DROP CONSTRAINT card_rules_bounds');
    await t.db.tx(systemScope, (trx) =>
      trx
        .insertInto('card_rules')
        .values({ region_path: w.paths.townA1, yellow_overdue_ms: 2 ** 53 - 1, updated_at: clock.now() })
        .execute(),
    );
    await t.db.asOwner(`ALTER TABLE card_rules ADD CONSTRAINT card_rules_bounds CHECK (
      yellow_overdue_ms BETWEEN 0 AND 2592000000) NOT VALID`);
    // A stage whose cards cannot be computed at all: its allowed time reaches past any date.
    const broken = opened[0]!.id;
    await t.db.tx(systemScope, (trx) =>
      trx
        .updateTable('assignment_stages')
        .set({ allowed_ms: 1e18, measure: 'elapsed' })
        .where('case_id', '=', broken)
        .execute(),
    );

    clock.set(new Date('2026-04-30T01:00:00Z')); // long past every sign-for deadline
    const r = await sweepDeadlines({ db: t.db, clock, log });
    expect(r.skipped).toBe(1);
    const cards = await t.db.tx(systemScope, (trx) =>
      trx
        .selectFrom('cards')
        .select(['case_id', 'colour'])
        .where(
          'case_id',
          'in',
          opened.map((s) => s.id),
        )
        .execute(),
    );
    // The others got every colour, under the top's rules (the township's bad row is passed over).
    for (const s of opened.slice(1))
      expect(
        cards
          .filter((c) => Number(c.case_id) === s.id)
          .map((c) => c.colour)
          .sort(),
      ).toEqual(['blue', 'red', 'yellow']);
    expect(cards.filter((c) => Number(c.case_id) === broken)).toEqual([]);
    const parked = await t.db.tx(systemScope, (trx) =>
      trx
        .selectFrom('assignment_stages')
        .select('next_card_at')
        .where('case_id', '=', broken)
        .executeTakeFirstOrThrow(),
    );
    expect(parked.next_card_at?.getTime()).toBe(clock.now().getTime() + RETRY_FAULTY_STAGE_MS);

    const alerts = await t.db.tx(systemScope, (trx) =>
      trx.selectFrom('outbox').select(['topic', 'payload', 'region_path']).where('topic', 'like', '%.%').execute(),
    );
    const payload = (topic: string) =>
      alerts
        .filter((a) => a.topic === topic)
        .map((a) => (typeof a.payload === 'string' ? JSON.parse(a.payload) : a.payload) as Record<string, unknown>);
    expect(payload('config.invalid')).toEqual([
      expect.objectContaining({ table: 'card_rules', regionPath: w.paths.townA1, recipients: [townAdminId] }),
    ]);
    expect(payload('sweep.stage_skipped')).toEqual([
      expect.objectContaining({
        regionPath: '',
        recipients: [rootId],
        stages: [expect.objectContaining({ caseId: broken })],
      }),
    ]);
    expect(lines.some((l) => l.includes('passed over a configuration row'))).toBe(true);
    expect(lines.some((l) => l.includes('skipped a stage'))).toBe(true);

    // The next sweep reports the same row version once only, and the sweep keeps going.
    await sweepDeadlines({ db: t.db, clock, log });
    const again = await t.db.tx(systemScope, (trx) =>
      trx.selectFrom('outbox').select('id').where('topic', '=', 'config.invalid').execute(),
    );
    expect(again).toHaveLength(1);
  });
});
