import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe } from 'vitest';

/** The real server on a fresh PGlite folder with the test clock, and Debian's Chromium driving the built web app. */
export const repo = path.resolve(import.meta.dirname, '..', '..');
export const CHROMIUM = '/usr/bin/chromium';
export const SHOTS = path.join(repo, 'test-results', 'screenshots');
export const chromiumMissing = !existsSync(CHROMIUM);

/**
 * `describe` for a browser suite, or `describe.skip` with the reason said plainly when Chromium is
 * missing on a user's machine. CI (CIVICGRID_REQUIRE_ALL_ENGINES) never skips: there a missing
 * Chromium fails the suite in `liveServerAndBrowser`.
 */
const requireAll = Boolean(process.env.CIVICGRID_REQUIRE_ALL_ENGINES);
if (chromiumMissing && !requireAll)
  console.warn('SKIPPED browser tests: /usr/bin/chromium is missing (apt-get install -y chromium)');
export const browserSuite = chromiumMissing && !requireAll ? describe.skip : describe;

/** A real server (with `extraEnv`) and Chromium, started before the suite's tests and stopped after; read them inside tests. */
export function liveServerAndBrowser(extraEnv: Record<string, string> = {}): { server: Server; browser: Browser } {
  const live = {} as { server: Server; browser: Browser };
  beforeAll(async () => {
    if (chromiumMissing) throw new Error('CIVICGRID_REQUIRE_ALL_ENGINES is set but /usr/bin/chromium is missing');
    [live.server, live.browser] = await Promise.all([startServer(extraEnv), launchBrowser()]);
  });
  afterAll(async () => {
    await live.browser?.close();
    await live.server?.stop();
  });
  return live;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

export type Server = { base: string; stop(): Promise<void>; output(): string };

export async function startServer(extraEnv: Record<string, string> = {}): Promise<Server> {
  // The same check as `npm start`: build web/dist when it is missing or older than its sources, so a
  // checkout that moved on never tests yesterday's pages (the script always makes the production build).
  const build = spawnSync(process.execPath, ['scripts/ensure-web-build.mjs'], { cwd: repo, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`building the web app failed:\n${build.stdout}\n${build.stderr}`);
  const dataDir = mkdtempSync(path.join(tmpdir(), 'civicgrid-browser-'));
  const port = await freePort();
  const env = {
    ...process.env,
    DATA_DIR: dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    DATABASE_URL: '',
    CIVICGRID_TEST_CLOCK: '1',
    CIVICGRID_DEMO_CASES: '0',
    CIVICGRID_SWEEP_SECONDS: '0',
    CIVICGRID_DELIVER_SECONDS: '1',
    ...extraEnv,
  };
  const tsx = path.join(repo, 'node_modules', 'tsx', 'dist', 'cli.mjs');
  const child: ChildProcess = spawn(process.execPath, [tsx, 'src/main.ts'], {
    cwd: repo,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => {
    out += d;
  });
  child.stderr!.on('data', (d) => {
    out += d;
  });
  const base = `http://127.0.0.1:${port}`;
  const t0 = Date.now();
  for (;;) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) break;
    } catch {
      /* not up yet */
    }
    if (child.exitCode !== null || Date.now() - t0 > 90_000) throw new Error(`server did not start:\n${out}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    base,
    output: () => out,
    stop: () =>
      new Promise<void>((resolve) => {
        child.on('exit', () => {
          rmSync(dataDir, { recursive: true, force: true });
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

/** Moves the server's clock (test mode only) and optionally runs the deadline sweep at the new time. */
export async function advanceClock(base: string, advanceMs: number, sweep = true): Promise<unknown> {
  const r = await fetch(`${base}/api/test/clock`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ advanceMs, sweep }),
  });
  if (!r.ok) throw new Error(`test clock: ${r.status} ${await r.text()}`);
  return r.json();
}

// Resource lines that are part of the flow: a session ended by the advanced clock (401), a stale version (409).
const EXPECTED_CONSOLE = /^Failed to load resource: the server responded with a status of (401|409) \(/;

/** Collects console errors and page errors, except the expected 401/409 resource lines. */
export function watchConsole(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error' && !EXPECTED_CONSOLE.test(msg.text())) errors.push(msg.text());
  });
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  return errors;
}

const axeSource = readFileSync(path.join(repo, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

type AxeViolation = { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] };

/** axe-core on the page as it is now: the serious and critical violations (ids, help and targets). */
export async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: AxeViolation[] }> } }
    ).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} at ${v.nodes
          .slice(0, 3)
          .map((n) => JSON.stringify(n.target))
          .join(', ')}`,
    );
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  // From the top: a full-page capture of a scrolled page draws the sticky header and menu mid-page.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}
