import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, engineLabel, engines, type TestDb } from '../test-db.js';
import { makeUnit, makeUser, testPassword } from '../factories.js';
import { testDeps } from '../test-deps.js';
import { client } from '../http-client.js';
import { stageRows, stageWorld } from './stage-world.js';
import { createApp } from '../../src/http/app.js';
import { manualClock } from '../../src/core/clock.js';
import { systemScope } from '../../src/storage/db.js';
import { seedReference } from '../../src/app/seed/seed-reference.js';
import { DEFAULT_POLICY_TABLE } from '../../src/core/deadline/default-policies.js';

describe.each(engines)('calendar, policies, card rules and the backlog over HTTP %s', (engine) => {
  let t: TestDb;
  let w: Awaited<ReturnType<typeof stageWorld>>;
  let admin: ReturnType<typeof client>;
  let leader: ReturnType<typeof client>;
  let app: ReturnType<typeof createApp>;
  const clock = manualClock(new Date('2025-10-01T02:00:00Z'));
  const day = (y: { months: { days: { date: string }[] }[] }, date: string) =>
    y.months[Number(date.slice(5, 7)) - 1]!.days.find((d) => d.date === date);

  beforeAll(async () => {
    t = await createTestDb(engine);
    w = await stageWorld(t.db);
    // The deployment's root administrator: the calendar and the top's rows are theirs (issue 11, point 4).
    await makeUser(t.db, 'admin1', await makeUnit(t.db, 'province'), ['admin']);
    app = createApp(testDeps(t.db, { clock }));
    admin = client(app);
    leader = client(app);
    await admin.login('admin1', testPassword);
    await leader.login('county-leader', testPassword);
  });
  afterAll(() => t.drop());

  it(`${engineLabel(engine)} shows a year by month from chinese-days, and an administrator's day survives a re-seed`, async () => {
    const y = (await leader.get('/api/calendar?year=2025')).body;
    expect(y.months).toHaveLength(12);
    expect(day(y, '2025-01-28')).toMatchObject({ working: false, name: '春节', source: 'chinese-days' });
    expect(day(y, '2025-01-26')).toMatchObject({ working: true, weekday: 0 }); // a make-up Sunday (调休上班)
    expect(day(y, '2025-03-05')).toMatchObject({ working: true, name: null, source: null });
    expect((await leader.raw('PUT', '/api/calendar/2025-03-05', { kind: 'holiday' })).status).toBe(403);
    const set = await admin.raw('PUT', '/api/calendar/2025-01-28', { kind: 'workday', name: '试运行' });
    expect(set.body).toMatchObject({ working: true, source: 'admin', name: '试运行' });
    await t.db.tx(systemScope, (trx) => seedReference(trx));
    expect(day((await admin.get('/api/calendar?year=2025')).body, '2025-01-28')).toMatchObject({
      working: true,
      source: 'admin',
    });
    // Back to the default rule (Tuesday: a working day), and still set, so a re-seed keeps it.
    expect((await admin.raw('PUT', '/api/calendar/2025-01-28', { kind: 'default' })).body).toMatchObject({
      working: true,
      name: null,
      source: 'admin',
    });
    const next = await admin.raw('PUT', '/api/calendar?year=2027', {
      days: [
        { date: '2027-02-08', kind: 'holiday', name: '春节' },
        { date: '2027-02-20', kind: 'workday', name: '春节调休上班' },
      ],
    });
    expect(next.status).toBe(200);
    expect(day(next.body, '2027-02-20')).toMatchObject({ working: true, source: 'admin' });
    expect(
      (await admin.raw('PUT', '/api/calendar?year=2027', { days: [{ date: '2026-12-31', kind: 'holiday' }] })).status,
    ).toBe(400);
  });

  it(`${engineLabel(engine)} replaces the policy table only when it is whole and valid`, async () => {
    const got = (await leader.get('/api/deadline-policies')).body.policies;
    expect(got).toContainEqual(
      expect.objectContaining({
        kind: 'petition',
        complexity: '*',
        stage: 'handle',
        amount: 60,
        unit: 'calendar_day',
        maxExtension: { amount: 30, unit: 'calendar_day' },
      }),
    );
    expect(got).toHaveLength(DEFAULT_POLICY_TABLE.length);
    const dup = await admin.raw('PUT', '/api/deadline-policies', { policies: [...got, got[0]] });
    expect([dup.status, dup.body.error.code]).toEqual([400, 'ValidationFailed']);
    const noFallback = await admin.raw('PUT', '/api/deadline-policies', {
      policies: got.filter((p: { kind: string; stage: string }) => !(p.kind === '*' && p.stage === 'handle')),
    });
    expect(noFallback.status).toBe(400);
    const changed = got.map((p: { kind: string; stage: string; amount: number }) =>
      p.kind === 'hazard' && p.stage === 'handle' ? { ...p, amount: 4 } : p,
    );
    const ok = await admin.raw('PUT', '/api/deadline-policies', { policies: changed });
    expect(ok.status).toBe(200);
    expect(ok.body.policies).toContainEqual(expect.objectContaining({ kind: 'hazard', stage: 'handle', amount: 4 }));
  });

  it(`${engineLabel(engine)} edits the card rules and colours the petition backlog`, async () => {
    const { regionCode, regionName, inherited, ...rules } = (await leader.get('/api/card-rules')).body.items[0];
    expect([regionCode, regionName, inherited]).toEqual([null, null, true]);
    expect(rules).toEqual({
      cards: {
        blue: { passedFraction: 0.8, workingDaysLeft: 1 },
        yellow: { overdueMs: 0 },
        red: { overdueFraction: 0.5, overdueWorkingDays: 3 },
      },
      backlog: { greenFromDays: 90, yellowFromDays: 180, redFromDays: 365, difficultRaise: 1 },
    });
    expect(
      (
        await admin.raw('PUT', '/api/card-rules', {
          ...rules,
          cards: { ...rules.cards, blue: { passedFraction: 1.5, workingDaysLeft: 1 } },
        })
      ).status,
    ).toBe(400);
    const changed = await admin.raw('PUT', '/api/card-rules', {
      ...rules,
      backlog: { ...rules.backlog, greenFromDays: 60 },
    });
    expect(changed.body.items[0]).toMatchObject({ inherited: false, backlog: { greenFromDays: 60 } });
    const old = await w.openCase(new Date('2025-03-01T02:00:00Z'), { kind: 'petition' }); // 214 days before: yellow
    const young = await w.openCase(new Date('2025-08-20T02:00:00Z'), { kind: 'petition' }); // 42 days: not yet on the board
    const board = (await leader.get('/api/backlog')).body;
    expect(board.items.map((i: { caseId: number; colour: string }) => [i.caseId, i.colour])).toEqual([
      [old.id, 'yellow'],
    ]);
    await t.db.tx(systemScope, (trx) =>
      trx.updateTable('cases').set({ difficult: true }).where('id', 'in', [old.id, young.id]).execute(),
    );
    const raised = (await leader.get('/api/backlog')).body;
    expect(raised.counts).toEqual({ green: 1, yellow: 0, red: 1 });
    expect((await admin.get('/api/backlog')).status).toBe(403);
  });

  it(`${engineLabel(engine)} re-arms the running stages of the jurisdiction whose card rules change, and only those`, async () => {
    const countyB = await makeUnit(t.db, 'countyB', 'service_centre');
    await makeUser(t.db, 'admin-b', countyB, ['admin']);
    await makeUser(t.db, 'admin-a', w.units.countyCentre.unitId, ['admin']);
    const [adminA, adminB] = [client(app), client(app)];
    await adminA.login('admin-a', testPassword);
    await adminB.login('admin-b', testPassword);
    const opened = await w.openCase(new Date('2025-09-29T02:00:00Z'));
    const s = await w.act(opened, 'dispatch', w.units.villageCentre, { unit: w.units.villageCommittee }, clock.now());
    const running = async () => (await stageRows(t.db, s.id)).filter((r) => r.completed_at === null && r.due_at);
    const rearmed = async () => (await running()).every((r) => r.next_card_at?.getTime() === r.start_at.getTime());
    expect((await running()).length).toBeGreaterThan(0);
    expect((await running()).every((r) => r.next_card_at?.getTime() !== r.start_at.getTime())).toBe(true);
    const {
      regionCode: _c,
      regionName: _n,
      inherited: _i,
      ...rules
    } = (await adminB.get('/api/card-rules')).body.items[0];
    expect((await adminB.raw('PUT', '/api/card-rules', rules)).status).toBe(200);
    // The case lies in county A: county B's rules do not apply to it, so its stages stay as they are.
    expect((await running()).some((r) => r.next_card_at?.getTime() !== r.start_at.getTime())).toBe(true);
    expect(await rearmed()).toBe(false);
    expect((await adminA.raw('PUT', '/api/card-rules', rules)).status).toBe(200);
    expect(await rearmed()).toBe(true);
  });
});
