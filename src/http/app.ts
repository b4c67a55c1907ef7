import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import type { Deps } from '../app/deps.js';
import type { HttpEnv } from './env.js';
import { SESSION_COOKIE } from './env.js';
import { errorResponse, handleError } from './errors.js';
import { jsonOnlyWrites, requestId, securityHeaders } from './middleware.js';
import { authRoutes, healthRoutes } from './routes/auth.js';
import { twoFactorRoutes } from './routes/two-factor.js';
import { unitRoutes } from './routes/units.js';
import { userRoutes } from './routes/users.js';
import { categoryRoutes } from './routes/categories.js';
import { auditRoutes } from './routes/audit.js';
import { regionRoutes } from './routes/regions.js';
import { dispatchRoutes } from './routes/dispatch.js';
import { caseRoutes } from './routes/cases.js';
import { deadlineRoutes } from './routes/deadlines.js';
import { supervisionRoutes } from './routes/supervision.js';
import { kpiRoutes } from './routes/kpi.js';
import { kpiBulletinRoutes } from './routes/kpi-bulletin.js';
import { peerClassRoutes } from './routes/peer-classes.js';
import { schemeRoutes } from './routes/schemes.js';
import { notificationRoutes } from './routes/notifications.js';
import { mountWebApp } from './static.js';
import { isManualClock, testClockRoutes } from './routes/test-clock.js';
import { publicRoutes } from './routes/public.js';
import { caseUrgeRoutes } from './routes/case-urges.js';
import { partnerKeyRoutes } from './routes/partner-keys.js';
import { open311Routes } from './open311/open311-routes.js';

export type AppOptions = { webDist?: string };

/** The whole HTTP application, without listen(): tests call app.request() in-process. */
export function createApp(deps: Deps, options: AppOptions = {}) {
  const app = new OpenAPIHono<HttpEnv>();
  app.onError(handleError);
  app.use('*', requestId, securityHeaders, async (c, next) => {
    c.set('deps', deps);
    await next();
  });
  app.use(
    '/api/*',
    bodyLimit({
      maxSize: 1024 * 1024,
      onError: (c) => errorResponse(c, 'PayloadTooLarge', 'the body is larger than 1 MiB'),
    }),
  );
  app.use('/api/*', jsonOnlyWrites);

  for (const routes of [
    healthRoutes,
    authRoutes,
    twoFactorRoutes,
    regionRoutes,
    unitRoutes,
    userRoutes,
    categoryRoutes,
    auditRoutes,
    caseRoutes,
    dispatchRoutes,
  ]) {
    app.route('/api', routes);
  }
  for (const routes of [
    deadlineRoutes,
    supervisionRoutes,
    notificationRoutes,
    kpiBulletinRoutes,
    kpiRoutes,
    peerClassRoutes,
    schemeRoutes,
  ]) {
    app.route('/api', routes);
  }
  // Issue 6: the residents' portal (no session, rate-limited) and the urges staff see.
  app.route('/api/public', publicRoutes(deps));
  app.route('/api', caseUrgeRoutes);
  app.route('/api', partnerKeyRoutes);
  app.route('/open311/v2', open311Routes(deps));
  // Browser tests move the server's time; only when CIVICGRID_TEST_CLOCK=1 gave it a manual clock.
  if (deps.config.testClock && isManualClock(deps.clock)) app.route('/api', testClockRoutes(deps, deps.clock));
  app.openAPIRegistry.registerComponent('securitySchemes', 'session', {
    type: 'apiKey',
    in: 'cookie',
    name: SESSION_COOKIE,
  });
  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'civicgrid API',
      version: '0.1.0',
      description: 'Grid-based social governance: regions, organisation, accounts, cases.',
    },
  });
  const methodsAt = allowedMethods(app);
  app.all('/api/*', (c) => {
    const allowed = methodsAt(c.req.path);
    if (!allowed.length) return errorResponse(c, 'NotFound', `no such endpoint: ${c.req.method} ${c.req.path}`);
    c.header('Allow', allowed.join(', '));
    return errorResponse(c, 'MethodNotAllowed', `${c.req.method} is not allowed on ${c.req.path}`, { allowed });
  });
  if (options.webDist) mountWebApp(app, options.webDist);
  return app;
}

/**
 * The methods the app's routes take at a path (for 405 and its Allow header), read from the routes
 * registered by the time of the first unmatched request: `:param` matches one path segment.
 */
function allowedMethods(app: OpenAPIHono<HttpEnv>): (path: string) => string[] {
  let routes: { method: string; pattern: RegExp }[] | undefined;
  return (path) => {
    routes ??= app.routes
      .filter((r) => r.method !== 'ALL' && !r.path.includes('*'))
      .map((r) => ({ method: r.method, pattern: new RegExp(`^${escaped(r.path).replace(/:[^/]+/g, '[^/]+')}$`) }));
    return [...new Set(routes.filter((r) => r.pattern.test(path)).map((r) => r.method))].sort();
  };
}

const escaped = (path: string) => path.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
