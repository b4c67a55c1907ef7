import { expect, it, vi } from 'vitest';
import type { Page } from 'playwright-core';
import { browserSuite, liveServerAndBrowser } from './harness.js';
import { checkPage, newSession, signIn, type Lang, type Session } from './ui.js';

vi.setConfig({ testTimeout: 180_000, hookTimeout: 180_000 });

/**
 * The pages the case scenario (case-flow) and the partner-key test do not pass through — sign-in,
 * the region browser, units, users, categories, the audit log with its chain check, a grid worker's
 * workbench and case list, the not-found page — each opened by the role that uses it, in zh-CN and
 * English: axe (0 serious/critical), a screenshot under test-results/, no console errors, and one
 * thing on the page that shows it works (a tree node opens, a drawer's form, the chain verifies).
 */

const WORDS = {
  'zh-CN': { chainIntact: '哈希链完整', county: '雨花台区', township: '雨花街道', committee: '调解委员会' },
  en: { chainIntact: 'The chain is intact', county: '雨花台区', township: '雨花街道', committee: '调解委员会' },
} as const;

/** Opens a page from the address bar and waits for its heading. */
async function open(page: Page, base: string, path: string): Promise<void> {
  await page.goto(`${base}${path}`);
  await page.locator('main h1').waitFor();
}

browserSuite('every staff page in Chromium [browser]', () => {
  const live = liveServerAndBrowser();

  for (const lang of ['zh-CN', 'en'] as const satisfies readonly Lang[]) {
    const W = WORDS[lang];
    const shot = (name: string) => `${lang}-${name}`;

    it(`${lang}: the sign-in page and an unknown address`, async () => {
      const s: Session = await newSession(live.browser, lang);
      const { context, page } = s;
      await page.goto(`${live.server.base}/login?lang=${lang}`);
      await page.getByTestId('login-submit').waitFor();
      await checkPage(s, shot('login'));
      // A wrong password is refused with a readable message, not a blank form.
      await page.getByTestId('login-username').fill('admin');
      await page.getByTestId('login-password').fill('not-the-password');
      await page.getByTestId('login-submit').click();
      await page.locator('.ant-alert-error').waitFor();
      await checkPage(s, shot('login-refused'));
      await context.close();
    });

    it(`${lang}: the administrator's region browser and categories`, async () => {
      const s = await signIn(live.browser, live.server.base, 'admin', lang);
      const { page } = s;
      await open(page, live.server.base, '/admin/regions');
      const tree = page.getByTestId('region-tree');
      await tree.getByText(W.county, { exact: false }).first().waitFor();
      // Open the county: its townships load on demand (a province has 570 k nodes).
      await tree.locator('.ant-tree-switcher').first().click();
      await tree.getByText(W.township, { exact: false }).first().waitFor();
      await tree.getByText(W.township, { exact: false }).first().click();
      await page.getByTestId('region-detail').waitFor();
      await checkPage(s, shot('regions'));

      // The county's administrator reads the category tree; the root administrator writes it (issue 11, point 4).
      await open(page, live.server.base, '/admin/categories');
      await page.getByTestId('categories-table').locator('tbody tr.ant-table-row').first().waitFor();
      await page.getByTestId('categories-top-only').waitFor();
      expect(await page.getByTestId('category-create').count()).toBe(0);
      await checkPage(s, shot('categories-county'));
      await s.context.close();
      const root = await signIn(live.browser, live.server.base, 'rootadmin', lang);
      await open(root.page, live.server.base, '/admin/categories');
      await root.page.getByTestId('categories-table').locator('tbody tr.ant-table-row').first().waitFor();
      await checkPage(root, shot('categories'));
      await root.page.getByTestId('category-create').click();
      await root.page.getByTestId('category-code').waitFor();
      await checkPage(root, shot('categories-create'));
      await root.context.close();
    });

    it(`${lang}: units and users, as the security officer`, async () => {
      const s = await signIn(live.browser, live.server.base, 'security', lang);
      const { page } = s;
      await open(page, live.server.base, '/admin/units');
      await page.getByTestId('units-table').getByText(W.committee, { exact: false }).first().waitFor();
      await checkPage(s, shot('units'));

      await open(page, live.server.base, '/admin/users');
      await page.getByTestId('user-edit-mediator').waitFor();
      // 三员分立: the three administrators' accounts offer no actions here, only where they are changed.
      await page.getByTestId('user-server-only-auditor').waitFor();
      await checkPage(s, shot('users'));
      await page.getByTestId('user-create').click();
      await page.getByTestId('user-username').waitFor();
      await checkPage(s, shot('users-create'));
      await s.context.close();
    });

    it(`${lang}: the audit log and its chain verification, as the auditor`, async () => {
      const s = await signIn(live.browser, live.server.base, 'auditor', lang);
      const { page } = s;
      // Their workbench asks for nothing they may not read (no inbox: a 403 would show in the console).
      await page.getByTestId('workbench-auditor').waitFor();
      await checkPage(s, shot('workbench-auditor'));
      await open(page, live.server.base, '/audit');
      await page.getByTestId('audit-table').locator('tbody tr.ant-table-row').first().waitFor();
      await page.getByTestId('audit-verify').click();
      await expect
        .poll(() => page.getByTestId('audit-verify-result').textContent(), { timeout: 60_000 })
        .toContain(W.chainIntact);
      await checkPage(s, shot('audit'));
      // The auditor reads the audit log and nothing else: the case list is not theirs.
      await page.goto(`${live.server.base}/cases`);
      await page.locator('.ant-result').waitFor();
      expect(await page.getByTestId('cases-table').count()).toBe(0);
      await checkPage(s, shot('forbidden'));
      await s.context.close();
    });

    it(`${lang}: a grid worker's workbench and case list, and an unknown address`, async () => {
      const s = await signIn(live.browser, live.server.base, 'gridworker', lang);
      const { page } = s;
      await checkPage(s, shot('workbench-gridworker'));
      await open(page, live.server.base, '/cases');
      await page.getByTestId('cases-table').waitFor();
      await checkPage(s, shot('cases-gridworker'));
      await page.goto(`${live.server.base}/no-such-page`);
      await page.locator('.ant-result').waitFor();
      await checkPage(s, shot('not-found'));
      await s.context.close();
    });
  }
});
