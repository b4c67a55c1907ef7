import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, engineLabel, engines, type TestDb } from '../test-db.js';
import { makeUser, testPassword } from '../factories.js';
import { seedDemoWorld } from '../demo-world.js';
import { testDeps } from '../test-deps.js';
import { client } from '../http-client.js';
import { createApp } from '../../src/http/app.js';
import { manualClock } from '../../src/core/clock.js';
import { sweepDeadlines } from '../../src/app/deadlines/sweep-deadlines.js';
import { deliverMessages } from '../../src/app/notify/deliver-messages.js';
import { logSms } from '../../src/app/notify/sms.js';
import { createLog } from '../../src/app/log.js';

/**
 * A case reported over HTTP and never signed for: the sweep issues blue to the handling unit,
 * yellow to its level's leader and red to the parent level's board and leader; signing for it
 * clears the cards from the boards while they stay in the history.
 */
describe.each(engines)('cards climb the hierarchy for a case handled over HTTP %s', (engine) => {
  let t: TestDb;
  let deps: ReturnType<typeof testDeps>;
  let world: Awaited<ReturnType<typeof seedDemoWorld>>;
  const clock = manualClock(new Date('2026-03-02T01:00:00Z')); // Monday 09:00 CST
  const as: Record<string, ReturnType<typeof client>> = {};

  beforeAll(async () => {
    t = await createTestDb(engine);
    deps = testDeps(t.db, { clock, env: { CIVICGRID_SESSION_IDLE_MINUTES: '100000', CIVICGRID_DEMO_CASES: '0' } });
    world = await seedDemoWorld(deps);
    await makeUser(t.db, 'townleader', world.units.townCentre, ['leader']);
    await makeUser(t.db, 'villageleader', world.units.villageStation, ['leader']);
    const app = createApp(deps);
    for (const [u, pw] of [
      ['gridworker', 'civicgrid-demo'],
      ['mediator', 'civicgrid-demo'],
      ['leader', 'civicgrid-demo'],
      ['townleader', testPassword],
      ['villageleader', testPassword],
    ] as const) {
      as[u] = client(app);
      expect((await as[u]!.login(u, pw)).status).toBe(200);
    }
  });
  afterAll(() => t.drop());

  it(`${engineLabel(engine)} issues blue, yellow and red to the right people and clears them on sign-for`, async () => {
    const report = await as.gridworker!.post(
      '/api/cases',
      {
        kind: 'dispute',
        channel: 'grid',
        title: '噪音扰民',
        description: '夜间施工噪音',
        categoryCode: 'neighbour_noise',
        complexity: 'general',
        regionCode: world.codes.grid,
        parties: [{ role: 'applicant', name: '张三', phone: '13812345678' }],
      },
      { 'idempotency-key': 'cards-http-0001' },
    );
    expect(report.status, JSON.stringify(report.body)).toBe(201);
    expect(report.body.leadUnit.id).toBe(world.units.villageCommittee);

    clock.set(new Date('2026-03-05T00:00:00Z')); // sign-for was due at 24:00 Tuesday
    expect((await sweepDeadlines(deps)).cards).toBe(3);
    expect((await sweepDeadlines(deps)).cards).toBe(0);
    await deliverMessages(deps, logSms(createLog('silent')));
    const inboxColours = async (u: string) =>
      (await as[u]!.get('/api/inbox')).body.items.map((m: { data: { colour: string } }) => m.data.colour);
    expect(await inboxColours('mediator')).toEqual(['blue']);
    expect(await inboxColours('villageleader')).toEqual(['yellow']);
    expect(await inboxColours('townleader')).toEqual(['red']);

    const townBoard = (await as.townleader!.get('/api/supervision/cards?colour=red')).body;
    expect(
      townBoard.items.map((c: { caseId: number; supervisorLevel: number }) => [c.caseId, c.supervisorLevel]),
    ).toEqual([[report.body.id, 4]]);
    // Each card says what is late and where: the case's code and title, the handling unit, the case's region.
    const label = {
      caseId: report.body.id,
      trackingCode: report.body.trackingCode,
      caseTitle: '噪音扰民',
      unitName: report.body.leadUnit.name,
      regionName: report.body.regionName,
    };
    expect(townBoard.items[0]).toMatchObject(label);
    const countyBoard = (await as.leader!.get('/api/supervision/cards')).body;
    expect(countyBoard.counts).toEqual({ blue: 1, yellow: 1, red: 1 });
    expect(countyBoard.items).toEqual([
      expect.objectContaining(label),
      expect.objectContaining(label),
      expect.objectContaining(label),
    ]);
    expect((await as.villageleader!.get('/api/supervision/cards')).body.counts).toEqual({ blue: 1, yellow: 1, red: 0 });
    // Lists and the case page carry the case's standing: its worst active card and next deadline.
    expect(report.body).toMatchObject({ card: null, dueAt: expect.any(String) });
    const listed = (await as.mediator!.get('/api/cases?status=dispatched')).body.items.find(
      (c: { id: number }) => c.id === report.body.id,
    );
    expect(listed).toMatchObject({ card: 'red', dueAt: report.body.dueAt });
    expect((await as.mediator!.get(`/api/cases/${report.body.id}`)).body).toMatchObject({
      card: 'red',
      dueAt: report.body.dueAt,
    });

    const signed = await as.mediator!.post(`/api/cases/${report.body.id}/actions/sign`, {
      expectedVersion: report.body.version,
    });
    expect(signed.status, JSON.stringify(signed.body)).toBe(200);
    expect((await as.leader!.get('/api/supervision/cards')).body.counts).toEqual({ blue: 0, yellow: 0, red: 0 });
    const after = (await as.mediator!.get(`/api/cases/${report.body.id}`)).body;
    expect(after.card, 'cards clear when the stage completes').toBeNull();
    expect(after.dueAt, 'the handling stage now runs').not.toBe(report.body.dueAt);
    const history = (await as.leader!.get('/api/supervision/cards?active=false')).body;
    expect(history.items.every((c: { clearedAt: string | null }) => c.clearedAt !== null)).toBe(true);
    expect(history.counts).toEqual({ blue: 1, yellow: 1, red: 1 });
  });
});
