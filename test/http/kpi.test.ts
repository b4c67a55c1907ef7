import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCases } from '../../src/app/seed/generate-cases.js';
import { seedOnFirstStart } from '../../src/app/seed/seed-on-first-start.js';
import { manualClock } from '../../src/core/clock.js';
import { caseFacts } from '../../src/core/kpi/case-facts.js';
import { computeFigure, KPI_DEFINITIONS } from '../../src/core/kpi/definitions.js';
import { customPeriod } from '../../src/core/kpi/period.js';
import { createApp } from '../../src/http/app.js';
import { regionScope, systemScope } from '../../src/storage/db.js';
import { kpiSource } from '../../src/storage/kpi.repo.js';
import { client } from '../http-client.js';
import { createTestDb, engineLabel, engines, type TestDb } from '../test-db.js';
import { testDeps } from '../test-deps.js';

const end = new Date('2026-03-20T09:00:00Z');
const range = 'period=custom&from=2026-02-18&to=2026-03-19';

/**
 * The figures over the demo county's generated history: each figure's drill-down lists exactly the
 * items it counts, the export carries everything needed to recompute every figure, and a figure is
 * only ever about the caller's jurisdiction.
 */
describe.each(engines)('KPI figures over HTTP %s', (engine) => {
  let t: TestDb;
  let app: ReturnType<typeof createApp>;
  let leader: ReturnType<typeof client>;
  let codes: { county: string; township: string; otherTownship: string; grid: string };

  beforeAll(async () => {
    t = await createTestDb(engine);
    const deps = testDeps(t.db, { clock: manualClock(end) });
    await seedOnFirstStart(deps);
    await generateCases(deps, { count: 40, days: 30, seed: 20260320 });
    app = createApp(deps);
    leader = client(app);
    expect((await leader.login('leader', 'civicgrid-demo')).status).toBe(200);
    const grid = await t.db.tx(systemScope, (trx) =>
      trx
        .selectFrom('users')
        .select(['scope_path', 'grid_code'])
        .where('username', '=', 'gridworker')
        .executeTakeFirstOrThrow(),
    );
    const [, , county, township] = grid.scope_path.split('/');
    const other = await t.db.tx(systemScope, (trx) =>
      trx
        .selectFrom('regions')
        .select('code')
        .where('parent_code', '=', county!)
        .where('code', '!=', township!)
        .orderBy('code')
        .executeTakeFirstOrThrow(),
    );
    codes = { county: county!, township: township!, otherTownship: other.code, grid: grid.grid_code! };
  });
  afterAll(() => t.drop());

  it(`${engineLabel(engine)} gives every figure with its numerator, denominator and change`, async () => {
    const res = await leader.get(`/api/kpi?${range}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.region.code).toBe(codes.county);
    expect(res.body.figures.map((f: any) => f.id)).toEqual(KPI_DEFINITIONS.map((d) => d.id));
    const received = res.body.figures.find((f: any) => f.id === 'received');
    expect(received.denominator).toBeGreaterThan(15);
    const satisfaction = res.body.figures.find((f: any) => f.id === 'satisfaction');
    expect(satisfaction.signals.map((s: any) => s.id)).toEqual(['staff_evaluations', 'instant_evaluations']);
  });

  it(`${engineLabel(engine)} drills down to exactly the items each figure counts`, async () => {
    const { body } = await leader.get(`/api/kpi?${range}`);
    for (const f of body.figures) {
      const den = await leader.get(`${f.drillDown}&part=denominator`);
      const num = await leader.get(`${f.drillDown}&part=numerator`);
      expect([f.id, den.status, num.status]).toEqual([f.id, 200, 200]);
      expect([f.id, den.body.count, den.body.cases.length]).toEqual([f.id, f.denominator, f.denominator]);
      if (f.kind === 'rate') expect([f.id, num.body.count]).toEqual([f.id, f.numerator]);
      const inDen = new Set(den.body.cases.map((c: any) => `${c.id}/${c.seq}`));
      for (const c of num.body.cases) expect(inDen.has(`${c.id}/${c.seq}`), `${f.id}: ${c.id}`).toBe(true);
    }
  });

  it(`${engineLabel(engine)} breaks a figure down by township, ranked, and each row drills to its own cases`, async () => {
    const res = await leader.get(`/api/kpi/received/breakdown?${range}&by=region`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const whole = (await leader.get(`/api/kpi?${range}`)).body.figures.find((f: any) => f.id === 'received');
    const sum = res.body.rows.reduce((n: number, r: any) => n + r.denominator, 0);
    expect(sum).toBeLessThanOrEqual(whole.denominator); // cases registered at the county itself are in no township
    expect(res.body.rows.every((r: any) => r.name)).toBe(true);
    for (const r of res.body.rows.filter((x: any) => x.denominator > 0).slice(0, 3)) {
      const cases = await leader.get(`${r.drillDown}&part=denominator`);
      expect(cases.body.count).toBe(r.denominator);
    }
    const byKind = await leader.get(`/api/kpi/satisfaction/breakdown?${range}&by=kind`);
    expect(byKind.status).toBe(200);
    const ranks = byKind.body.rows.map((r: any) => r.rank).filter((x: any) => x !== null);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    for (const r of byKind.body.rows) {
      const cases = await leader.get(`${r.drillDown}&part=denominator`);
      expect([r.key, cases.body.count]).toEqual([r.key, r.denominator]);
      expect(cases.body.cases.every((c: any) => c.kind === r.key)).toBe(true);
    }
  });

  it(`${engineLabel(engine)} exports figures and drill-downs to Excel with the filter written on the sheet`, async () => {
    const book = async (url: string) => {
      const res = await app.request(url, { headers: { cookie: leader.cookie } });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('spreadsheetml');
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(await res.arrayBuffer());
      return wb;
    };
    const figures = (await leader.get(`/api/kpi?${range}`)).body.figures;
    const wb = await book(`/api/kpi/workbook?${range}&rank=received`);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['指标', '信号', '排名']);
    const sheet = wb.getWorksheet('指标')!;
    expect(String(sheet.getCell(2, 1).value)).toContain('2026-02-18');
    const header = sheet.getRow(5).values as unknown[];
    expect(header.slice(1, 5)).toEqual(['指标', '口径', '分子', '分母']);
    for (const [i, f] of figures.entries()) {
      const row = sheet.getRow(6 + i).values as unknown[];
      expect([row[2], row[3], row[4]]).toEqual([f.id, f.numerator, f.denominator]);
    }
    const received = figures.find((f: any) => f.id === 'received');
    const cases = await leader.get(`${received.drillDown}&part=denominator`);
    const list = (
      await book(`/api/kpi/received/cases/workbook?${received.drillDown.split('?')[1]}&part=denominator`)
    ).getWorksheet('案件')!;
    const codes: string[] = [];
    list.eachRow((row, n) => {
      if (n > 5) codes.push(String(row.getCell(1).value));
    });
    expect(codes).toEqual(cases.body.cases.map((c: any) => c.trackingCode));
  });

  it(`${engineLabel(engine)} exports what recomputes every figure`, async () => {
    const res = await leader.get(`/api/kpi/events?${range}&format=ndjson`);
    expect(res.status).toBe(200);
    const lines = String(res.body)
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    const byCase = new Map<number, any[]>();
    for (const l of lines.filter((x) => x.record === 'event')) {
      if (!byCase.has(l.case_id)) byCase.set(l.case_id, []);
      byCase.get(l.case_id)!.push({
        ...(l.data && { data: l.data }),
        type: l.type,
        at: new Date(l.at),
        version: l.version,
        actorUserId: 0,
        actorUnitId: l.actor_unit_id,
        fromStatus: l.from_status,
        toStatus: l.to_status,
      });
    }
    const repeatOf = new Map(lines.filter((x) => x.record === 'case').map((x) => [x.case_id, x.data.repeatOf]));
    const dated = (x: any, ...keys: string[]) => ({
      ...x,
      ...Object.fromEntries(keys.map((k) => [k, x[k] ? new Date(x[k]) : null])),
    });
    const input = {
      facts: [...byCase].map(([id, events]) => caseFacts(events, repeatOf.get(id) ?? null)),
      stages: lines.filter((x) => x.record === 'stage').map((x) => dated(x.data, 'startAt', 'dueAt', 'completedAt')),
      cards: lines.filter((x) => x.record === 'card').map((x) => dated(x.data, 'issuedAt')),
      extensions: lines.filter((x) => x.record === 'extension').map((x) => dated(x.data, 'decidedAt')),
      asOf: end,
      workingDays: () => 0,
    };
    const { body } = await leader.get(`/api/kpi?${range}`);
    const period = customPeriod('2026-02-18', '2026-03-19');
    for (const def of KPI_DEFINITIONS.filter((d) => d.kind !== 'mean')) {
      const f = computeFigure(def, input, period);
      const api = body.figures.find((x: any) => x.id === def.id);
      expect([def.id, f.numerator, f.denominator]).toEqual([def.id, api.numerator, api.denominator]);
    }
    const csv = await leader.get(`/api/kpi/events?${range}&format=csv`);
    expect(String(csv.body).split('\r\n')[0]).toBe(
      'record,case_id,version,type,at,actor_unit_id,from_status,to_status,reason,data',
    );
    expect(String(csv.body).split('\r\n').length).toBe(lines.length + 1);
  });

  it(`${engineLabel(engine)} shows a township's figures to its staff and refuses the rest as missing`, async () => {
    const worker = client(app);
    expect((await worker.login('gridworker', 'civicgrid-demo')).status).toBe(200);
    expect((await worker.get(`/api/kpi?${range}`)).body.region.code).toBe(codes.grid);
    for (const region of [codes.county, codes.township, codes.otherTownship, '329999'])
      expect([region, (await worker.get(`/api/kpi?${range}&region=${region}`)).status]).toEqual([region, 404]);
    const own = await leader.get(`/api/kpi?${range}&region=${codes.township}`);
    const other = await leader.get(`/api/kpi?${range}&region=${codes.otherTownship}`);
    const county = await leader.get(`/api/kpi?${range}`);
    const count = (r: any) => r.body.figures.find((f: any) => f.id === 'received').denominator;
    expect(count(own) + count(other)).toBeLessThanOrEqual(count(county));
  });

  it(`${engineLabel(engine)} keeps foreign cases out by row-level security alone`, async () => {
    const township = await t.db.tx(systemScope, (trx) =>
      trx.selectFrom('regions').select('path').where('code', '=', codes.township).executeTakeFirstOrThrow(),
    );
    // The whole tree asked for, the township's scope set: only the township's cases come back.
    // A unit that holds no case, so only the region branch of the policy can let a case through.
    const source = await t.db.tx(regionScope(township.path, 2_147_483_647), (trx) => kpiSource(trx, '', end, end));
    const all = await t.db.tx(systemScope, (trx) => kpiSource(trx, '', end, end));
    expect(source.histories.length).toBeGreaterThan(0);
    expect(source.histories.length).toBeLessThan(all.histories.length);
    for (const h of source.histories)
      expect(h.events[0]!.type === 'received' && h.events[0]!.data.regionPath.startsWith(township.path)).toBe(true);
  });

  it(`${engineLabel(engine)} answers malformed queries with 400`, async () => {
    for (const q of ['period=custom&from=2026-03-01', 'period=week&date=2026-02-30', 'period=decade', 'region=abc'])
      expect([q, (await leader.get(`/api/kpi?${q}`)).status]).toEqual([q, 400]);
    expect((await leader.get('/api/kpi/no_such_kpi/cases')).status).toBe(404);
    expect((await leader.get('/api/kpi/received/breakdown?by=street')).status).toBe(400);
    expect((await leader.get('/api/kpi/events?format=xlsx')).status).toBe(400);
  });
});
