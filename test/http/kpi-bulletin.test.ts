import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCases } from '../../src/app/seed/generate-cases.js';
import { seedOnFirstStart } from '../../src/app/seed/seed-on-first-start.js';
import { manualClock } from '../../src/core/clock.js';
import { createApp } from '../../src/http/app.js';
import { client } from '../http-client.js';
import { createTestDb, engineLabel, engines, type TestDb } from '../test-db.js';
import { indicator } from '../scheme-fixtures.js';
import { testDeps } from '../test-deps.js';

const end = new Date('2026-03-20T09:00:00Z');
const month = '2026-02';

/**
 * The monthly bulletin (月度通报) says what the dashboard's own endpoints say for the month: the same
 * figures, the same rankings, the cards and categories that add up to the month's figures; its workbook
 * holds the same rows; a region outside the caller's jurisdiction is missing.
 */
describe.each(engines)('Monthly bulletin %s', (engine) => {
  let t: TestDb;
  let app: ReturnType<typeof createApp>;
  let leader: ReturnType<typeof client>;
  let bulletin: any;
  const monthQuery = `period=month&date=${month}-01`;

  beforeAll(async () => {
    t = await createTestDb(engine);
    const deps = testDeps(t.db, { clock: manualClock(end) });
    await seedOnFirstStart(deps);
    await generateCases(deps, { count: 40, days: 45, seed: 20260220 });
    app = createApp(deps);
    leader = client(app);
    expect((await leader.login('leader', 'civicgrid-demo')).status).toBe(200);
    const res = await leader.get(`/api/kpi/bulletin?month=${month}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    bulletin = res.body;
  });
  afterAll(() => t.drop());

  it(`${engineLabel(engine)} carries the month's figures and rankings exactly as the KPI endpoints give them`, async () => {
    const figures = (await leader.get(`/api/kpi?${monthQuery}`)).body;
    expect(bulletin.period).toEqual(figures.period);
    const amounts = (f: any) => [f.id, f.numerator, f.denominator, f.periodOnPeriod];
    expect(bulletin.figures.map(amounts)).toEqual(figures.figures.map(amounts));
    expect(bulletin.rankings.map((r: any) => r.id)).toEqual([
      'resolve_on_time',
      'sign_on_time',
      'satisfaction',
      'township_or_below',
    ]);
    for (const r of bulletin.rankings) {
      const b = (await leader.get(`/api/kpi/${r.id}/breakdown?${monthQuery}&by=region`)).body;
      const row = (x: any) => [x.key, x.rank, x.numerator, x.denominator];
      expect(r.rows.map(row)).toEqual(b.rows.map(row));
    }
  });

  it(`${engineLabel(engine)} counts cards and categories that add up to the month's figures`, async () => {
    const figure = (id: string) => bulletin.figures.find((f: any) => f.id === id);
    for (const c of bulletin.cards) {
      const sum = c.rows.reduce((n: number, r: any) => n + r.denominator, 0);
      expect(sum, c.id).toBeLessThanOrEqual(figure(c.id).denominator);
    }
    const received = figure('received').denominator;
    expect(bulletin.categories.length).toBeGreaterThan(0);
    expect(bulletin.categories.length).toBeLessThanOrEqual(10);
    const counts = bulletin.categories.map((c: any) => c.received);
    expect(counts).toEqual([...counts].sort((a: number, b: number) => b - a));
    for (const c of bulletin.categories) {
      expect(c.share).toBeCloseTo(c.received / received, 9);
      expect(c.name.zh).not.toBe(c.code); // named from the category tree
      const cases = await leader.get(`${c.drillDown}&part=denominator`);
      expect([c.code, cases.body.count]).toEqual([c.code, c.received]);
    }
    for (const n of bulletin.notices) {
      const signal = figure(n.figure).signals.find((s: any) => s.id === n.signal);
      expect([n.numerator, n.denominator]).toEqual([signal.numerator, signal.denominator]);
      expect(n.numerator).toBeGreaterThan(0);
    }
  });

  it(`${engineLabel(engine)} lists the safety-index warnings raised for the month`, async () => {
    expect(bulletin.warnings).toEqual([]);
    const admin = client(app);
    expect((await admin.login('admin', 'civicgrid-demo')).status).toBe(200);
    const scheme = await admin.post('/api/schemes', {
      year: 2026,
      name: '受理量指数',
      definition: { components: [indicator('volume', { kpi: 'received' }, 100)], warning: { below: 100, drop: 50 } },
    });
    expect(scheme.status, JSON.stringify(scheme.body)).toBe(201);
    const run = await leader.post(`/api/schemes/${scheme.body.id}/runs`, { period: 'month', date: `${month}-01` });
    expect(run.status, JSON.stringify(run.body)).toBe(201);
    const raised = run.body.warnings.map((w: any) => [w.regionCode, w.reason]).sort();
    expect(raised.length).toBeGreaterThan(0);
    const again = (await leader.get(`/api/kpi/bulletin?month=${month}`)).body;
    expect(again.warnings.map((w: any) => [w.regionCode, w.reason]).sort()).toEqual(raised);
    for (const w of again.warnings) expect([w.scheme, w.index < w.limit]).toEqual(['受理量指数', true]);
    // Another month's bulletin holds none of them.
    expect((await leader.get('/api/kpi/bulletin?month=2026-03')).body.warnings).toEqual([]);
    bulletin = again;
  });

  it(`${engineLabel(engine)} gives the same content as a workbook`, async () => {
    const res = await app.request(`/api/kpi/bulletin/workbook?month=${month}`, { headers: { cookie: leader.cookie } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain(`bulletin-${month}.xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      '指标',
      ...bulletin.rankings.map((r: any) => `排名-${r.name.zh}`),
      '预警',
      '督办',
      '类别',
      '提示',
    ]);
    const rowsBelow = (sheet: ExcelJS.Worksheet, header: number) => {
      const rows: unknown[][] = [];
      sheet.eachRow((row, n) => {
        if (n > header) rows.push((row.values as unknown[]).slice(1));
      });
      return rows;
    };
    const figures = rowsBelow(wb.getWorksheet('指标')!, 5);
    expect(figures.map((r) => [r[1], r[2], r[3]])).toEqual(
      bulletin.figures.map((f: any) => [f.id, f.numerator, f.denominator]),
    );
    const categories = rowsBelow(wb.getWorksheet('类别')!, 5);
    expect(categories.map((r) => [r[1], r[2]])).toEqual(bulletin.categories.map((c: any) => [c.code, c.received]));
    expect(String(wb.getWorksheet('指标')!.getCell(1, 1).value)).toContain(`${month} 月度通报`);
    const warnings = rowsBelow(wb.getWorksheet('预警')!, 5);
    expect(warnings.map((r) => r[1])).toEqual(bulletin.warnings.map((w: any) => w.regionCode));
  });

  it(`${engineLabel(engine)} refuses a region outside the jurisdiction as missing, and a malformed month`, async () => {
    const worker = client(app);
    expect((await worker.login('gridworker', 'civicgrid-demo')).status).toBe(200);
    expect((await worker.get(`/api/kpi/bulletin?month=${month}&region=${bulletin.region.code}`)).status).toBe(404);
    expect((await worker.get(`/api/kpi/bulletin?month=${month}`)).status).toBe(200);
    for (const m of ['2026-13', '2026-2', '26-02', '1999-12', ''])
      expect([m, (await leader.get(`/api/kpi/bulletin?month=${m}`)).status]).toEqual([m, 400]);
    expect((await leader.get('/api/kpi/bulletin')).status).toBe(400);
  });
});
