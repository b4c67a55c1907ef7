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

/**
 * The Content-Security-Policy of every response (issue 11, point 13). Scripts only from our own
 * origin: the built index.html has no inline script (test/browser/csp.test.ts checks the pages).
 * Styles need 'unsafe-inline': Ant Design's CSS-in-JS writes its rules into <style> elements at run
 * time, and index.html carries a small critical <style>; a nonce would need index.html rewritten
 * per response and antd's StyleProvider wired to it, and would still not cover the style
 * attributes Leaflet and ECharts set. Inline styles cannot run code, so the script rule is what
 * stops injected script. Images may be data: URLs (the enrolment QR code) or blob: (exports).
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Headers every response carries; HSTS only where the deployment says it is served over HTTPS. */
export const securityHeaders: MiddlewareHandler<HttpEnv> = async (c, next) => {
  await next();
  c.header('X-Content-Type-Options', 'nosniff');
  c.header('Referrer-Policy', 'same-origin');
  c.header('X-Frame-Options', 'DENY');
  c.header('Content-Security-Policy', contentSecurityPolicy);
  if (c.var.deps?.config.secureCookies) c.header('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
  if (c.req.path.startsWith('/api/')) c.header('Cache-Control', 'no-store');
};
