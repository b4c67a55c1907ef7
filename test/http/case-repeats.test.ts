import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, engineLabel, engines, type TestDb } from '../test-db.js';
import { makeUser } from '../factories.js';
import { seedDemoWorld } from '../demo-world.js';
import { testDeps } from '../test-deps.js';
import { createApp } from '../../src/http/app.js';
import { client } from '../http-client.js';
import { systemScope } from '../../src/storage/db.js';

/** 重访 and 一件事: the same person again with a similar matter, and a burst of similar cases in one township. */
describe.each(engines)('repeat visits and clusters %s', (engine) => {
  let t: TestDb;
  let world: Awaited<ReturnType<typeof seedDemoWorld>>;
  let gw: ReturnType<typeof client>;
  let townLeader: number;

  beforeAll(async () => {
    t = await createTestDb(engine);
    const deps = testDeps(t.db);
    world = await seedDemoWorld(deps);
    townLeader = await makeUser(t.db, 'townleader', world.units.townCentre, ['leader']);
    gw = client(createApp(deps));
    await gw.login('gridworker', 'civicgrid-demo');
  });
  afterAll(() => t.drop());

  const report = (n: number, phone: string, title: string, description = `${title}，已持续一周，影响休息`) =>
    gw.post(
      '/api/cases',
      {
        kind: 'dispute',
        channel: 'grid',
        title,
        description,
        categoryCode: 'neighbour_noise',
        regionCode: world.codes.grid,
        parties: [{ role: 'applicant', name: `居民${n}`, phone }],
      },
      { 'idempotency-key': `repeat-test-${n}-${phone.replace(/\s/g, '')}` },
    );

  it(`${engineLabel(engine)} links a similar case from the same phone as a repeat visit, and not a different matter`, async () => {
    const r1 = await report(1, '13911112222', '楼下烧烤店夜间噪音扰民');
    expect(r1.status, JSON.stringify(r1.body)).toBe(201);
    const first = r1.body;
    const again = (await report(2, '139 1111 2222', '楼下烧烤店夜里噪音太大')).body;
    expect(again.repeatOf).toBe(first.id);
    expect(again.links).toEqual(
      expect.arrayContaining([expect.objectContaining({ caseId: first.id, kind: 'repeat' })]),
    );
    const other = (await report(3, '13911112222', '小区停车位被占用', '外来车辆长期占用业主车位，物业不管')).body;
    expect(other.repeatOf).toBeNull();
    const stranger = (await report(4, '13700001111', '楼下烧烤店夜间噪音扰民')).body;
    expect(stranger.repeatOf).toBeNull();
  });

  it(`${engineLabel(engine)} warns the township centre when similar cases cluster within 7 days`, async () => {
    for (let i = 10; i < 14; i++) await report(i, `1360000${String(i).padStart(4, '0')}`, '楼下烧烤店夜间噪音扰民');
    const warnings = await t.db.tx(systemScope, (trx) =>
      trx.selectFrom('outbox').select(['payload']).where('topic', '=', 'case.cluster').execute(),
    );
    expect(warnings.length).toBeGreaterThan(0);
    expect((warnings[0]!.payload as { recipients: number[] }).recipients).toContain(townLeader);
  });
});
