import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLog } from '../../src/app/log.js';
import { deliverMessages } from '../../src/app/notify/deliver-messages.js';
import { logSms } from '../../src/app/notify/sms.js';
import type { Deps } from '../../src/app/deps.js';
import { generateCases } from '../../src/app/seed/generate-cases.js';
import { seedOnFirstStart } from '../../src/app/seed/seed-on-first-start.js';
import { manualClock } from '../../src/core/clock.js';
import { createApp } from '../../src/http/app.js';
import { systemScope } from '../../src/storage/db.js';
import { makeUser, testPassword } from '../factories.js';
import { client } from '../http-client.js';
import { createTestDb, engineLabel, engines, type TestDb } from '../test-db.js';
import { testDeps } from '../test-deps.js';
import { crimeIndicator, indicator } from '../scheme-fixtures.js';

type Client = ReturnType<typeof client>;
type Row = {
  regionCode: string;
  index: number | null;
  rank: number | null;
  coverage: number;
  components: {
    key: string;
    raw: { value: number | null; numerator?: number; denominator?: number };
    score: number | null;
    weight: number;
  }[];
};

const now = new Date('2027-01-10T04:00:00Z');
const december = { period: 'month', date: '2026-12-01' } as const;

/** The definition of the county's 2026 scheme: a KPI (min–max across the townships) and an imported figure (target). */
const definition = (weights: [number, number]) => ({
  components: [
    indicator('volume', { kpi: 'received' }, weights[0], { name: '受理量', nameEn: 'Cases received' }),
    crimeIndicator(weights[1], { nameEn: 'Crimes per 10,000 residents' }),
  ],
  warning: { below: 50, drop: 20 },
});

/**
 * The safety index as the county's assessment scheme: defined by the administrator, fed by a KPI and an
 * imported figure, scored per township with every component visible, stored by a leader under a version
 * that stays reproducible after the scheme changes, and warning the leaders of a township that falls.
 */
