import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, engineLabel, engines, type TestDb } from '../test-db.js';
import { makeUnit, makeUser, testPassword } from '../factories.js';
import { testDeps } from '../test-deps.js';
import { client } from '../http-client.js';
import { stageRows, stageWorld } from './stage-world.js';
import { createApp } from '../../src/http/app.js';
import { manualClock } from '../../src/core/clock.js';
import { endOfCstDay } from '../../src/core/deadline/cst.js';
import { systemScope } from '../../src/storage/db.js';
import { seedReference } from '../../src/app/seed/seed-reference.js';
import { readEvents } from '../../src/storage/cases.repo.js';
import { currentDeadline } from '../../src/storage/public-cases.repo.js';
import { sweepDeadlines } from '../../src/app/deadlines/sweep-deadlines.js';
import { warnMissingSchedule } from '../../src/app/deadlines/calendar-status.js';
import { deliverMessages } from '../../src/app/notify/deliver-messages.js';
import { logSms } from '../../src/app/notify/sms.js';
import { createLog } from '../../src/app/log.js';

// Issue 11, point 15: 2027 has no schedule in chinese-days; deadlines counted into it were plain weekdays.
describe.each(engines)('a year without a schedule, and entering it %s', (engine) => {
  let t: TestDb;
  let w: Awaited<ReturnType<typeof stageWorld>>;
  let admin: ReturnType<typeof client>;
  let leader: ReturnType<typeof client>;
  const clock = manualClock(new Date('2026-12-29T02:00:00Z')); // Tuesday 10:00 CST
  const day = (y: { months: { days: { date: string }[] }[] }, date: string) =>
    y.months[Number(date.slice(5, 7)) - 1]!.days.find((d) => d.date === date);
  const handleRow = async (caseId: number) => (await stageRows(t.db, caseId)).find((r) => r.stage === 'handle')!;
  const events = (caseId: number) => t.db.tx(systemScope, (trx) => readEvents(trx, caseId));

  beforeAll(async () => {
    t = await createTestDb(engine);
    w = await stageWorld(t.db);
    // The calendar is the deployment's root administrator's (issue 11, point 4).
    await makeUser(t.db, 'admin1', await makeUnit(t.db, 'province'), ['admin']);
    const app = createApp(testDeps(t.db, { clock }));
    admin = client(app);
    leader = client(app);
    await admin.login('admin1', testPassword);
    await leader.login('county-leader', testPassword);
  });
  afterAll(() => t.drop());

  it(`${engineLabel(engine)} rests on 1 January 2027 and marks a deadline counted into 2027 provisional`, async () => {
    expect(day((await admin.get('/api/calendar?year=2027')).body, '2027-01-01')).toMatchObject({ working: false });
    let s = await w.openCase(clock.now(), { kind: 'appeal' });
    s = await w.act(s, 'dispatch', w.units.villageCentre, { unit: w.units.villageCommittee }, clock.now());
    s = await w.act(s, 'sign', w.units.villageCommittee, {}, clock.now());
    const row = await handleRow(s.id);
    // 5 working days from Tuesday 29 December: 30, 31, (1 January off), 4, 5, 6 January.
    expect(row.due_at).toEqual(endOfCstDay('2027-01-06'));
    expect(row.provisional).toBe(true);
    const signFor = (await stageRows(t.db, s.id)).find((r) => r.stage === 'sign_for')!;
    expect(signFor.provisional).toBe(false); // counted within 2026

    // Wherever the deadline is shown: the case's stages and next deadline, the lists (and so the workbench's tasks), the board.
    const detail = (await leader.get(`/api/cases/${s.id}`)).body;
    const stages = detail.assignments.flatMap((a: { stages: { stage: string; provisional: boolean }[] }) => a.stages);
    expect(stages.find((x: { stage: string }) => x.stage === 'handle')).toMatchObject({ provisional: true });
    expect(stages.find((x: { stage: string }) => x.stage === 'sign_for')).toMatchObject({ provisional: false });
    expect(detail).toMatchObject({ dueAt: endOfCstDay('2027-01-06').toISOString(), provisional: true });
    const listed = (await leader.get('/api/cases?pageSize=50')).body.items.find((c: { id: number }) => c.id === s.id);
    expect(listed).toMatchObject({ dueAt: endOfCstDay('2027-01-06').toISOString(), provisional: true });
    const publicView = await t.db.tx(systemScope, (trx) => currentDeadline(trx, s.id));
    expect(publicView).toEqual({ due: endOfCstDay('2027-01-06'), provisional: true }); // the portal's deadline
    const later = manualClock(new Date('2027-01-06T02:00:00Z')); // 80 % of the handling time has passed: blue
    expect((await sweepDeadlines({ db: t.db, clock: later })).cards).toBeGreaterThan(0);
    const board = (await leader.get('/api/supervision/cards')).body.items.filter(
      (c: { caseId: number }) => c.caseId === s.id,
    );
    expect(board.length).toBeGreaterThan(0);
    expect(board.every((c: { provisional: boolean }) => c.provisional)).toBe(true);
  });

  it(`${engineLabel(engine)} warns the administrators from 1 October, once a day, while 2027 is missing`, async () => {
    expect((await admin.get('/api/calendar/status')).body).toEqual({ today: '2026-12-29', missingYear: 2027 });
    const at = (iso: string) => ({ db: t.db, clock: manualClock(new Date(iso)) });
    expect(await warnMissingSchedule(at('2026-09-30T15:00:00Z'))).toEqual({ missingYear: null, sent: 0 }); // 23:00 CST on 30 September
    expect(await warnMissingSchedule(at('2026-09-30T16:30:00Z'))).toEqual({ missingYear: 2027, sent: 1 });
    expect(await warnMissingSchedule(at('2026-10-01T09:00:00Z'))).toEqual({ missingYear: 2027, sent: 0 }); // the same CST day
    expect(await warnMissingSchedule(at('2026-10-01T16:00:00Z'))).toEqual({ missingYear: 2027, sent: 1 }); // the next day
    await deliverMessages({ ...testDeps(t.db, { clock }) }, logSms(createLog('silent')));
    const inbox = (await admin.get('/api/inbox')).body.items.filter(
      (m: { topic: string }) => m.topic === 'calendar.schedule_missing',
    );
    expect(inbox).toHaveLength(2);
    expect(inbox[0]).toMatchObject({ title: '2027 年节假日安排尚未录入' });
    // Not to staff without the administrator's role.
    const leaderInbox = (await leader.get('/api/inbox')).body.items;
    expect(leaderInbox.some((m: { topic: string }) => m.topic === 'calendar.schedule_missing')).toBe(false);
  });

  it(`${engineLabel(engine)} recounts the running stages when 2027 is entered, records it on the history once, and re-arms their cards`, async () => {
    let s = await w.openCase(clock.now(), { kind: 'appeal' });
    s = await w.act(s, 'dispatch', w.units.villageCentre, { unit: w.units.villageCommittee }, clock.now());
    s = await w.act(s, 'sign', w.units.villageCommittee, {}, clock.now());
    const versionBefore = (await events(s.id)).length;
    const schedule = {
      days: [
        { date: '2027-01-01', kind: 'holiday', name: '元旦' },
        { date: '2027-01-04', kind: 'holiday', name: '元旦' },
      ],
    };
    const put = await admin.raw('PUT', '/api/calendar?year=2027', schedule);
    expect(put.status).toBe(200);
    expect((await admin.get('/api/calendar/status')).body).toEqual({ today: '2026-12-29', missingYear: null });
    expect(await warnMissingSchedule({ db: t.db, clock })).toEqual({ missingYear: null, sent: 0 });
    const row = await handleRow(s.id);
    expect(row.due_at).toEqual(endOfCstDay('2027-01-07'));
    expect(row.provisional).toBe(false);
    expect(row.next_card_at).toEqual(row.start_at); // re-armed: the next sweep recomputes its cards
    const log = await events(s.id);
    expect(log).toHaveLength(versionBefore + 1);
    expect(log.at(-1)).toMatchObject({
      type: 'deadline_recounted',
      fromStatus: 'signed',
      toStatus: 'signed',
      data: {
        year: 2027,
        stages: [
          {
            stage: 'handle',
            dueBefore: endOfCstDay('2027-01-06').toISOString(),
            dueAfter: endOfCstDay('2027-01-07').toISOString(),
            provisionalBefore: true,
            provisionalAfter: false,
          },
        ],
      },
    });
    // Entering the same schedule again moves nothing, so the history records nothing.
    expect((await admin.raw('PUT', '/api/calendar?year=2027', schedule)).status).toBe(200);
    expect(await events(s.id)).toHaveLength(log.length);
    // A single day's edit recounts too: 7 January becomes a rest day.
    expect((await admin.raw('PUT', '/api/calendar/2027-01-07', { kind: 'holiday', name: '测试' })).status).toBe(200);
    expect((await handleRow(s.id)).due_at).toEqual(endOfCstDay('2027-01-08'));
    expect((await events(s.id)).at(-1)?.type).toBe('deadline_recounted');
  });

  it(`${engineLabel(engine)} keeps an administrator's removal of 端午 through a re-seed`, async () => {
    const before = (await admin.get('/api/calendar?year=2026')).body;
    expect(day(before, '2026-06-19')).toMatchObject({ working: false, name: '端午', source: 'chinese-days' });
    const removed = await admin.raw('PUT', '/api/calendar/2026-06-19', { kind: 'default' });
    expect(removed.body).toMatchObject({ working: true, name: null, source: 'admin' });
    const named = await admin.raw('PUT', '/api/calendar/2026-10-10', { kind: 'holiday', name: '试行' });
    expect(named.status).toBe(200);
    await t.db.tx(systemScope, (trx) => seedReference(trx));
    const after = (await admin.get('/api/calendar?year=2026')).body;
    expect(day(after, '2026-06-19')).toMatchObject({ working: true, source: 'admin' });
    expect(day(after, '2026-10-10')).toMatchObject({ working: false, name: '试行', source: 'admin' });
    expect(day(after, '2026-10-01')).toMatchObject({ working: false, name: '国庆节', source: 'chinese-days' });
  });
});

