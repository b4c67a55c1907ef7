import { expect, it, vi } from 'vitest';
import { browserSuite, liveServerAndBrowser } from './harness.js';
import { checkPage, serverNow, signIn, type Lang } from './ui.js';
import { crimeIndicator, indicator } from '../scheme-fixtures.js';

vi.setConfig({ testTimeout: 240_000, hookTimeout: 180_000 });

/** The demo history the server generates after it starts (in the background): the KPIs' cases. */
const DEMO_CASES = 80;

const WORDS = {
  'zh-CN': { live: '按当前数据计算', stored: '已存储', crime: '万人刑事案件数', warning: '低于预警线' },
  en: {
    live: 'Computed from current figures',
    stored: 'Stored',
    crime: 'Crimes per 10,000 residents',
    warning: 'below the threshold',
  },
} as const;

/**
 * The safety index page (分析研判 → 平安指数): the administrator defines the county's scheme and imports a
 * figure from another system; the leader sees each township's index with every component's raw value,
 * score and weight, opens a township's components, and stores the month's scores, which warns.
 */
browserSuite('the safety index in Chromium [browser]', () => {
  const live = liveServerAndBrowser({ CIVICGRID_DEMO_CASES: String(DEMO_CASES) });

  it('the administrator defines a scheme and imports figures', async () => {
    const s = await signIn(live.browser, live.server.base, 'admin', 'zh-CN');
    const api = s.page.request;
    const me = await (await api.get(`${live.server.base}/api/me`)).json();
    const county = me.unit.regionCode as string;
    const towns = (await (await api.get(`${live.server.base}/api/regions/${county}/children?pageSize=100`)).json())
      .items as { code: string }[];
    // The page opens on the last complete month: figures for it and the month before (the drop's comparison).
    const now = new Date((await serverNow(live.server.base)).getTime() + 8 * 3_600_000);
    const monthStart = (back: number) =>
      new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 1)).toISOString().slice(0, 10);
    const [last, before] = [monthStart(1), monthStart(2)];
    const crime = (i: number, shift: number) => (1 + ((i * 1.7 + shift) % 8)).toFixed(1);
    const lines = [
      'indicator,region,period,date,value',
      ...towns.flatMap((t, i) => [
        `crime_per_10k,${t.code},month,${last},${crime(i, 0)}`,
        `crime_per_10k,${t.code},month,${before},${crime(i, 3)}`,
      ]),
    ];
    const imported = await api.post(`${live.server.base}/api/indicator-values/import`, {
      data: { csv: lines.join('\n'), source: '公安统计' },
    });
    expect((await imported.json()).imported).toBe(towns.length * 2);
    const month = last;
    const scheme = await api.post(`${live.server.base}/api/schemes`, {
      data: {
        year: Number(month.slice(0, 4)),
        name: `${month.slice(0, 4)}年度平安建设考核`,
        definition: {
          components: [
            indicator('satisfaction', { kpi: 'satisfaction' }, 30, { name: '群众满意率', nameEn: 'Satisfaction' }),
            indicator('on_time', { kpi: 'resolve_on_time' }, 30, {
              name: '按期办结率',
              nameEn: 'Resolved on time',
              rule: { kind: 'target', target: 0.95, worst: 0.6 },
            }),
            crimeIndicator(40, { name: WORDS['zh-CN'].crime, nameEn: WORDS.en.crime }),
          ],
          warning: { below: 45, drop: 15 },
        },
      },
    });
    expect(scheme.status()).toBe(201);
    await s.context.close();
  });

  for (const lang of ['zh-CN', 'en'] as const satisfies readonly Lang[]) {
    const W = WORDS[lang];
    it(`${lang}: the leader reads each township's index and its components, and stores the month`, async () => {
      const s = await signIn(live.browser, live.server.base, 'leader', lang);
      const { page } = s;
      // The figures need the demo history, which the server writes after it has started.
      await expect
        .poll(async () => (await (await page.request.get(`${live.server.base}/api/cases?pageSize=1`)).json()).total, {
          timeout: 200_000,
          interval: 2_000,
        })
        .toBeGreaterThanOrEqual(DEMO_CASES);
      await page.goto(`${live.server.base}/analysis/safety-index`);
      const table = page.getByTestId('safety-index-table');
      await table.locator('tbody tr.ant-table-row').first().waitFor();
      await expect.poll(() => table.locator('tbody tr.ant-table-row').count()).toBeGreaterThan(3);
      await page.locator('thead').filter({ hasText: W.crime }).first().waitFor();
      await checkPage(s, `${lang}-safety-index`);
      await table.locator('tbody tr.ant-table-row').first().locator('.ant-table-row-expand-icon').click();
      await page.getByRole('table').filter({ hasText: W.crime }).last().waitFor();
      await checkPage(s, `${lang}-safety-index-components`);
      if (lang === 'zh-CN') {
        await page.getByTestId('scores-state').filter({ hasText: W.live }).waitFor();
        await page.getByTestId('run-scheme').click();
        await page.getByTestId('scores-state').filter({ hasText: W.stored }).waitFor();
        await page.locator('.ant-alert-warning').waitFor();
        await checkPage(s, `${lang}-safety-index-stored`);
      } else await page.getByTestId('scores-state').filter({ hasText: W.stored }).waitFor();
      await s.context.close();
    });
  }
});
