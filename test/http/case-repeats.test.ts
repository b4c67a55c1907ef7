import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, engineLabel, engines, type TestDb } from '../test-db.js';
import { makeUser } from '../factories.js';
import { seedDemoWorld } from '../demo-world.js';
import { testDeps } from '../test-deps.js';
import { createApp } from '../../src/http/app.js';
import { client } from '../http-client.js';
import { systemScope } from '../../src/storage/db.js';
import { sql } from 'kysely';

/** 重访 and 一件事: the same person again with a similar matter, and a burst of similar cases in one township. */
describe.each(engines)('repeat visits and clusters %s', (engine) => {
  let t: TestDb;
  let world: Awaited<ReturnType<typeof seedDemoWorld>>;
  let gw: ReturnType<typeof client>;
  let townLeader: number;
  let deps: ReturnType<typeof testDeps>;

  beforeAll(async () => {
    t = await createTestDb(engine);
    deps = testDeps(t.db);
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
      trx.selectFrom('outbox').select(['payload', 'region_path']).where('topic', '=', 'case.cluster').execute(),
    );
    expect(warnings.length).toBeGreaterThan(0);
    // The warning is the case's region's: only webhooks of a jurisdiction holding it receive it.
    for (const w of warnings) expect(w.region_path).toMatch(new RegExp(`/${world.codes.grid}/$`));
    expect((warnings[0]!.payload as { recipients: number[] }).recipients).toContain(townLeader);
  });

  it(`${engineLabel(engine)} names a repeat outside the caller's jurisdiction by a count only, and keeps the link`, async () => {
    const first = (await report(20, '13812345678', '河道旁垃圾堆放发臭无人清理')).body;
    // A window clerk of another township of the county registers the same person's matter again.
    const otherCentre = await t.db.tx(systemScope, (trx) =>
      trx
        .selectFrom('units')
        .select(['id', 'region_code'])
        .where('type_code', '=', 'service_centre')
        .where(sql<boolean>`length(region_code) = 9`)
        .where('region_code', 'like', `${world.codes.county}%`)
        .where('region_code', '<>', world.codes.township)
        .executeTakeFirstOrThrow(),
    );
    await makeUser(t.db, 'otherclerk', Number(otherCentre.id), ['clerk']);
    const clerk = client(createApp(deps));
    await clerk.login('otherclerk', 'test-password-1');
    const res = await clerk.post(
      '/api/cases',
      {
        kind: 'appeal',
        channel: 'walk_in',
        title: '河道旁垃圾堆放发臭没人清理',
        description: '河道旁垃圾堆放发臭无人清理，已持续一周，影响休息',
        categoryCode: 'neighbour_noise',
        regionCode: otherCentre.region_code,
        parties: [{ role: 'applicant', name: '居民20', phone: '13812345678' }],
      },
      { 'idempotency-key': 'repeat-elsewhere-1' },
    );
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.repeatOf).toBeNull();
    expect(res.body.links.map((l: { caseId: number }) => l.caseId)).not.toContain(first.id);
    expect(res.body.linksElsewhere).toBe(1);
    expect(JSON.stringify(res.body)).not.toContain(first.trackingCode);
    const listed = (await clerk.get('/api/cases?pageSize=200')).body.items.find(
      (c: { id: number }) => c.id === res.body.id,
    );
    expect(listed.repeatOf).toBeNull();
    expect((await clerk.get(`/api/cases/${res.body.id}`)).body).toMatchObject({ repeatOf: null, linksElsewhere: 1 });

    // The county's dispatcher may read both cases and sees the link; the system keeps it.
    const dispatcher = client(createApp(deps));
    await dispatcher.login('dispatcher', 'civicgrid-demo');
    const seen = (await dispatcher.get(`/api/cases/${res.body.id}`)).body;
    expect(seen.repeatOf).toBe(first.id);
    expect(seen.links).toEqual(expect.arrayContaining([expect.objectContaining({ caseId: first.id, kind: 'repeat' })]));
    expect(seen.linksElsewhere).toBe(0);
  });
});
