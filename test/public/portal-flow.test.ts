import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engineLabel, engines } from '../test-db.js';
import { fileOnline, leaksIn, publicWorld } from './public-world.js';
import { systemScope } from '../../src/storage/db.js';

/**
 * Issue 6's resident journey through HTTP: file online → track with code and last four digits → see
 * the deadline → urge once (a second urge the same day is refused) → staff resolve → rate
 * "dissatisfied" → the case is reopened. Every public body is scanned for personal data at the end.
 */
describe.each(engines)('the public portal %s', (engine) => {
  let w: Awaited<ReturnType<typeof publicWorld>>;
  beforeAll(async () => {
    w = await publicWorld(engine);
    for (const u of ['mediator', 'dispatcher']) await w.login(u);
  });
  afterAll(() => w.t.drop());

  it(`${engineLabel(engine)} carries a resident from filing to a reopened case`, async () => {
    const filed = await fileOnline(w);
    expect(filed.status, filed.text).toBe(201);
    const code = filed.body.trackingCode as string;
    expect(Object.keys(filed.body)).toEqual(['trackingCode']);

    const track = await w.call('POST', '/api/public/track', {
      code: code.toLowerCase().replace(/-/g, ' '),
      phoneLast4: '1234',
    });
    expect(track.status, track.text).toBe(200);
    expect(track.body.status).toBe('dispatched');
    expect(track.body.statusText.zh).toMatch(/交办/);
    expect(track.body.statusText.en).toMatch(/Assigned/);
    expect(track.body.unit.name).toBeTruthy();
    expect(track.body.deadline).toMatch(/^2026-03-/);
    expect(track.body.timeline.map((e: any) => e.type)).toEqual(['received', 'dispatched']);
    expect(Object.keys(track.body.timeline[0]).sort()).toEqual(['at', 'text', 'type', 'unitName']);

    const urge = await w.call('POST', '/api/public/urge', { code, phoneLast4: '1234', note: '请尽快处理' });
    expect(urge.status, urge.text).toBe(200);
    expect(urge.body.urges).toEqual({ total: 1, today: true });
    const again = await w.call('POST', '/api/public/urge', { code, phoneLast4: '1234' });
    expect(again.status).toBe(429);
    expect(Number(again.headers.get('retry-after'))).toBeGreaterThan(0);

    const list = await w.staff.mediator!.get(`/api/cases?q=${code}`);
    expect(list.status, JSON.stringify(list.body)).toBe(200);
    const item = list.body.items[0];
    expect(item.channel).toBe('online');
    const urges = await w.staff.mediator!.get(`/api/cases/${item.id}/urges`);
    expect(urges.status).toBe(200);
    expect(urges.body.total).toBe(1);
    expect(JSON.stringify(urges.body)).toContain('请尽快处理');
    const admin = await w.login('admin');
    expect((await admin.get(`/api/cases/${item.id}/urges`)).status).toBe(403);

    let c = (await w.staff.mediator!.get(`/api/cases/${item.id}`)).body;
    const act = async (who: string, action: string, body: Record<string, unknown> = {}) => {
      w.clock.advance(3_600_000);
      const r = await w.staff[who]!.post(`/api/cases/${c.id}/actions/${action}`, {
        expectedVersion: c.version,
        ...body,
      });
      expect(r.status, `${who} ${action}: ${JSON.stringify(r.body)}`).toBe(200);
      c = r.body;
    };
    expect(c.timeline[0].actor.name).toBe('系统');
    await act('mediator', 'sign');
    await act('mediator', 'start_handling', { mode: 'on_site' });
    const early = await w.call('POST', '/api/public/evaluate', { code, phoneLast4: '1234', rating: 'satisfied' });
    expect(early.status).toBe(409);
    await act('mediator', 'resolve', {
      outcome: { kind: 'mediated', agreement: 'written', summary: '双方达成书面协议，楼上负责维修。' },
    });

    const resolved = await w.call('POST', '/api/public/track', { code, phoneLast4: '1234' });
    expect(resolved.body).toMatchObject({
      status: 'resolved',
      canEvaluate: true,
      canUrge: false,
      outcome: { kind: 'mediated', summary: '双方达成书面协议，楼上负责维修。' },
    });
    const rated = await w.call('POST', '/api/public/evaluate', {
      code,
      phoneLast4: '1234',
      rating: 'dissatisfied',
      comment: '维修还没完成',
    });
    expect(rated.status, rated.text).toBe(200);
    expect(rated.body.status).toBe('in_progress');
    expect(rated.body.timeline.map((e: any) => e.type).slice(-2)).toEqual(['evaluated', 'reopened']);
    // The resident's own rating is theirs in the timeline, not attributed to the centre that recorded it.
    expect(rated.body.timeline.at(-2)).toMatchObject({ text: { zh: '您的评价', en: 'Your rating' }, unitName: null });
    expect(rated.body.evaluation.rating).toBe('dissatisfied');

    const staffView = (await w.staff.dispatcher!.get(`/api/cases/${c.id}`)).body;
    expect(staffView.status).toBe('in_progress');
    expect(staffView.counters.redos).toBe(1);
    const evaluated = staffView.timeline.find((e: any) => e.type === 'evaluated');
    expect(evaluated.data).toMatchObject({ by: 'resident', rating: 'dissatisfied', note: '维修还没完成' });

    const audit = await w.t.db.tx(systemScope, (trx) =>
      trx
        .selectFrom('audit_log')
        .select(['actor_name', 'action', 'actor_id'])
        .where('actor_name', '=', 'public')
        .execute(),
    );
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['case.submit', 'case.urge', 'case.evaluate']));
    expect(audit.every((a) => a.actor_id === null)).toBe(true);
  });

  it(`${engineLabel(engine)} answers a wrong phone and an unknown code the same`, async () => {
    const code = (await fileOnline(w, {}, '198.51.100.2')).body.trackingCode;
    const wrongPhone = await w.call('POST', '/api/public/track', { code, phoneLast4: '9999' }, {}, '198.51.100.3');
    const unknown = await w.call(
      'POST',
      '/api/public/track',
      { code: '0000-0000-0000-0000', phoneLast4: '1234' },
      {},
      '198.51.100.3',
    );
    expect(wrongPhone.status).toBe(404);
    expect(unknown.status).toBe(404);
    expect(wrongPhone.text).toBe(unknown.text);
  });

  it(`${engineLabel(engine)} refuses the honeypot, a form sent too fast, a forged token, and a sixth submission in an hour`, async () => {
    const ip = '192.0.2.50';
    expect((await fileOnline(w, { website: 'http://spam.example' }, ip)).status).toBe(400);
    const token = (await w.call('GET', '/api/public/form-token', undefined, {}, ip)).body.token;
    const fast = await w.call(
      'POST',
      '/api/public/cases',
      {
        formToken: token,
        kind: 'appeal',
        categoryCode: 'neighbour_leak',
        regionCode: w.world.codes.village,
        description: '路灯坏了很久没人修',
        contact: { name: '钱七', phone: '13700002222' },
      },
      { 'idempotency-key': 'fast-0001' },
      ip,
    );
    expect(fast.status).toBe(400);
    expect(fast.body.error.details.reason).toBe('too_fast');
    expect((await fileOnline(w, { formToken: 'abc.def.ghi' }, ip)).status).toBe(400);
    for (let i = 0; i < 5; i++) expect((await fileOnline(w, {}, ip)).status).toBe(201);
    const sixth = await fileOnline(w, {}, ip);
    expect(sixth.status).toBe(429);
    expect(Number(sixth.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it(`${engineLabel(engine)} returns the first case for a retried submission with the same token and key`, async () => {
    const token = (await w.call('GET', '/api/public/form-token', undefined, {}, '192.0.2.60')).body.token;
    w.clock.advance(5_000);
    const body = {
      formToken: token,
      kind: 'hazard',
      categoryCode: 'neighbour_leak',
      regionCode: w.world.codes.village,
      description: '小区门口井盖缺失，夜间危险。',
      contact: { name: '孙八', phone: '13600003333' },
    };
    const a = await w.call('POST', '/api/public/cases', body, { 'idempotency-key': 'retry-key-0001' }, '192.0.2.60');
    const b = await w.call('POST', '/api/public/cases', body, { 'idempotency-key': 'retry-key-0001' }, '192.0.2.60');
    expect(a.status).toBe(201);
    expect(b.body.trackingCode).toBe(a.body.trackingCode);
  });

  it(`${engineLabel(engine)} never shows a full phone, an ID number or a staff name in a public response`, () => {
    expect(w.bodies.length).toBeGreaterThan(10);
    expect(leaksIn(w.bodies, w.staffNames)).toEqual([]);
  });
});
