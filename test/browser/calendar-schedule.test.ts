import { expect, it, vi } from 'vitest';
import { browserSuite, liveServerAndBrowser } from './harness.js';
import { checkPage, signIn, type Lang } from './ui.js';

vi.setConfig({ testTimeout: 180_000, hookTimeout: 180_000 });

/**
 * Issue 11, point 15 in Chromium, in zh-CN and English: on 31 December 2026 (2027's schedule not
 * entered) a dispute filed at the window is due for sign-for on Monday 4 January 2027 — New Year's Day
 * rests — and that deadline shows 暂定 / Provisional with its reason on the mediator's tasks and on the
 * case page; the administrator sees the missing-year banner on the workbench and the calendar page.
 */
const WORDS = {
  'zh-CN': { provisional: '暂定', hint: '尚未录入国务院节假日安排', banner: '2027 年的节假日安排尚未录入' },
  en: {
    provisional: 'Provisional',
    hint: 'has not been entered',
    banner: 'The holiday schedule for 2027 has not been entered',
  },
} as const;

browserSuite('a year without a holiday schedule in Chromium [browser]', () => {
  const live = liveServerAndBrowser();

  for (const lang of ['zh-CN', 'en'] as const satisfies readonly Lang[]) {
    const W = WORDS[lang];
    const shot = (name: string) => `${lang}-${name}`;

    it(`${lang}: a deadline counted into 2027 is provisional, and the administrator is warned`, async () => {
      // 10:00 CST on Thursday 31 December 2026, before anyone signs in (a later jump would end the sessions).
      const set = await fetch(`${live.server.base}/api/test/clock`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ at: '2026-12-31T02:00:00Z' }),
      });
      expect(set.status).toBe(200);

      const mediator = await signIn(live.browser, live.server.base, 'mediator', lang);
      const me = await (await mediator.page.request.get(`${live.server.base}/api/me`)).json();
      const clerk = await signIn(live.browser, live.server.base, 'clerk', lang);
      const filed = await clerk.page.request.post(`${live.server.base}/api/cases`, {
        headers: { 'idempotency-key': `calendar-provisional-${lang}` },
        data: {
          kind: 'dispute',
          channel: 'walk_in',
          title: lang === 'en' ? 'Hedge over the shared path' : '邻居树篱占用公共通道',
          description: lang === 'en' ? 'The hedge blocks the path to the bins.' : '树篱挡住了去垃圾桶的通道。',
          categoryCode: 'neighbour_noise',
          complexity: 'general',
          regionCode: me.unit.regionCode,
          parties: [{ role: 'applicant', name: '王五', phone: '13912345678' }],
        },
      });
      expect(filed.status(), await filed.text()).toBe(201);
      const c = await filed.json();
      expect(c.leadUnit.id).toBe(me.unit.id);
      await clerk.context.close();

      const { page } = mediator;
      await page.goto(`${live.server.base}/workbench`);
      const tag = page.getByTestId(`provisional-${c.trackingCode}`);
      await expect.poll(() => tag.textContent()).toContain(W.provisional);
      await tag.hover();
      await expect.poll(() => page.locator('.ant-tooltip').last().textContent()).toContain(W.hint);
      await checkPage(mediator, shot('workbench-provisional'));

      await page.goto(`${live.server.base}/cases/${c.id}`);
      const stageTag = page.getByTestId('provisional-sign_for');
      await expect.poll(() => stageTag.textContent()).toContain(W.provisional);
      await expect.poll(() => page.getByTestId('assignment-deadlines').first().textContent()).toContain('2027');
      await checkPage(mediator, shot('case-provisional'));
      await mediator.context.close();

      const admin = await signIn(live.browser, live.server.base, 'admin', lang);
      await expect.poll(() => admin.page.getByTestId('calendar-missing-schedule').textContent()).toContain(W.banner);
      await checkPage(admin, shot('workbench-missing-schedule'));
      await admin.page.goto(`${live.server.base}/admin/calendar?month=2027-01`);
      await expect.poll(() => admin.page.getByTestId('calendar-missing-schedule').textContent()).toContain(W.banner);
      await expect
        .poll(() => admin.page.getByTestId('day-2027-01-01').textContent())
        .not.toContain(lang === 'en' ? 'Working day' : '工作日');
      await checkPage(admin, shot('calendar-missing-schedule'));
      await admin.context.close();
    });
  }
});
