import { afterAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';

/**
 * The README's promise, end to end on PGlite: `npm start` on an empty data folder migrates,
 * seeds the demo county, prints the logins and serves; SIGTERM closes the database cleanly;
 * a second start reuses the data; the CLI verifies the audit chain and names a tampered record.
 */
const repo = path.resolve(import.meta.dirname, '..', '..');
// tsx as a loader inside the server's own process, as `npm start` runs it: signals reach the server directly.
const tsxLoader = ['--import', 'tsx'];
const dataDir = mkdtempSync(path.join(tmpdir(), 'civicgrid-e2e-'));
const port = 18000 + Math.floor(Math.random() * 1000);
const env = { ...process.env, DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'warn', DATABASE_URL: '' };

function start(): { child: ChildProcess; output: () => string } {
  const child = spawn(process.execPath, [...tsxLoader, 'src/main.ts'], {
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
  return { child, output: () => out };
}

async function waitForHealth(deadlineMs: number): Promise<number> {
  const t0 = Date.now();
  for (;;) {
    try {
      const r = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (r.ok) return Date.now() - t0;
    } catch {
      /* not up yet */
    }
    if (Date.now() - t0 > deadlineMs) throw new Error('server did not answer /api/health in time');
    await new Promise((r) => setTimeout(r, 250));
  }
}

const stop = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => {
    child.on('exit', (code) => resolve(code));
    child.kill('SIGTERM');
  });

const cli = (...args: string[]) => cliWithInput('', ...args);
const cliWithInput = (input: string, ...args: string[]) =>
  spawnSync(process.execPath, [...tsxLoader, 'src/cli/main.ts', ...args], { cwd: repo, env, encoding: 'utf8', input });

describe('npm start and the civicgrid CLI [engine: pglite]', () => {
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('starts on an empty folder, seeds, prints working logins, and stops cleanly', async () => {
    const { child, output } = start();
    const ms = await waitForHealth(60_000);
    expect(ms).toBeLessThan(60_000);
    expect(output()).toMatch(/Demo logins/);
    for (const user of ['admin', 'security', 'auditor', 'dispatcher', 'clerk', 'gridworker', 'mediator', 'leader'])
      expect(output()).toContain(user);
    // Issue 11: the two-step note for the administrators, where the key came from, the open listen address.
    expect(output()).toMatch(/set up two-step verification at their first sign-in/);
    expect(output()).toMatch(/the data key lies inside DATA_DIR.*"source":"default key file"/);
    expect(output()).not.toContain(readFileSync(path.join(dataDir, 'keys', 'data.key'), 'utf8').trim());
    expect(output()).toMatch(/listening beyond this machine without CIVICGRID_SECURE_COOKIES=true/);
    const admin = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: 'civicgrid-demo' }),
    });
    expect([admin.status, (await admin.json()).next]).toEqual([202, 'enrol']);
    const login = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'gridworker', password: 'civicgrid-demo' }),
    });
    expect(login.status).toBe(200);
    const me = await (
      await fetch(`http://127.0.0.1:${port}/api/me`, {
        headers: { cookie: login.headers.get('set-cookie')!.split(';')[0]! },
      })
    ).json();
    expect(me.jurisdiction.level).toBe(6);
    expect(await stop(child)).toBe(0);
  });

  it('starts again on the same data without seeding twice; the auditor reset at the command line signs in', async () => {
    // 三员分立: the auditor's account is reset only here, by the operator at the server.
    const reset = cliWithInput('a-new-auditor-password\n', 'user', 'reset-password', 'auditor');
    expect(reset.stdout + reset.stderr).toMatch(/password of auditor \(id \d+\) reset/);
    expect(reset.status).toBe(0);
    const { child, output } = start();
    await waitForHealth(60_000);
    expect(output()).not.toMatch(/Demo logins/);
    const login = (password: string) =>
      fetch(`http://127.0.0.1:${port}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'auditor', password }),
      });
    expect((await login('civicgrid-demo')).status).toBe(401);
    // The new password is accepted; the auditor then sets up the second factor (issue 11, point 12).
    const accepted = await login('a-new-auditor-password');
    expect([accepted.status, (await accepted.json()).next]).toEqual([202, 'enrol']);
    expect(await stop(child)).toBe(0);
  });

  it("exports the demo county's year of events, which the independent script recomputes", () => {
    const file = path.join(dataDir, 'events.ndjson');
    const r = cli('export', 'events', '--period', 'year', '--out', file);
    expect(r.status, r.stderr).toBe(0);
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    expect(JSON.parse(lines[0]!)).toMatchObject({ record: 'export', type: 'year' });
    const script = spawnSync(process.execPath, ['scripts/kpi-recompute.mjs', file], { cwd: repo, encoding: 'utf8' });
    expect(script.status, script.stderr).toBe(0);
    const received = JSON.parse(script.stdout).figures.find((f: { id: string }) => f.id === 'received');
    const cases = lines.filter((l) => l.includes('"record":"case"')).length;
    expect(received.denominator).toBeGreaterThan(0);
    expect(received.denominator).toBeLessThanOrEqual(cases);
    const refused = cli('export', 'events', '--period', 'custom', '--from', '2026-02-30', '--to', '2026-03-01');
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toMatch(/calendar date/);
  });

  it('verifies the audit chain, and names the record a superuser tampered with', async () => {
    const ok = cli('audit', 'verify');
    expect(ok.stdout).toMatch(/audit chain intact: \d+ records verified/);
    expect(ok.status).toBe(0);
    const pg = new PGlite(path.join(dataDir, 'pglite'));
    await pg.exec(`UPDATE audit_log SET actor_name = 'someone else' WHERE id = 2`);
    await pg.close();
    const broken = cli('audit', 'verify');
    expect(broken.status).toBe(1);
    expect(broken.stdout).toMatch(/BROKEN at record 2/);
  });

  it('imports figures from another system and reports every line', async () => {
    const pg = new PGlite(path.join(dataDir, 'pglite'));
    // regions FORCE row-level security even for their owner: read with the system's scope.
    await pg.exec(`SET civicgrid.scope = '*'`);
    const r = await pg.query<{ code: string }>('SELECT code FROM regions WHERE level = 4 ORDER BY code LIMIT 2');
    await pg.close();
    const [a, b] = r.rows.map((x) => x.code);
    const file = path.join(dataDir, 'crime.csv');
    writeFileSync(
      file,
      [
        'indicator,region,period,date,value',
        `crime_per_10k,${a},month,2026-03-01,1.8`,
        `crime_per_10k,${b},month,2026-03-01,2`,
        `crime_per_10k,${a},month,2026-02-30,1`,
      ].join('\n'),
    );
    const out = cli('import', 'indicators', file, '--source', '公安统计');
    expect(out.stdout).toContain('line     2  imported');
    expect(out.stdout).toContain('line     4  rejected  date "2026-02-30" is not a calendar date');
    expect(out.stdout).toContain('2 imported, 1 refused');
    expect(out.status).toBe(1);
  });

  // Nine processes, each loading tsx: seconds apiece on a busy two-core machine, so more than the default minute.
  it('shows --help for every command', { timeout: 180_000 }, () => {
    for (const args of [
      [],
      ['serve'],
      ['migrate'],
      ['seed'],
      ['user', 'add'],
      ['user', 'reset-password'],
      ['audit', 'verify'],
      ['import', 'regions'],
      ['import', 'grids'],
      ['import', 'indicators'],
      ['keys', 'rotate'],
      ['2fa', 'reset'],
      ['export', 'events'],
      ['kpi', 'rebuild'],
    ]) {
      const r = cli(...args, '--help');
      expect(r.status, args.join(' ')).toBe(0);
      expect(r.stdout, args.join(' ')).toMatch(/Usage: civicgrid/);
    }
  });
});
