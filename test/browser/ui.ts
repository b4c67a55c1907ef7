import { expect } from 'vitest';
import { generateSync } from 'otplib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { advanceClock, screenshot, seriousViolations, watchConsole } from './harness.js';

export type Lang = 'zh-CN' | 'en';
export const DESKTOP = { width: 1366, height: 860 };
export const PHONE = { width: 360, height: 740 };

/** The texts the scenario looks for, in each language (from web/src/i18n). */
export const TEXT = {
  'zh-CN': {
    dispute: '矛盾纠纷',
    neighbour: '邻里纠纷',
    noise: '噪音扰民',
    letter: '来信',
    township: '乡镇（街道）',
    committee: '雨花社区居委会人民调解委员会',
    justice: '雨花街道司法所',
    onSite: '现场办理',
    mediated: '调解成功',
    written: '书面协议',
    signed: '已签收',
    inProgress: '办理中',
    resolved: '已办结',
    working: '工作日',
    rest: '休息日',
    willGo: '将派往',
  },
  en: {
    dispute: 'Dispute',
    neighbour: 'Neighbour disputes',
    noise: 'Noise',
    letter: 'Letter',
    township: 'Township',
    committee: '雨花社区居委会人民调解委员会',
    justice: '雨花街道司法所',
    onSite: 'On site',
    mediated: 'Mediated',
    written: 'Written agreement',
    signed: 'Signed for',
    inProgress: 'In progress',
    resolved: 'Resolved',
    working: 'Working day',
    rest: 'Rest day',
    willGo: 'Will go to',
  },
} as const;

export type Session = { context: BrowserContext; page: Page; errors: string[] };

/**
 * Collects Content-Security-Policy violations in the page (issue 11, point 13), for checkPage to
 * assert none: a blocked script, style or image would otherwise show only as a console line.
 */
export const CSP_RECORDER = `window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (e) =>
  window.__cspViolations.push(e.violatedDirective + ' ' + (e.blockedURI || 'inline') + ' ' + (e.sourceFile || '')));`;

/** The violations CSP_RECORDER saw on this page so far. */
export const cspViolations = (page: Page): Promise<string[]> =>
  page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? ['recorder missing']);

