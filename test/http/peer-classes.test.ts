import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCases } from '../../src/app/seed/generate-cases.js';
import { seedOnFirstStart } from '../../src/app/seed/seed-on-first-start.js';
import { manualClock } from '../../src/core/clock.js';
import { createApp } from '../../src/http/app.js';
import { systemScope } from '../../src/storage/db.js';
import { client } from '../http-client.js';
import { createTestDb, engineLabel, engines, type TestDb } from '../test-db.js';
import { testDeps } from '../test-deps.js';

const end = new Date('2026-03-20T09:00:00Z');
const range = 'period=custom&from=2026-02-18&to=2026-03-19';

/**
 * Peer classes (一类/二类/三类地区): the county's administrator groups its townships, and the county's
 * rankings rank each township within its class, or only a class's members when asked.
 */
describe.each(engines)('peer classes %s', (engine) => {
  let t: TestDb;
  let admin: ReturnType<typeof client>;
  let leader: ReturnType<typeof client>;
  let gridworker: ReturnType<typeof client>;
  let county: string;
  let townships: string[];
  let village: string;
  let first: number;

  beforeAll(async () => {
    t = await createTestDb(engine);
    const deps = testDeps(t.db, { clock: manualClock(end) });
    await seedOnFirstStart(deps);
    await generateCases(deps, { count: 60, days: 30, seed: 20260320 });
    const app = createApp(deps);
    [admin, leader, gridworker] = [client(app), client(app), client(app)];
    for (const [c, name] of [
      [admin, 'admin'],
      [leader, 'leader'],
      [gridworker, 'gridworker'],
    ] as const)
      expect((await c.login(name, 'civicgrid-demo')).status).toBe(200);
    const me = (await leader.get('/api/me')).body;
    county = me.unit.regionCode;
    const children = await t.db.tx(systemScope, (trx) =>
      trx.selectFrom('regions').select(['code', 'level']).where('parent_code', '=', county).orderBy('code').execute(),
    );
    townships = children.map((c) => c.code);
    village = (
      await t.db.tx(systemScope, (trx) =>
        trx.selectFrom('regions').select('code').where('parent_code', '=', townships[0]!).executeTakeFirstOrThrow(),
      )
    ).code;
  }, 300_000);
  afterAll(() => t.drop());

  it(`${engineLabel(engine)} lets the administrator group the townships into classes, each township in one`, async () => {
    expect(townships.length).toBeGreaterThanOrEqual(3);
    const half = Math.ceil(townships.length / 2);
    const a = await admin.post('/api/peer-classes', {
      level: 4,
      name: '一类地区',
      nameEn: 'Class I',
      members: townships.slice(0, half),
    });
    expect(a.status, JSON.stringify(a.body)).toBe(201);
    expect(a.body).toMatchObject({ ownerCode: county, level: 4, name: '一类地区' });
    expect(a.body.members.map((m: { code: string }) => m.code)).toEqual(townships.slice(0, half));
    first = a.body.id;
    const b = await admin.post('/api/peer-classes', { level: 4, name: '二类地区', members: townships.slice(half) });
    expect(b.status, JSON.stringify(b.body)).toBe(201);
    // A township already in a class, a village, the same name again, a level not below the owner: refused.
    const twice = await admin.post('/api/peer-classes', { level: 4, name: '三类地区', members: [townships[0]] });
    expect([twice.status, twice.body.error.code]).toEqual([409, 'Conflict']);
    const wrongLevel = await admin.post('/api/peer-classes', { level: 4, name: '三类地区', members: [village] });
    expect([wrongLevel.status, wrongLevel.body.error.code]).toEqual([400, 'ValidationFailed']);
    expect((await admin.post('/api/peer-classes', { level: 4, name: '一类地区' })).status).toBe(409);
    expect((await admin.post('/api/peer-classes', { level: 3, name: '县级' })).status).toBe(400);
    expect((await admin.post('/api/peer-classes', { level: 4, name: 'x', members: ['329999999'] })).status).toBe(404);
    // Only the administrator defines them.
    expect((await leader.post('/api/peer-classes', { level: 4, name: '四类地区' })).status).toBe(403);
    const listed = await leader.get('/api/peer-classes?level=4');
    expect(listed.body.map((c: { name: string }) => c.name)).toEqual(['一类地区', '二类地区']);
    // A grid worker's jurisdiction owns none, and the county is not theirs.
    expect((await gridworker.get('/api/peer-classes')).body).toEqual([]);
    expect((await gridworker.get(`/api/peer-classes?region=${county}`)).status).toBe(404);
  });

  it(`${engineLabel(engine)} ranks each township within its class in the county's breakdown`, async () => {
    const res = await leader.get(`/api/kpi/received/breakdown?${range}&by=region`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.peerClass).toBeNull();
    const rows = res.body.rows as {
      key: string;
      score: number | null;
      rank: number | null;
      peerClass: { id: number } | null;
      classRank: number | null;
    }[];
    expect(rows.every((r) => r.peerClass !== null)).toBe(true);
    for (const id of new Set(rows.map((r) => r.peerClass!.id))) {
      const mine = rows.filter((r) => r.peerClass!.id === id);
      // Within the class: the same order as the overall ranking, numbered from 1, ties sharing a rank.
      const expected = mine.map((r) => (r.score === null ? null : mine.filter((o) => o.score! > r.score!).length + 1));
      expect(mine.map((r) => r.classRank)).toEqual(expected);
    }
    const only = await leader.get(`/api/kpi/received/breakdown?${range}&by=region&peerClass=${first}`);
    expect(only.status).toBe(200);
    expect(only.body.peerClass).toMatchObject({ id: first, name: '一类地区', nameEn: 'Class I' });
    const keys = only.body.rows.map((r: { key: string }) => r.key).sort();
    expect(keys).toEqual(townships.slice(0, Math.ceil(townships.length / 2)));
    expect(only.body.rows.map((r: { rank: number | null }) => r.rank)).toEqual(
      only.body.rows.map((r: { classRank: number | null }) => r.classRank),
    );
  });

  it(`${engineLabel(engine)} refuses a class where it cannot apply, and hides one outside the jurisdiction`, async () => {
    expect((await leader.get(`/api/kpi/received/breakdown?${range}&by=unit&peerClass=${first}`)).status).toBe(400);
    // Ranking villages of a township with a class of townships.
    const villages = await leader.get(
      `/api/kpi/received/breakdown?${range}&by=region&region=${townships[0]}&peerClass=${first}`,
    );
    expect(villages.status).toBe(400);
    expect((await leader.get(`/api/kpi/received/breakdown?${range}&by=region&peerClass=999999`)).status).toBe(404);
    // The grid worker's scope does not hold the county's class: as if it did not exist.
    const grid = await gridworker.get(`/api/kpi/received/breakdown?${range}&by=region&peerClass=${first}`);
    expect([grid.status, grid.body.error.code]).toEqual([404, 'NotFound']);
  });

  it(`${engineLabel(engine)} renames, re-members and removes a class`, async () => {
    const renamed = await admin.patch(`/api/peer-classes/${first}`, { name: '甲类地区', members: [townships[0]] });
    expect(renamed.status, JSON.stringify(renamed.body)).toBe(200);
    expect(renamed.body.members.map((m: { code: string }) => m.code)).toEqual([townships[0]]);
    expect((await admin.patch(`/api/peer-classes/${first}`, {})).status).toBe(400);
    expect((await admin.delete(`/api/peer-classes/${first}`)).status).toBe(204);
    expect((await admin.delete(`/api/peer-classes/${first}`)).status).toBe(404);
    const res = await leader.get(`/api/kpi/received/breakdown?${range}&by=region`);
    expect(res.body.rows.find((r: { key: string }) => r.key === townships[0]).peerClass).toBeNull();
  });
});
