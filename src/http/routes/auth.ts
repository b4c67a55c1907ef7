import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { LoginInput, Me, SignInPending } from '../../contract/auth.js';
import { ErrorBody } from '../../contract/common.js';
import { login } from '../../app/auth/login.js';
import { logout } from '../../app/auth/logout.js';
import { authenticate } from '../../app/auth/authenticate.js';
import { getMe } from '../../app/auth/get-me.js';
import { SESSION_COOKIE, type HttpEnv } from '../env.js';
import { clientIp } from '../client-ip.js';
import { errorResponses, json, jsonBody, newRouter, sessionSecurity } from '../router.js';
import { requireSession } from '../middleware.js';

export const authRoutes = newRouter();

authRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/auth/login',
    tags: ['auth'],
    summary: 'Sign in with username and password (and a second-factor code where the account has one)',
    request: jsonBody(LoginInput),
    responses: {
      200: json(Me, 'Signed in; the session cookie is set'),
      202: json(SignInPending, 'Password accepted; continue with a code or with enrolment'),
      400: errorResponses[400],
      401: json(ErrorBody, 'Wrong username or password'),
      429: json(ErrorBody, 'Locked after repeated failures; see Retry-After'),
    },
  }),
  async (c) => {
    const r = await login(c.var.deps, c.req.valid('json'), signInMeta(c));
    if (r.kind === 'pending')
      return c.json({ next: r.next, pendingToken: r.pendingToken, expiresAt: r.expiresAt.toISOString() }, 202);
    return c.json(await startSession(c, r.token), 200);
  },
);

/** Who is signing in from where: the request id, and the client address as the public portal computes it. */
export const signInMeta = (c: Context<HttpEnv>) => ({
  requestId: c.var.requestId,
  address: clientIp(c, c.var.deps.config.public.trustProxy),
});

/** Sets the session cookie for a new session and answers who is signed in. */
export async function startSession(c: Context<HttpEnv>, token: string): Promise<Me> {
  const deps = c.var.deps;
  // A browser-session cookie: the server ends the session on idle timeout, logout or account changes.
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Lax',
    path: '/',
    secure: deps.config.secureCookies,
  });
  const actor = await authenticate(deps, token);
  return getMe({ deps, actor, requestId: c.var.requestId });
}

authRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/auth/logout',
    tags: ['auth'],
    summary: 'End the current session',
    security: sessionSecurity,
    middleware: [requireSession],
    responses: { 204: { description: 'Signed out' }, 401: errorResponses[401] },
  }),
  async (c) => {
    await logout(c.var.ctx, getCookie(c, SESSION_COOKIE) ?? '');
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.body(null, 204);
  },
);

authRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/me',
    tags: ['auth'],
    summary: 'The signed-in user, unit and jurisdiction',
    security: sessionSecurity,
    middleware: [requireSession],
    responses: { 200: json(Me, 'The signed-in user'), 401: errorResponses[401] },
  }),
  async (c) => c.json(await getMe(c.var.ctx), 200),
);

export const healthRoutes = newRouter();
healthRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/health',
    tags: ['system'],
    summary: 'Liveness',
    responses: { 200: json(z.object({ status: z.literal('ok') }), 'The server is up') },
  }),
  (c) => c.json({ status: 'ok' as const }, 200),
);
