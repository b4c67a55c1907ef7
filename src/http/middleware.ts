import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { randomUUID } from 'node:crypto';
import { DomainError } from '../core/errors.js';
import { authenticate } from '../app/auth/authenticate.js';
import { SESSION_COOKIE, type HttpEnv } from './env.js';

/** Gives each request an id (or keeps a well-formed one from the caller) for logs and audit. */
export const requestId: MiddlewareHandler<HttpEnv> = async (c, next) => {
  const given = c.req.header('x-request-id');
  const id = given && /^[A-Za-z0-9._-]{8,64}$/.test(given) ? given : randomUUID();
  c.set('requestId', id);
  c.header('X-Request-Id', id);
  await next();
};

/**
 * CSRF defence for a cookie-authenticated JSON API: a state-changing request must carry
 * a JSON content type, which a cross-site form cannot send without a CORS preflight.
 */
export const jsonOnlyWrites: MiddlewareHandler<HttpEnv> = async (c, next) => {
  // DELETE is exempt: an HTML form cannot send it, and a cross-site fetch of it needs a preflight.
  if (['POST', 'PUT', 'PATCH'].includes(c.req.method)) {
    const type = c.req.header('content-type') ?? '';
    if (!/^application\/json\b/i.test(type)) {
      throw new DomainError('ValidationFailed', 'send the request as JSON with Content-Type: application/json');
    }
  }
  await next();
};

/** Resolves the session cookie to the acting user and stores the use-case context. */
export const requireSession: MiddlewareHandler<HttpEnv> = async (c, next) => {
  const actor = await authenticate(c.var.deps, getCookie(c, SESSION_COOKIE));
  c.set('ctx', { deps: c.var.deps, actor, requestId: c.var.requestId });
  await next();
};

/** Headers every response carries. */
export const securityHeaders: MiddlewareHandler<HttpEnv> = async (c, next) => {
  await next();
  c.header('X-Content-Type-Options', 'nosniff');
  c.header('Referrer-Policy', 'same-origin');
  c.header('X-Frame-Options', 'DENY');
  if (c.req.path.startsWith('/api/')) c.header('Cache-Control', 'no-store');
};
