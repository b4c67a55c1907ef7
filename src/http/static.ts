import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Hono } from 'hono';
import { serveStatic } from '@hono/node-server/serve-static';
import type { HttpEnv } from './env.js';

/**
 * Serves the built web app from web/dist, with index.html for every other path that is not
 * under /api, so client-side routes survive a reload. Without a build it says how to make one.
 */
export function mountWebApp(app: Hono<HttpEnv>, distDir: string): void {
  const root = path.relative(process.cwd(), distDir) || '.';
  app.use('/assets/*', serveStatic({ root }));
  app.get('*', async (c, next) => {
    if (c.req.path.startsWith('/api/') || c.req.path === '/api') return next();
    const file = path.join(distDir, c.req.path);
    if (file.startsWith(distDir) && c.req.path !== '/' && existsSync(file) && !file.endsWith('/')) {
      return serveStatic({ root })(c, next);
    }
    const index = path.join(distDir, 'index.html');
    if (!existsSync(index)) return c.text('The web app is not built yet: run `npm run build:web`.', 503);
    return c.html(await readFile(index, 'utf8'));
  });
}