/** A fresh desktop browser context in `lang` (Shanghai time), watching the console and CSP violations. */
export async function newSession(browser: Browser, lang: Lang): Promise<Session> {
  const context = await browser.newContext({
    viewport: DESKTOP,
    locale: lang === 'en' ? 'en-GB' : 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  await context.addInitScript(CSP_RECORDER);
  const page = await context.newPage();
  // Generous: CI runs this beside the database suites on two cores, and a cold page load can take a while.
  page.setDefaultTimeout(45_000);
  return { context, page, errors: watchConsole(page) };
}

/** Where sign-in lands: the dashboard for leaders and dispatchers, the workbench for everyone else. */
export const FIRST_PAGE = /\/(workbench|dashboard)/;

/** A fresh browser context signed in as `username`, with the UI in `lang`; it waits on the user's first page. */
export async function signIn(browser: Browser, base: string, username: string, lang: Lang): Promise<Session> {
  const { context, page, errors } = await newSession(browser, lang);
  await page.goto(`${base}/login?lang=${lang}`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill('civicgrid-demo');
  await page.getByTestId('login-submit').click();
  await secondStep(page, base, username);
  await page.waitForURL(FIRST_PAGE);
  await page.locator('main h1').waitFor();
  return { context, page, errors };
}

/** What the demo accounts enrolled on each server: the secret, unused recovery codes, the last time step used. */
const enrolled = new Map<string, { secret: string; recovery: string[]; lastStep: number }>();

/** The server's time (the browser tests give it a manual clock), for computing the code its clock expects. */
export async function serverNow(base: string): Promise<Date> {
  return new Date(((await advanceClock(base, 0, false)) as { now: string }).now);
}

/** A code as the authenticator app would show it at that time. */
export const totpAt = (secret: string, at: Date) => generateSync({ secret, epoch: Math.floor(at.getTime() / 1000) });

/** The secret as the enrolment page shows it (in groups of four). */
export async function shownSecret(page: Page): Promise<string> {
  return ((await page.getByTestId('totp-secret').textContent()) ?? '').replace(/\s/g, '');
}

/**
 * After the password: nothing for an account without a second factor; the enrolment for one that
 * must have it (a code computed from the shown secret, the recovery codes kept); or the code step
 * (this time step's code, or a recovery code when that code was spent already).
 */
async function secondStep(page: Page, base: string, username: string): Promise<void> {
  await page.waitForFunction(
    () =>
      /^\/(workbench|dashboard)/.test(location.pathname) ||
      document.querySelector('[data-testid="totp-secret"], [data-testid="login-code"]'),
  );
  if (FIRST_PAGE.test(new URL(page.url()).pathname)) return;
  const now = await serverNow(base);
  const step = Math.floor(now.getTime() / 30_000);
  const key = `${base} ${username}`;
  if (await page.getByTestId('totp-secret').isVisible()) {
    const secret = await shownSecret(page);
    await page.getByTestId('enrol-code').fill(totpAt(secret, now));
    await page.getByTestId('enrol-submit').click();
    await page.getByTestId('recovery-codes').waitFor();
    const recovery = (await page.getByTestId('recovery-codes').locator('li').allTextContents()).map((c) => c.trim());
    enrolled.set(key, { secret, recovery, lastStep: step });
    await page.getByTestId('recovery-continue').click();
    return;
  }
  const mine = enrolled.get(key);
  if (!mine) throw new Error(`${username} has a second factor this test run did not enrol`);
  const code = step > mine.lastStep ? totpAt(mine.secret, now) : mine.recovery.shift();
  if (!code) throw new Error(`${username}: no unused code left at this time step`);
  mine.lastStep = Math.max(step, mine.lastStep);
  await page.getByTestId('login-code').fill(code);
  await page.getByTestId('login-code-submit').click();
}

/** Waits until every finite CSS animation or transition (a dialog zooming in, a drawer sliding, help text fading) has ended. */
export async function animationsDone(page: Page): Promise<void> {
  await page
    .waitForFunction(
      () =>
        document
          .getAnimations()
          .every((a) => a.effect?.getTiming().iterations === Infinity || a.playState !== 'running'),
      undefined,
      { timeout: 8_000 },
    )
    .catch(() => undefined);
}

/** axe (0 serious or critical) and a full-page screenshot of the page as it is now. */
export async function checkPage(session: Session, name: string): Promise<void> {
  const { page } = session;
  await page.waitForLoadState('networkidle');
  await page
    .locator('.ant-spin-spinning')
    .first()
    .waitFor({ state: 'detached', timeout: 10_000 })
    .catch(() => undefined);
  // Let toasts, closing modals and loading buttons finish: axe would judge their half-faded colours.
  await page
    .waitForFunction(
      () =>
        !document.querySelector(
          '.ant-message-notice, .ant-btn-loading, .ant-zoom-leave, .ant-fade-leave, .ant-zoom-appear',
        ),
      undefined,
      { timeout: 8_000 },
    )
    .catch(() => undefined);
  await animationsDone(page);
  expect(await seriousViolations(page), `axe on ${name}`).toEqual([]);
  expect(await cspViolations(page), `CSP violations on ${name}`).toEqual([]);
  await screenshot(page, name);
  expect(session.errors, `console errors on ${name}`).toEqual([]);
}

/** Opens an antd Select (by test id or locator) and clicks the option whose label is `text`. */
export async function pickOption(page: Page, testId: string, text: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)')
    .locator(`.ant-select-item-option[title="${text}"]`)
    .click();
  await page
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)')
    .waitFor({ state: 'detached' })
    .catch(() => undefined);
}

/** A TreeSelect: type to filter, then click the node titled `text`. */
export async function pickTree(page: Page, testId: string, search: string, text: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page.keyboard.type(search);
  await page
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-tree-title')
    .getByText(text, { exact: true })
    .click();
}

/** The region picker next to the field with `testId`: search by name and take the first result. */
export async function pickRegion(page: Page, testId: string, name: string, _lang: Lang): Promise<void> {
  // antd puts a space between two Chinese characters on a button (选 择), so match the compact group's own button.
  await page
    .locator('.ant-space-compact', { has: page.getByTestId(testId) })
    .locator('> button')
    .click();
  const drawer = page.locator('.ant-drawer-open');
  await drawer.getByTestId('region-search-input').fill(name);
  await drawer.getByTestId('region-search-input').press('Enter');
  await drawer.getByTestId('region-search-results').getByRole('button').filter({ hasText: name }).first().click();
  await drawer.waitFor({ state: 'detached' }).catch(() => undefined);
  await expect.poll(() => page.getByTestId(testId).inputValue()).toContain(name);
}

/** Runs a case action from the case page: its button, the form filled by `fill`, confirm; waits for the new status. */
export async function act(
  page: Page,
  action: string,
  status: string,
  fill?: (modal: ReturnType<Page['locator']>) => Promise<void>,
): Promise<void> {
  // The previous action's dialog must have finished closing: reopened mid-animation, antd remounts
  // its content after the fill and the choices made in it are lost (a test moves faster than a hand).
  await expect.poll(() => page.locator('.ant-modal-content:visible').count()).toBe(0);
  await page.getByTestId(`action-${action}`).click();
  const modal = page.locator('.ant-modal-content').last();
  await modal.waitFor();
  // A click while the dialog still zooms in can land on the option beside the one meant (seen on a loaded CI machine).
  await animationsDone(page);
  if (fill) await fill(modal);
  await page.getByTestId('action-submit').click();
  await expect.poll(() => page.getByTestId('case-status').first().textContent()).toBe(status);
}
