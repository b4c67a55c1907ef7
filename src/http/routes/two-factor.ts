import { createRoute } from '@hono/zod-openapi';
import {
  Me,
  PendingSignIn,
  RecoveryCodes,
  RegenerateRecoveryCodesInput,
  SignInCodeInput,
  TwoFactorEnrolled,
  TwoFactorEnrolment,
} from '../../contract/auth.js';
import { ErrorBody, IdParam } from '../../contract/common.js';
import { verifySignInCode } from '../../app/auth/verify-sign-in-code.js';
import { confirmEnrolment, startEnrolment } from '../../app/auth/enrol-two-factor.js';
import { resetTwoFactor } from '../../app/auth/reset-two-factor.js';
import { regenerateRecoveryCodes } from '../../app/auth/regenerate-recovery-codes.js';
import { errorResponses, json, jsonBody, newRouter, sessionSecurity } from '../router.js';
import { requireSession } from '../middleware.js';
import { signInMeta, startSession } from './auth.js';

/** The second step of signing in and two-factor enrolment (issue 11, point 12); the officer's reset. */
export const twoFactorRoutes = newRouter();

const stepErrors = {
  400: errorResponses[400],
  401: json(ErrorBody, 'Wrong code, or the pending sign-in expired'),
  429: json(ErrorBody, 'Too many wrong codes; see Retry-After'),
};

twoFactorRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/auth/login/code',
    tags: ['auth'],
    summary: 'Finish signing in with a code from the authenticator app or a recovery code',
    request: jsonBody(SignInCodeInput),
    responses: { 200: json(Me, 'Signed in; the session cookie is set'), ...stepErrors },
  }),
  async (c) => {
    const { token } = await verifySignInCode(c.var.deps, c.req.valid('json'), signInMeta(c));
    return c.json(await startSession(c, token), 200);
  },
);

twoFactorRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/auth/2fa/enrolment',
    tags: ['auth'],
    summary: 'Start two-factor enrolment: a new secret as a QR code and as text',
    request: jsonBody(PendingSignIn),
    responses: {
      200: json(TwoFactorEnrolment, 'The secret to add to an authenticator app'),
      ...stepErrors,
      409: errorResponses[409],
    },
  }),
  async (c) => {
    const r = await startEnrolment(c.var.deps, c.req.valid('json'), signInMeta(c));
    return c.json({ ...r, expiresAt: r.expiresAt.toISOString() }, 200);
  },
);

twoFactorRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/auth/2fa/enrolment/confirm',
    tags: ['auth'],
    summary: 'Confirm enrolment with the first code; answers the recovery codes once and signs in',
    request: jsonBody(SignInCodeInput),
    responses: { 200: json(TwoFactorEnrolled, 'Enrolled and signed in'), ...stepErrors },
  }),
  async (c) => {
    const r = await confirmEnrolment(c.var.deps, c.req.valid('json'), signInMeta(c));
    return c.json({ me: await startSession(c, r.token), recoveryCodes: r.recoveryCodes }, 200);
  },
);

twoFactorRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/auth/2fa/recovery-codes',
    tags: ['auth'],
    summary: 'Ten new recovery codes for the signed-in user (the password again); the old ones stop working',
    security: sessionSecurity,
    middleware: [requireSession],
    request: jsonBody(RegenerateRecoveryCodesInput),
    responses: {
      200: json(RecoveryCodes, 'The new codes, shown this once'),
      400: errorResponses[400],
      401: errorResponses[401],
      409: errorResponses[409],
      429: json(ErrorBody, 'Too many wrong passwords; see Retry-After'),
    },
  }),
  async (c) => c.json(await regenerateRecoveryCodes(c.var.ctx, c.req.valid('json'), signInMeta(c)), 200),
);

twoFactorRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/users/{id}/2fa/reset',
    tags: ['users'],
    summary: "Remove an account's second factor (the security officer; administrators' only from the CLI)",
    security: sessionSecurity,
    middleware: [requireSession],
    request: { params: IdParam },
    responses: {
      204: { description: 'Reset; the account enrols again at its next sign-in' },
      401: errorResponses[401],
      403: errorResponses[403],
      404: errorResponses[404],
    },
  }),
  async (c) => {
    await resetTwoFactor(c.var.ctx, c.req.valid('param').id);
    return c.body(null, 204);
  },
);
