import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, engineLabel, engines, type TestDb } from '../test-db.js';
import { testPassword } from '../factories.js';
import { testDeps } from '../test-deps.js';
import { client } from '../http-client.js';
import { stageRows, stageWorld } from './stage-world.js';
import { createApp } from '../../src/http/app.js';
import { manualClock } from '../../src/core/clock.js';
import { systemScope } from '../../src/storage/db.js';
import { sweepDeadlines } from '../../src/app/deadlines/sweep-deadlines.js';
import { deliverMessages } from '../../src/app/notify/deliver-messages.js';
import { logSms } from '../../src/app/notify/sms.js';
import { createLog } from '../../src/app/log.js';

const at = (iso: string) => new Date(iso);
const DAY = 86_400_000;

describe.each(engines)('extensions and suspension move the cards %s', (engine) => {
  let t: TestDb;
  let w: Awaited<ReturnType<typeof stageWorld>>;
  const clock = manualClock(at('2025-03-03T01:00:00Z'));
  let deps: ReturnType<typeof testDeps>;
  let app: ReturnType<typeof createApp>;
  const cards = (caseId: number) =>
    t.db.tx(systemScope, (trx) =>
      trx.selectFrom('cards').selectAll().where('case_id', '=', caseId).orderBy('id').execute(),
    );
  const sweepAt = async (iso: string) => {
    clock.set(at(iso));
    return sweepDeadlines(deps);
  };

  beforeAll(async () => {
    t = await createTestDb(engine);
    w = await stageWorld(t.db);
    deps = testDeps(t.db, { clock, env: { CIVICGRID_SESSION_IDLE_MINUTES: '1000000' } });
    app = createApp(deps);
  });
  afterAll(() => t.drop());

  it(`${engineLabel(engine)} an approved extension moves the deadline and the cards follow it`, async () => {
    const u = w.units;
    let s = await w.openCase(at('2025-03-03T01:00:00Z'));
    s = await w.act(s, 'dispatch', u.villageCentre, { unit: u.villageCommittee }, at('2025-03-03T02:00:00Z'));
    s = await w.act(s, 'sign', u.villageCommittee, {}, at('2025-03-04T02:00:00Z'));
    clock.set(at('2025-03-10T02:00:00Z'));
    const mediator = client(app);
    expect((await mediator.login('committee-mediator', testPassword)).status).toBe(200);
    const tooMuch = await mediator.post(`/api/cases/${s.id}/extension-requests`, {
      amount: 11,
      reason: '需等待鉴定结果',
    });
    expect([tooMuch.status, tooMuch.body.error.code]).toEqual([422, 'Unprocessable']);
    const req = await mediator.post(`/api/cases/${s.id}/extension-requests`, { amount: 5, reason: '需等待鉴定结果' });
    expect(req.status).toBe(201);
    expect(req.body).toMatchObject({
      stage: 'handle',
      amount: 5,
      unit: 'calendar_day',
      status: 'requested',
      dueBefore: '2025-03-14T16:00:00.000Z',
    });
    expect(
      (await mediator.post(`/api/cases/${s.id}/extension-requests`, { amount: 1, reason: '再次申请' })).status,
    ).toBe(409);

    const village = client(app);
    await village.login('village-leader', testPassword);
    expect(
      (await village.post(`/api/extension-requests/${req.body.id}/decision`, { decision: 'approve' })).status,
    ).toBe(403);
    const town = client(app);
    await town.login('town-leader', testPassword);
    const pending = (await town.get('/api/extension-requests?status=requested')).body;
    // The leader reads which case asks for time and who asks, not only its number.
    expect(pending.find((r: { id: number }) => r.id === req.body.id)).toMatchObject({
      caseId: s.id,
      trackingCode: `T${s.id}`,
      caseTitle: 't',
      unitName: '甲一村mediation_committee',
      regionName: '甲一村',
    });
    const ok = await town.post(`/api/extension-requests/${req.body.id}/decision`, {
      decision: 'approve',
      note: '同意',
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ status: 'approved', dueAfter: '2025-03-19T16:00:00.000Z' });
    const handle = (await stageRows(t.db, s.id)).find((r) => r.stage === 'handle')!;
    expect(handle.due_at!.toISOString()).toBe('2025-03-19T16:00:00.000Z');

    await sweepAt('2025-03-15T00:00:00Z'); // past the old deadline: not overdue any more
    expect((await cards(s.id)).map((c) => c.colour)).not.toContain('yellow');
    await sweepAt('2025-03-19T15:59:59Z');
    expect((await cards(s.id)).map((c) => c.colour)).not.toContain('yellow');
    await sweepAt('2025-03-19T16:00:00Z');
    const yellow = (await cards(s.id)).find((c) => c.colour === 'yellow')!;
    expect([yellow.due_at.toISOString(), yellow.supervisor_level]).toEqual(['2025-03-19T16:00:00.000Z', 5]);

    await deliverMessages(deps, logSms(createLog('silent')));
    const inbox = await town.get('/api/inbox');
    expect(inbox.body.items.map((m: { topic: string }) => m.topic)).toContain('extension.requested');
    const mine = await mediator.get('/api/inbox?unread=true');
    expect(mine.body.items.map((m: { topic: string }) => m.topic)).toContain('extension.decided');
    expect((await mediator.post(`/api/inbox/${mine.body.items[0].id}/read`)).status).toBe(204);
    expect((await town.post(`/api/inbox/${mine.body.items[0].id}/read`)).status).toBe(404);
    const board = await village.get('/api/supervision/cards?colour=yellow');
    expect(board.body.items.map((c: { caseId: number }) => c.caseId)).toContain(s.id);
  });

  it(`${engineLabel(engine)} a suspended stage collects no cards, and its clock runs on from where it stopped`, async () => {
    const u = w.units;
    let s = await w.openCase(at('2025-05-06T01:00:00Z'));
    s = await w.act(s, 'dispatch', u.villageCentre, { unit: u.villageCommittee }, at('2025-05-06T02:00:00Z'));
    s = await w.act(s, 'sign', u.villageCommittee, {}, at('2025-05-06T03:00:00Z')); // handle due 24:00 16 May CST
    s = await w.act(s, 'start_handling', u.villageCommittee, { mode: 'on_site' }, at('2025-05-06T04:00:00Z'));
    s = await w.act(s, 'suspend', u.villageCommittee, { reason: '等待法院判决' }, at('2025-05-08T03:00:00Z'));
    for (let d = 0; d < 40; d++) await sweepAt(new Date(at('2025-05-08T04:00:00Z').getTime() + d * DAY).toISOString());
    expect(await cards(s.id)).toEqual([]);
    s = await w.act(s, 'resume', u.villageCommittee, {}, at('2025-06-17T03:00:00Z'));
    const handle = (await stageRows(t.db, s.id)).find((r) => r.stage === 'handle')!;
    // 8 days 21 hours were left when it stopped
    expect(handle.due_at!.toISOString()).toBe(
      new Date(
        at('2025-06-17T03:00:00Z').getTime() +
          (at('2025-05-16T16:00:00Z').getTime() - at('2025-05-08T03:00:00Z').getTime()),
      ).toISOString(),
    );
    await sweepAt(handle.due_at!.toISOString());
    expect((await cards(s.id)).map((c) => c.colour)).toEqual(['blue', 'yellow']);
  });
});
