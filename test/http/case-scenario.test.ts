import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, engineLabel, engines, type TestDb } from '../test-db.js';
import { testPassword } from '../factories.js';
import { seedDemoWorld } from '../demo-world.js';
import { testDeps } from '../test-deps.js';
import { createApp } from '../../src/http/app.js';
import { manualClock } from '../../src/core/clock.js';
import { client } from '../http-client.js';
import { systemScope } from '../../src/storage/db.js';
import { readEvents, readCaseState } from '../../src/storage/cases.repo.js';
import { replay } from '../../src/core/case/index.js';

const demo = 'civicgrid-demo';

/**
 * Issue 3's scenario through HTTP: a grid worker reports a neighbour dispute; it is dispatched to the
 * village mediation committee with an explanation, sent back, re-dispatched, escalated to the
 * township, handled jointly with the 司法所, resolved, evaluated dissatisfied, reopened, resolved
 * again, evaluated satisfied and closed — and the timeline shows each step with its actor.
 */
describe.each(engines)('a neighbour dispute from report to archive %s', (engine) => {
  let t: TestDb;
  let app: ReturnType<typeof createApp>;
  let world: Awaited<ReturnType<typeof seedDemoWorld>>;
  const clock = manualClock(new Date('2026-03-02T01:00:00Z'));
  const as: Record<string, ReturnType<typeof client>> = {};

  beforeAll(async () => {
    t = await createTestDb(engine);
    const deps = testDeps(t.db, { clock, env: { CIVICGRID_SESSION_IDLE_MINUTES: '100000' } });
    world = await seedDemoWorld(deps);
    app = createApp(deps);
    for (const u of ['gridworker', 'mediator', 'dispatcher', 'leader', 'clerk']) {
      as[u] = client(app);
      expect((await as[u]!.login(u, demo)).status).toBe(200);
    }
    for (const u of ['townhandler', 'justice']) {
      as[u] = client(app);
      const r = await as[u]!.login(u, testPassword);
      expect(r.status, JSON.stringify(r.body)).toBe(200);
    }
  });
  afterAll(() => t.drop());

  it(`${engineLabel(engine)} runs the whole lifecycle`, async () => {
    const report = await as.gridworker!.post(
      '/api/cases',
      {
        kind: 'dispute',
        channel: 'grid',
        title: '楼上漏水邻里纠纷',
        description: '302室漏水导致202室天花板发霉，双方协商未果。',
        categoryCode: 'neighbour_leak',
        complexity: 'general',
        regionCode: world.codes.grid,
        parties: [
          {
            role: 'applicant',
            name: '王芳',
            phone: '13812345678',
            idNumber: '11010519491231002X',
            address: '雨花西路88号202室',
          },
          { role: 'respondent', name: '李强', phone: '13987654321' },
        ],
      },
      { 'idempotency-key': 'gw-report-0001' },
    );
    expect(report.status, JSON.stringify(report.body)).toBe(201);
    let c = report.body;
    expect(c.trackingCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
    expect(c.status).toBe('dispatched');
    expect(c.leadUnit.id).toBe(world.units.villageCommittee);
    expect(c.parties[0].phone).toBe('138****5678');
    expect(c.parties[0].idNumber).toBe('1101**********002X');
    // The assignment shows its running sign-for stage and deadline (one working day), no card yet.
    expect(c.assignments[0].stages).toEqual([
      expect.objectContaining({ stage: 'sign_for', completedAt: null, dueAt: expect.any(String) }),
    ]);
    expect(c.assignments[0].cards).toEqual([]);
    const dispatchedEvent = c.timeline.find((e: any) => e.type === 'dispatched');
    expect(dispatchedEvent.data.explanation).toMatch(/规则/);

    const act = async (who: string, action: string, body: Record<string, unknown> = {}) => {
      clock.advance(3_600_000);
      const r = await as[who]!.post(`/api/cases/${c.id}/actions/${action}`, { expectedVersion: c.version, ...body });
      expect(r.status, `${who} ${action}: ${JSON.stringify(r.body)}`).toBe(200);
      c = r.body;
      return c;
    };

    expect((await as.mediator!.get(`/api/cases/${c.id}`)).body.availableActions).toEqual(
      expect.arrayContaining(['sign', 'send_back']),
    );
    await act('mediator', 'send_back', { reasonCode: 'not_responsible', note: '涉及房屋质量，需住建部门' });
    expect(c.status).toBe('received');
    await act('dispatcher', 'redispatch', { unitId: world.units.villageStation, task: '请村服务站先行调处' });
    await act('leader', 'escalate', { task: '村级调解难度大，提级至街道' });
    expect(c.centre.id).toBe(world.units.townCentre);
    expect(c.leadUnit.id).toBe(world.units.townCentre);
    await act('townhandler', 'sign');
    await act('townhandler', 'start_handling', { mode: 'on_site' });
    await act('townhandler', 'request_joint', {
      leadTask: '牵头调解',
      coUnits: [{ unitId: world.units.justiceOffice, task: '提供法律意见' }],
    });
    await act('justice', 'sign_co_task');
    await act('justice', 'reply_co_task', { reply: '依据民法典相邻关系规定，漏水方应承担维修责任。' });
    await act('townhandler', 'resolve', {
      outcome: { kind: 'mediated', agreement: 'written', summary: '302室负责维修并赔偿2000元' },
    });
    await act('dispatcher', 'evaluate', { rating: 'dissatisfied', by: 'resident', note: '维修未完成' });
    await act('dispatcher', 'reopen', { reason: 'dissatisfied', note: '督促维修' });
    expect(c.status).toBe('in_progress');
    await act('townhandler', 'resolve', { outcome: { kind: 'mediated', agreement: 'written', summary: '维修完成' } });
    await act('dispatcher', 'evaluate', { rating: 'satisfied', by: 'staff', note: '回访满意' });
    await act('leader', 'close', { note: '归档' });
    expect(c.status).toBe('closed');
    expect(c.counters).toMatchObject({ sendBacks: 1, redos: 1, escalations: 1 });

    const steps = c.timeline.map((e: any) => `${e.type}:${e.actor.name}`);
    expect(steps).toEqual([
      'received:网格员 张伟',
      'dispatched:系统',
      'sent_back:调解员 刘洋',
      'redispatched:调度员 王芳',
      'escalated:分管领导 陈静',
      'signed:townhandler',
      'handling_started:townhandler',
      'joint_requested:townhandler',
      'co_task_signed:justice',
      'co_task_replied:justice',
      'resolved:townhandler',
      'evaluated:调度员 王芳',
      'reopened:调度员 王芳',
      'resolved:townhandler',
      'evaluated:调度员 王芳',
      'closed:分管领导 陈静',
    ]);

    // Every assignment was timed: sign-for, handling, the co-unit's reply, the return visits; all completed now.
    const stages = await t.db.tx(systemScope, (trx) =>
      trx.selectFrom('assignment_stages').select(['stage', 'completed_at']).where('case_id', '=', c.id).execute(),
    );
    expect(new Set(stages.map((s) => s.stage))).toEqual(new Set(['sign_for', 'handle', 'co_reply', 'return_visit']));
    expect(stages.every((s) => s.completed_at !== null)).toBe(true);

    // The event log replays to the stored state.
    const [stored, events] = await t.db.tx(
      systemScope,
      async (trx) => [await readCaseState(trx, c.id), await readEvents(trx, c.id)] as const,
    );
    const replayed = replay(null, events);
    expect(replayed.ok && replayed.value).toEqual(stored);
  });
});
