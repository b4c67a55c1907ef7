// Builds the web app after `npm install` (prepare) and before `npm start` when web/dist is missing or
// older than its sources,
// so the README's two commands stay the only set-up on a fresh machine.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const dist = path.resolve('web/dist/index.html');
const newest = (dir) =>
  readdirSync(dir, { withFileTypes: true }).reduce((m, e) => {
    const p = path.join(dir, e.name);
    return Math.max(m, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }, 0);

const sources = ['web/src', 'web/index.html', 'src/contract'].filter(existsSync);
const stale =
  !existsSync(dist) ||
  sources.some((s) => (statSync(s).isDirectory() ? newest(s) : statSync(s).mtimeMs) > statSync(dist).mtimeMs);
if (stale && existsSync('web/vite.config.ts')) {
  process.stdout.write('Building the web app (first start or changed sources)…\n');
  const r = spawnSync(
    process.execPath,
    [path.resolve('node_modules/vite/bin/vite.js'), 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'],
    // Always the production build: a NODE_ENV inherited from a test runner would make Vite build for development.
    { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } },
  );
  if (r.status !== 0) process.exit(r.status ?? 1);
}