describe.each(engines)('a year the seed brings for the first time %s', (engine) => {
  let t: TestDb;
  afterAll(() => t.drop());

  it(`${engineLabel(engine)} recounts the stages counted into it, as an administrator's entry would`, async () => {
    t = await createTestDb(engine);
    const w = await stageWorld(t.db);
    // An installation seeded by a chinese-days without 2026: 19 June (端午) counts as a working day.
    await t.db.tx(systemScope, (trx) =>
      trx.deleteFrom('calendar_days').where('date', '>=', new Date('2026-01-01')).execute(),
    );
    const at = new Date('2026-06-15T02:00:00Z'); // Monday 10:00 CST
    let s = await w.openCase(at, { kind: 'appeal' });
    s = await w.act(s, 'dispatch', w.units.villageCentre, { unit: w.units.villageCommittee }, at);
    s = await w.act(s, 'sign', w.units.villageCommittee, {}, at);
    const handle = async () => (await stageRows(t.db, s.id)).find((r) => r.stage === 'handle')!;
    expect(await handle()).toMatchObject({ due_at: endOfCstDay('2026-06-22'), provisional: true });
    await t.db.tx(systemScope, (trx) => seedReference(trx));
    expect(await handle()).toMatchObject({ due_at: endOfCstDay('2026-06-23'), provisional: false });
    const log = await t.db.tx(systemScope, (trx) => readEvents(trx, s.id));
    expect(log.at(-1)).toMatchObject({ type: 'deadline_recounted', actorUserId: 0, data: { year: 2026 } });
  });
});
