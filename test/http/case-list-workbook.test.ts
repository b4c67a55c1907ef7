import ExcelJS from 'exceljs';
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

/**
 * The case list as a workbook (issue 12, point 7): exactly the cases the list shows for the same
 * filters, in its order, with the filters and the count written above a frozen header row; only ever
 * cases of the caller's jurisdiction.
 */
describe.each(engines)('the case list in Excel %s', (engine) => {
  let t: TestDb;
  let app: ReturnType<typeof createApp>;
  const users: Record<'leader' | 'gridworker', ReturnType<typeof client>> = {} as never;
  let otherTownship: string;

  beforeAll(async () => {
    t = await createTestDb(engine);
    const deps = testDeps(t.db, { clock: manualClock(end) });
    await seedOnFirstStart(deps);
    await generateCases(deps, { count: 30, days: 30, seed: 20260321 });
    app = createApp(deps);
    for (const name of ['leader', 'gridworker'] as const) {
      users[name] = client(app);
      expect((await users[name].login(name, 'civicgrid-demo')).status).toBe(200);
    }
    const grid = await t.db.tx(systemScope, (trx) =>
      trx.selectFrom('users').select('scope_path').where('username', '=', 'gridworker').executeTakeFirstOrThrow(),
    );
    const [, , county, township] = grid.scope_path.split('/');
    otherTownship = (
      await t.db.tx(systemScope, (trx) =>
        trx
          .selectFrom('regions')
          .select('code')
          .where('parent_code', '=', county!)
          .where('code', '!=', township!)
          .orderBy('code')
          .executeTakeFirstOrThrow(),
      )
    ).code;
  });
  afterAll(() => t.drop());

  /** The workbook's sheet: the lines above the table, the header and the tracking codes below it. */
  async function sheetOf(who: keyof typeof users, query: string) {
    const res = await app.request(`/api/cases/workbook?${query}`, { headers: { cookie: users[who].cookie } });
    expect(res.status, await res.clone().text()).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    const sheet = wb.getWorksheet('事项列表')!;
    const codes: string[] = [];
    sheet.eachRow((row, n) => {
      if (n > 5) codes.push(String(row.getCell(1).value));
    });
    return {
      lines: [1, 2, 3].map((n) => String(sheet.getCell(n, 1).value)),
      header: (sheet.getRow(5).values as unknown[]).slice(1, 4),
      frozen: sheet.views[0],
      codes,
    };
  }

  /** Every tracking code the list answers for the filters, page after page. */
  async function listed(who: keyof typeof users, query: string): Promise<string[]> {
    const codes: string[] = [];
    for (let page = 1; ; page++) {
      const res = await users[who].get(`/api/cases?${query}&page=${page}&pageSize=7`);
      expect(res.status).toBe(200);
      codes.push(...res.body.items.map((c: { trackingCode: string }) => c.trackingCode));
      if (codes.length >= res.body.total) return codes;
    }
  }

  it(`${engineLabel(engine)} holds exactly the list's cases for the same filters, with the filters on the sheet`, async () => {
    for (const query of ['kind=dispute', 'status=closed&sort=received_asc', 'q=%E7%BA%A0%E7%BA%B7', '']) {
      const sheet = await sheetOf('leader', query);
      expect(sheet.codes, query).toEqual(await listed('leader', query));
      expect(sheet.lines[0]).toBe(`事项列表（${sheet.codes.length} 件）`);
      expect(sheet.header).toEqual(['事项编号', '标题', '类型']);
      expect(sheet.frozen).toMatchObject({ state: 'frozen', ySplit: 5 });
    }
    expect((await sheetOf('leader', 'kind=dispute')).lines[1]).toBe('筛选 类型 矛盾纠纷');
    expect((await sheetOf('leader', 'status=closed')).lines[1]).toBe('筛选 状态 归档');
    expect((await sheetOf('leader', '')).lines[1]).toBe('筛选 无（本辖区全部事项）');
  });

  it(`${engineLabel(engine)} holds only the caller's jurisdiction, and a region outside it answers 404`, async () => {
    const mine = await sheetOf('gridworker', '');
    const all = await sheetOf('leader', '');
    expect(mine.codes).toEqual(await listed('gridworker', ''));
    expect(mine.codes.length).toBeLessThan(all.codes.length);
    const outside = await app.request(`/api/cases/workbook?region=${otherTownship}`, {
      headers: { cookie: users.gridworker.cookie },
    });
    expect(outside.status).toBe(404);
    const bad = await app.request('/api/cases/workbook?status=nope', { headers: { cookie: users.leader.cookie } });
    expect(bad.status).toBe(400);
  });
});
