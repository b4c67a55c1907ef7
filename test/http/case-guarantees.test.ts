import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestDb, engineLabel, engines, type TestDb } from '../test-db.js';
import { seedDemoWorld } from '../demo-world.js';
import { testDeps } from '../test-deps.js';
import { createApp } from '../../src/http/app.js';
import { client } from '../http-client.js';
import { systemScope } from '../../src/storage/db.js';
import { createLog } from '../../src/app/log.js';

const demo = 'civicgrid-demo';
const phone = '13812345678',
  idNumber = '11010519491231002X',
  address = '雨花西路88号202室';

describe.each(engines)('case guarantees %s', (engine) => {
  let t: TestDb;
  let app: ReturnType<typeof createApp>;
  let world: Awaited<ReturnType<typeof seedDemoWorld>>;
  const logLines: string[] = [];
  const responses: string[] = [];
  const as: Record<string, ReturnType<typeof client>> = {};

  const intake = (key: string, extra: Record<string, unknown> = {}) =>
    as.gridworker!.post(
      '/api/cases',
      {
        kind: 'dispute',
        channel: 'grid',
        title: '噪音扰民',
        description: '楼下商铺夜间施工噪音扰民',
        categoryCode: 'neighbour_noise',
        regionCode: world.codes.grid,
        parties: [{ role: 'applicant', name: '王芳', phone, idNumber, address }],
        ...extra,
      },
      { 'idempotency-key': key },
    );

  beforeAll(async () => {
    t = await createTestDb(engine);
    const deps = { ...testDeps(t.db), log: createLog('debug', (l) => logLines.push(l)) };
    world = await seedDemoWorld(deps);
    app = createApp(deps);
    for (const u of ['gridworker', 'mediator', 'dispatcher', 'leader', 'clerk', 'admin', 'auditor']) {
      as[u] = client(app);
      await as[u]!.login(u, demo);
    }
  });
  afterAll(() => t.drop());

  it(`${engineLabel(engine)} creates one case from 50 concurrent retries of one intake`, async () => {
    const results = await Promise.all(Array.from({ length: 50 }, () => intake('retry-key-00000001')));
    expect(results.every((r) => r.status === 201)).toBe(true);
    expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
    const n = await t.db.tx(systemScope, (trx) =>
      trx
        .selectFrom('cases')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('idempotency_key', '=', 'retry-key-00000001')
        .executeTakeFirstOrThrow(),
    );
    expect(Number(n.n)).toBe(1);
    responses.push(...results.map((r) => JSON.stringify(r.body)));
  });

  it(`${engineLabel(engine)} lets exactly one of 200 concurrent conflicting actions through`, async () => {
    const c = (await intake('conflict-key-0001')).body;
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        i % 2 === 0
          ? as.mediator!.post(`/api/cases/${c.id}/actions/sign`, { expectedVersion: c.version })
          : as.mediator!.post(`/api/cases/${c.id}/actions/send_back`, {
              expectedVersion: c.version,
              reasonCode: 'not_responsible',
            }),
      ),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(199);
    const after = (await as.mediator!.get(`/api/cases/${c.id}`)).body;
    expect(after.version).toBe(c.version + 1);
    expect(after.timeline).toHaveLength(c.timeline.length + 1);
  });

  it(`${engineLabel(engine)} masks parties unless a permitted role reveals them with a reason, and audits the reveal`, async () => {
    const c = (await intake('reveal-key-000001')).body;
    expect((await as.gridworker!.post(`/api/cases/${c.id}/parties/reveal`, { reason: '核实身份' })).status).toBe(403);
    expect((await as.mediator!.post(`/api/cases/${c.id}/parties/reveal`, {})).status).toBe(400);
    const shown = await as.mediator!.post(`/api/cases/${c.id}/parties/reveal`, { reason: '电话联系申请人' });
    expect(shown.status).toBe(200);
    expect(shown.body[0]).toMatchObject({ phone, idNumber, address, masked: false });
    const audit = (await as.auditor!.get('/api/audit?action=case.parties.reveal')).body.items;
    expect(audit[0]).toMatchObject({
      actorName: 'mediator',
      target: `case:${c.id}`,
      details: { reason: '电话联系申请人' },
    });
    for (const u of ['gridworker', 'mediator', 'dispatcher', 'leader', 'clerk'])
      responses.push(JSON.stringify((await as[u]!.get(`/api/cases/${c.id}`)).body));
    responses.push(JSON.stringify((await as.dispatcher!.get('/api/cases?pageSize=100')).body));
  });

  it(`${engineLabel(engine)} keeps administrators and the auditor out of case work`, async () => {
    expect((await as.admin!.get('/api/cases')).status).toBe(403);
    expect((await as.auditor!.get('/api/cases')).status).toBe(403);
  });

  it(`${engineLabel(engine)} filters lists by status, kind, category subtree, region, unit and text`, async () => {
    await intake('filter-key-0000001', {
      kind: 'appeal',
      title: '路灯不亮',
      description: '小区路灯坏了一个月',
      categoryCode: 'public_service',
      parties: [],
    });
    const get = async (q: string) => (await as.dispatcher!.get(`/api/cases?${q}&pageSize=100`)).body;
    expect((await get('kind=appeal')).items.map((c: any) => c.title)).toEqual(['路灯不亮']);
    expect((await get('category=neighbour')).items.every((c: any) => c.categoryCode === 'neighbour_noise')).toBe(true);
    expect((await get('q=%E8%B7%AF%E7%81%AF')).total).toBe(1);
    expect((await get(`region=${world.codes.township}`)).total).toBeGreaterThanOrEqual(3);
    expect(
      (await get(`unit=${world.units.villageCommittee}`)).items.every(
        (c: any) => c.leadUnit?.id === world.units.villageCommittee || c.status !== 'dispatched',
      ),
    ).toBe(true);
    expect((await get('status=closed')).total).toBe(0);
    // Every dispatched case has a running sign-for stage due within a working day or two; none has a card yet.
    expect(
      (await get(`dueBefore=${encodeURIComponent(new Date(Date.now() + 10 * 86_400_000).toISOString())}`)).total,
    ).toBeGreaterThanOrEqual(3);
    expect((await get(`dueBefore=${encodeURIComponent(new Date(Date.now() - 86_400_000).toISOString())}`)).total).toBe(
      0,
    );
    expect((await get('card=red')).total).toBe(0);
    expect((await as.dispatcher!.get('/api/cases?region=320102')).status).toBe(404);
  });

  it(`${engineLabel(engine)} never stores, logs or shows a phone or ID number in plaintext`, async () => {
    const dump = await t.db.tx(systemScope, async (trx) => {
      const tables = ['cases', 'case_parties', 'case_events', 'assignments', 'case_links', 'audit_log'];
      const texts = await Promise.all(
        tables.map((tb) =>
          sql<{ t: string }>`SELECT coalesce(string_agg(x::text, E'\n'), '') AS t FROM ${sql.table(tb)} x`.execute(trx),
        ),
      );
      return texts.map((r) => r.rows[0]!.t).join('\n');
    });
    for (const secret of [phone, idNumber, address, phone.slice(3, 7) + phone.slice(7)]) {
      expect(dump).not.toContain(secret);
      expect(logLines.join('\n')).not.toContain(secret);
      expect(responses.join('\n')).not.toContain(secret);
    }
    expect(dump).toContain('v1.aes-256-gcm.');
  });
});
