import { expect, it, vi } from 'vitest';
import { browserSuite, liveServerAndBrowser } from './harness.js';
import { checkPage, type Lang, signIn } from './ui.js';

vi.setConfig({ testTimeout: 240_000, hookTimeout: 240_000 });

const WORDS = {
  'zh-CN': { heading: '社会治理工作月度通报', figures: '一、主要指标', received: '受理量' },
  en: { heading: 'social governance bulletin', figures: '1. Main figures', received: 'Received' },
} as const;

/**
 * The monthly bulletin page: the leader opens the analysis menu's 月度通报 for the current month, reads
 * every section, follows a figure to exactly its cases, and the export link points at the same month's
 * workbook. axe, console and CSP are checked, with screenshots in both languages.
 */
browserSuite('the monthly bulletin in Chromium [browser]', () => {
  const live = liveServerAndBrowser({ CIVICGRID_DEMO_CASES: '60', LOG_LEVEL: 'info' });

  for (const lang of ['zh-CN', 'en'] as const satisfies readonly Lang[]) {
    const W = WORDS[lang];
    it(`${lang}: the month's bulletin, a figure's cases, the workbook link`, async () => {
      for (let i = 0; i < 480 && !live.server.output().includes('demo cases ready'); i++)
        await new Promise((r) => setTimeout(r, 500));
      const session = await signIn(live.browser, live.server.base, 'leader', lang);
      const { page } = session;
      await page.setViewportSize({ width: 1440, height: 900 });
      const month = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7);
      const loaded = page.waitForResponse((r) => r.url().includes('/api/kpi/bulletin?'));
      await page.goto(`${live.server.base}/analysis/bulletin?month=${month}`);
      const bulletin = await (await loaded).json();
      await page.getByText(W.heading).waitFor();
      await page.getByRole('heading', { name: W.figures }).waitFor();
      await checkPage(session, `${lang}-bulletin`);
      const href = await page.locator('a[href^="/api/kpi/bulletin/workbook"]').getAttribute('href');
      expect(href).toContain(`month=${month}`);

      const received = bulletin.figures.find((f: { id: string }) => f.id === 'received');
      expect(received.denominator).toBeGreaterThan(0);
      const row = page.locator('tr', { hasText: W.received }).first();
      await row.getByRole('link').first().click();
      await page.waitForURL(/\/cases\?/);
      expect(new URL(page.url()).searchParams.get('kpi')).toBe('received');
      await page.getByText(String(received.denominator)).first().waitFor();
      await session.context.close();
    });
  }
});
