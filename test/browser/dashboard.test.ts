import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { expect, it, vi } from 'vitest';
import type { KpiBreakdown, KpiDrillDown } from '../../web/src/api/contract-types.js';
import { BAR_GRID } from '../../web/src/features/dashboard/components/chart-layout.js';
import { browserSuite, liveServerAndBrowser } from './harness.js';
import { checkPage, type Lang, pickOption, signIn } from './ui.js';

vi.setConfig({ testTimeout: 240_000, hookTimeout: 240_000 });

/**
 * Issue 12's dashboard acceptance: the leader lands on the dashboard, changes the period, clicks a
 * township's bar and lands on a case list of exactly that figure's cases (the count the bar shows, the
 * drill-down's items in its order), exports it to Excel and reads the workbook back with exceljs: the
 * same rows. axe, the console and CSP are checked on every page, with screenshots at 1440 and 390 px.
 */

const WORDS = {
  'zh-CN': { year: '年', table: '数据表', received: '受理量' },
  en: { year: 'Year', table: 'Table', received: 'Received' },
} as const;

const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };

/** Waits until the server has generated its demo history (the log line seedDemoCases writes at the end). */
async function demoCasesReady(output: () => string): Promise<void> {
  for (let i = 0; i < 480 && !output().includes('demo cases ready'); i++) await new Promise((r) => setTimeout(r, 500));
  expect(output()).toContain('demo cases ready');
}

/** The screen point of row `index`'s bar in the chart by region (chart-layout.ts fixes the bands). */
async function barPoint(page: Page, index: number, rows: number): Promise<{ x: number; y: number }> {
  const box = await page.getByTestId('chart-region-chart').boundingBox();
  if (!box) throw new Error('the chart by region is not on the page');
  const band = (box.height - BAR_GRID.top - BAR_GRID.bottom) / rows;
  return { x: box.x + BAR_GRID.left + 6, y: box.y + BAR_GRID.top + band * (index + 0.5) };
}

/** The tracking codes of a workbook's sheet (a drill-down's 案件, the case list's 事项列表), below its header row. */
async function workbookCodes(file: string, name = '案件'): Promise<{ codes: string[]; filter: string }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const sheet = wb.getWorksheet(name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  let header = 0;
  sheet.eachRow((row, n) => {
    if (!header && row.getCell(1).value === '事项编号') header = n;
  });
  expect(header).toBeGreaterThan(0);
  const codes: string[] = [];
  for (let n = header + 1; n <= sheet.rowCount; n++) {
    const code = sheet.getRow(n).getCell(1).value;
    if (code) codes.push(String(code));
  }
  return { codes, filter: String(sheet.getCell(2, 1).value) };
}

