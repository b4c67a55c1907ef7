import { serve } from '@hono/node-server';
import path from 'node:path';
import { loadConfig } from './config.js';
import { openDeps } from './wire.js';
import { createApp } from './http/app.js';
import { seedOnFirstStart } from './app/seed/seed-on-first-start.js';
import { seedDemoCases } from './app/seed/seed-demo-cases.js';
import { startScheduler } from './jobs/scheduler.js';
import { isLoopbackHost } from './core/net/loopback.js';

/** config → database (migrated) → deps → seed on an empty database → HTTP; closes cleanly on SIGINT/SIGTERM. */
export async function startServer() {
  const config = loadConfig();
  const deps = await openDeps(config);
  const logins = await seedOnFirstStart(deps);
  const app = createApp(deps, { webDist: path.resolve('web/dist') });
  const generation = new AbortController();
  let demoCases: Promise<unknown> = Promise.resolve();
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
    deps.log.info('civicgrid is serving', { url: `http://localhost:${info.port}`, database: config.database.kind });
    if (!isLoopbackHost(config.host) && !config.secureCookies)
      deps.log.warn(
        'listening beyond this machine without CIVICGRID_SECURE_COOKIES=true: serve it behind HTTPS and set it, or bind HOST=127.0.0.1',
        { host: config.host },
      );
    if (logins) printDemoLogins(logins, info.port);
    // Demo cases are generated here, after listening, not in seedOnFirstStart: they go through the real
    // use cases at about 8–10 cases/s on PGlite (5–8 on PostgreSQL), so the default 250 take half a
    // minute or more on a slow machine, which added to the county seed would risk the 60 s budget for the
    // first /api/health. In the background the server is usable at once and the workbench fills up.
    if (logins && config.demoCases > 0) {
      demoCases = seedDemoCases(deps, config.demoCases, generation.signal).catch((e: unknown) => {
        if (!stopping)
          deps.log.error('demo case generation failed', { error: e instanceof Error ? e.message : String(e) });
      });
    }
  });
  const jobs = startScheduler(deps);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    deps.log.info('stopping', { signal });
    server.close();
    // The generator stops at its next step; waiting for it keeps its last transaction whole.
    generation.abort();
    await demoCases;
    await jobs.stop();
    // PGlite writes its data folder on close; closing before exit keeps it consistent.
    await deps.db.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

function printDemoLogins(logins: { username: string; role: string }[], port: number) {
  const lines = [
    '',
    `civicgrid demo county is ready at http://localhost:${port}`,
    'Demo logins (password from CIVICGRID_DEMO_PASSWORD, default "civicgrid-demo"):',
    ...logins.map((l) => `  ${l.username.padEnd(12)} ${l.role}`),
    'admin, security and auditor set up two-step verification at their first sign-in: have an',
    'authenticator app ready (the page shows a QR code and the secret; keep the recovery codes).',
    '',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  startServer().catch((e: unknown) => {
    process.stderr.write(`civicgrid failed to start: ${e instanceof Error ? e.stack : String(e)}\n`);
    process.exit(1);
  });
}