describe.each(engines)('assessment schemes and the safety index %s', (engine) => {
  let t: TestDb;
  let deps: Deps;
  const as: Record<string, Client> = {};
  let townships: string[];
  let schemeId: number;
  let stored: { rows: Row[] };
  const userIds: Record<string, number> = {};

  beforeAll(async () => {
    t = await createTestDb(engine);
    deps = testDeps(t.db, { clock: manualClock(now) });
    await seedOnFirstStart(deps);
    await generateCases(deps, { count: 40, days: 45, seed: 20270110 });
    const app = createApp(deps);
    for (const name of ['admin', 'leader', 'dispatcher', 'gridworker']) {
      as[name] = client(app);
      expect((await as[name]!.login(name, 'civicgrid-demo')).status).toBe(200);
    }
    const county = (await as.leader!.get('/api/me')).body.unit.regionCode;
    const centres = await t.db.tx(systemScope, (trx) =>
      trx
        .selectFrom('units')
        .innerJoin('regions', 'regions.code', 'units.region_code')
        .select(['units.id', 'units.region_code'])
        .where('regions.parent_code', '=', county)
        .where('units.type_code', '=', 'service_centre')
        .orderBy('units.region_code')
        .execute(),
    );
    townships = centres.map((c) => c.region_code);
    // The leaders of three townships: two will be warned, one not.
    for (const [i, c] of centres.slice(0, 3).entries()) {
      userIds[`t${i}`] = await makeUser(t.db, `leader-t${i}`, Number(c.id), ['leader']);
      as[`t${i}`] = client(app);
      expect((await as[`t${i}`]!.login(`leader-t${i}`, testPassword)).status).toBe(200);
    }
  }, 300_000);
  afterAll(() => t.drop());

  it(`${engineLabel(engine)} imports figures from another system with a report line by line`, async () => {
    const lines = ['indicator,region,period,date,value'];
    for (const [i, code] of townships.entries()) {
      // Township 0 is behind in both months; township 1 falls from November to December; the rest do well.
      lines.push(`crime_per_10k,${code},month,2026-11-15,${i === 0 ? 9.6 : 1}`);
      lines.push(`crime_per_10k,${code},month,2026-12-15,${i === 0 ? 9.6 : i === 1 ? 5.2 : 1}`);
    }
    lines.push('crime_per_10k,329999999999,month,2026-12-01,1', 'crime_per_10k,320000,month,2026-12-01,lots');
    const res = await as.admin!.post('/api/indicator-values/import', { csv: lines.join('\n'), source: '公安统计' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect([res.body.imported, res.body.rejected]).toEqual([townships.length * 2, 2]);
    expect(res.body.rows.filter((r: { status: string }) => r.status === 'rejected')).toEqual([
      { line: lines.length - 1, status: 'rejected', message: 'no region 329999999999 in your jurisdiction' },
      { line: lines.length, status: 'rejected', message: 'value "lots" is not a number' },
    ]);
    // Only the administrator imports; nothing about people: a file with another column is refused whole.
    expect((await as.leader!.post('/api/indicator-values/import', { csv: lines.join('\n') })).status).toBe(403);
    const named = await as.admin!.post('/api/indicator-values/import', {
      csv: 'indicator,region,period,date,value,name\n',
    });
    expect(named.body).toMatchObject({ imported: 0, rejected: 1 });
  });

  it(`${engineLabel(engine)} lets the administrator define a year's scheme, and refuses one that does not add up`, async () => {
    const res = await as.admin!.post('/api/schemes', {
      year: 2026,
      name: '2026年度平安指数',
      definition: definition([10, 90]),
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ year: 2026, version: 1, versions: [{ version: 1, usedAt: null }] });
    schemeId = res.body.id;
    const bad = await as.admin!.post('/api/schemes', { year: 2026, name: 'x', definition: definition([10, 80]) });
    expect([bad.status, bad.body.error.message]).toEqual([400, 'the weights sum to 90, not 100']);
    const unknownKpi = definition([10, 90]);
    unknownKpi.components[0] = indicator('volume', { kpi: 'happiness' }, 10);
    expect((await as.admin!.post('/api/schemes', { year: 2026, name: 'y', definition: unknownKpi })).status).toBe(400);
    expect(
      (await as.leader!.post('/api/schemes', { year: 2026, name: 'z', definition: definition([10, 90]) })).status,
    ).toBe(403);
    expect((await as.leader!.get('/api/schemes?year=2026')).body.map((s: { id: number }) => s.id)).toEqual([schemeId]);
    expect((await as.gridworker!.get(`/api/schemes/${schemeId}`)).status).toBe(404);
  });

  it(`${engineLabel(engine)} scores every township with each component's raw value, score and weight`, async () => {
    const res = await as.leader!.get(`/api/schemes/${schemeId}/scores?period=month&date=2026-12-01`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ version: 1, stored: false });
    const rows = res.body.rows as Row[];
    expect(rows.map((r) => r.regionCode).sort()).toEqual([...townships].sort());
    const volume = await as.leader!.get('/api/kpi/received/breakdown?period=month&date=2026-12-01&by=region');
    for (const r of rows) {
      expect(r.components.map((c) => c.weight)).toEqual([10, 90]);
      const weighted = r.components.reduce((s, c) => s + c.weight * c.score!, 0) / 100;
      expect(r.index).toBeCloseTo(weighted, 9);
      // The KPI's raw value is the breakdown's figure for the township, numerator and denominator included.
      const kpi = volume.body.rows.find((x: { key: string }) => x.key === r.regionCode);
      expect(r.components[0]!.raw).toEqual({
        value: kpi.value,
        numerator: kpi.numerator,
        denominator: kpi.denominator,
      });
    }
    const t0 = rows.find((r) => r.regionCode === townships[0])!;
    expect(t0.components[1]).toMatchObject({ raw: { value: 9.6 }, score: expect.closeTo(5, 9) });
    expect(rows.map((r) => r.rank)).toEqual([...rows.map((r) => r.rank)].sort((a, b) => a! - b!));
    // The administrator configures but does not read figures; a scheme of 2026 scores periods of 2026.
    expect((await as.admin!.get(`/api/schemes/${schemeId}/scores?period=month&date=2026-12-01`)).status).toBe(403);
    expect((await as.leader!.get(`/api/schemes/${schemeId}/scores?period=month&date=2027-01-01`)).status).toBe(400);
  });

  it(`${engineLabel(engine)} stores a period's scores and warns the leaders of the township and of the county, no one else`, async () => {
    expect((await as.admin!.post(`/api/schemes/${schemeId}/runs`, december)).status).toBe(403);
    const res = await as.leader!.post(`/api/schemes/${schemeId}/runs`, december);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    stored = res.body;
    const warnings = res.body.warnings.map((w: { regionCode: string; reason: string }) => [w.regionCode, w.reason]);
    expect(warnings.sort()).toEqual([
      [townships[0], 'below_threshold'],
      [townships[1], 'dropped'],
    ]);
    expect((await as.leader!.post(`/api/schemes/${schemeId}/runs`, december)).status).toBe(409);

    await deliverMessages(deps, logSms(createLog('silent')));
    const inbox = async (who: string) =>
      (
        (await as[who]!.get('/api/inbox')).body.items as {
          topic: string;
          title: string;
          data: { regionCode: string };
        }[]
      )
        .filter((m) => m.topic === 'assessment.warning')
        .map((m) => m.data.regionCode)
        .sort();
    expect(await inbox('t0')).toEqual([townships[0]]);
    expect(await inbox('t1')).toEqual([townships[1]]);
    expect(await inbox('leader')).toEqual([townships[0], townships[1]].sort());
    expect(await inbox('t2')).toEqual([]);
    expect(await inbox('dispatcher')).toEqual([]);
    const [message] = (await as.t0!.get('/api/inbox')).body.items.filter(
      (m: { topic: string }) => m.topic === 'assessment.warning',
    );
    expect(message.title).toContain('平安指数预警');
  });

  it(`${engineLabel(engine)} keeps last year's scores reproducible from the version they used after the scheme changes`, async () => {
    const changed = await as.admin!.patch(`/api/schemes/${schemeId}`, { definition: definition([50, 50]) });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect(changed.body.version).toBe(2);
    expect(
      changed.body.versions.map((v: { version: number; usedAt: string | null }) => [v.version, v.usedAt !== null]),
    ).toEqual([
      [1, true],
      [2, false],
    ]);
    // A change to the unused version 2 rewrites it; version 1 stays as it was.
    expect((await as.admin!.patch(`/api/schemes/${schemeId}`, { definition: definition([40, 60]) })).body.version).toBe(
      2,
    );
    const v1 = await as.leader!.get(`/api/schemes/${schemeId}?version=1`);
    expect(v1.body.definition.components.map((c: { weight: number }) => c.weight)).toEqual([10, 90]);

    const again = await as.leader!.get(`/api/schemes/${schemeId}/scores?period=month&date=2026-12-01`);
    expect(again.body).toMatchObject({ version: 1, stored: true });
    expect(again.body.rows).toEqual(stored.rows);
    // Recomputed from today's figures under version 1: the same indexes; under version 2: others.
    const v1Now = await as.leader!.get(
      `/api/schemes/${schemeId}/scores?period=month&date=2026-12-01&version=1&recompute=true`,
    );
    expect(v1Now.body.stored).toBe(false);
    const indexes = (b: { rows: Row[] }) => Object.fromEntries(b.rows.map((r) => [r.regionCode, r.index]));
    expect(indexes(v1Now.body)).toEqual(indexes(stored));
    const v2Now = await as.leader!.get(`/api/schemes/${schemeId}/scores?period=month&date=2026-12-01&recompute=true`);
    expect(v2Now.body.version).toBe(2);
    expect(indexes(v2Now.body)).not.toEqual(indexes(stored));
  });
});