browserSuite('the leader’s dashboard in Chromium [browser]', () => {
  const live = liveServerAndBrowser({ CIVICGRID_DEMO_CASES: '120', LOG_LEVEL: 'info' });

  for (const lang of ['zh-CN', 'en'] as const satisfies readonly Lang[]) {
    const W = WORDS[lang];
    const shot = (name: string) => `${lang}-${name}`;

    it(`${lang}: period, a township's bar, exactly its cases, and the same rows in Excel`, async () => {
      await demoCasesReady(live.server.output);
      const session = await signIn(live.browser, live.server.base, 'leader', lang);
      const { page } = session;
      await page.setViewportSize(DESKTOP);
      expect(new URL(page.url()).pathname).toBe('/dashboard');
      await page.getByTestId('tile-received').waitFor();
      await page.getByTestId('chart-region-chart').waitFor();
      await checkPage(session, shot('dashboard'));

      // The year holds the whole demo history (60 days); the figures and the chart follow the period.
      const yearBreakdown = page.waitForResponse(
        (r) => r.url().includes('/api/kpi/received/breakdown') && r.url().includes('period=year'),
      );
      await pickOption(page, 'dashboard-period', W.year);
      const breakdown = (await (await yearBreakdown).json()) as KpiBreakdown;
      await page.waitForURL(/period=year/);
      expect(breakdown.by).toBe('region');
      const rows = breakdown.rows;
      expect(rows.length).toBeGreaterThan(2);
      expect(rows.reduce((sum, r) => sum + (r.value ?? 0), 0)).toBeGreaterThan(0);
      await page.getByTestId('chart-region-chart').waitFor();
      await checkPage(session, shot('dashboard-year'));

      // The data-table view of the chart holds the same rows, for a screen reader.
      await page.getByTestId('chart-region-view').getByText(W.table, { exact: true }).click();
      const table = page.getByTestId('chart-region-table');
      await expect.poll(() => table.locator('tbody tr.ant-table-row').count()).toBe(rows.length);
      await checkPage(session, shot('dashboard-region-table'));
      await page.getByTestId('chart-region-view').locator('.ant-segmented-item').first().click();
      await page.getByTestId('chart-region-chart').waitFor();

      // Click the township with the most cases: its bar is the longest, so the point is surely on it.
      const index = rows.reduce((best, r, i) => ((r.value ?? 0) > (rows[best]?.value ?? 0) ? i : best), 0);
      const township = rows[index]!;
      const drill = page.waitForResponse((r) => r.url().includes('/api/kpi/received/cases?'));
      const point = await barPoint(page, index, rows.length);
      await page.mouse.click(point.x, point.y);
      await page.waitForURL(/\/cases\?/);
      const listed = (await (await drill).json()) as KpiDrillDown;
      const url = new URL(page.url());
      expect(url.searchParams.get('kpi')).toBe('received');
      expect(url.searchParams.get('region')).toBe(township.key);
      expect(url.searchParams.get('period')).toBe('year');

      // Exactly the figure's cases: as many as the bar showed, and the server's drill-down for that township.
      expect(listed.count).toBe(township.value);
      const direct = (await (
        await page.request.get(`${live.server.base}${township.drillDown}&part=denominator`)
      ).json()) as KpiDrillDown;
      expect(listed.cases.map((c) => c.trackingCode)).toEqual(direct.cases.map((c) => c.trackingCode));
      const banner = page.getByTestId('kpi-banner');
      await expect.poll(() => banner.textContent()).toContain(township.name ?? township.key);
      expect(await banner.textContent()).toContain(W.received);
      expect(await page.getByTestId('kpi-count').textContent()).toContain(String(township.value));
      const shown = await page
        .getByTestId('cases-table')
        .locator('tbody tr.ant-table-row td:first-child a')
        .allTextContents();
      expect(shown.length).toBeGreaterThan(0);
      expect(shown).toEqual(listed.cases.slice(0, shown.length).map((c) => c.trackingCode));
      await checkPage(session, shot('dashboard-cases'));

      // The export holds the same rows, in the same order, with the township written on the sheet.
      const download = page.waitForEvent('download');
      await page.getByTestId('kpi-export').click();
      const file = await (await download).path();
      const workbook = await workbookCodes(file);
      expect(workbook.codes).toEqual(listed.cases.map((c) => c.trackingCode));
      expect(workbook.filter).toContain(township.key);

      // The whole case list exports too (point 7): the same cases in the same order as the list shows them.
      const listResponse = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/cases');
      await page.getByTestId('kpi-cases-all').click();
      await page.waitForURL(/\/cases$/);
      await page.getByTestId('kpi-banner').waitFor({ state: 'detached' });
      const listPage = ((await (await listResponse).json()) as { items: { trackingCode: string }[] }).items.map(
        (c) => c.trackingCode,
      );
      const firstPage = page.getByTestId('cases-table').locator('tbody tr.ant-table-row td:first-child a');
      await expect.poll(() => firstPage.allTextContents()).toEqual(listPage);
      const listDownload = page.waitForEvent('download');
      await page.getByTestId('cases-export').click();
      const whole = await workbookCodes(await (await listDownload).path(), '事项列表');
      expect(whole.codes.slice(0, listPage.length)).toEqual(listPage);
      expect(whole.codes.length).toBeGreaterThanOrEqual(120);

      // On a phone: the same dashboard, one column.
      await page.setViewportSize(PHONE);
      await page.goto(`${live.server.base}/dashboard?period=year`);
      await page.getByTestId('chart-region-chart').waitFor();
      await checkPage(session, shot('dashboard-phone'));
      await page.goto(`${live.server.base}${url.pathname}${url.search}`);
      await page.getByTestId('kpi-banner').waitFor();
      await checkPage(session, shot('dashboard-cases-phone'));
      await session.context.close();
    });
  }
});
