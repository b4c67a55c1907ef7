import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { ZodError } from 'zod';
import { isDomainError } from '../core/errors.js';
import { codeForStatus, statusFor, type WireErrorCode } from './error-map.js';
import type { HttpEnv } from './env.js';

type Details = Record<string, unknown>;
type Body = { error: { code: WireErrorCode; message: string; details?: Details } };

const body = (code: WireErrorCode, message: string, details?: Details): Body => ({
  error: { code, message, ...(details ? { details } : {}) },
});

/** The one way an error leaves the API: the status from the table, the body `{"error":{code,message,details}}`. */
export function errorResponse(c: Context, code: WireErrorCode, message: string, details?: Details) {
  return c.json(body(code, message, details), statusFor[code]);
}

/**
 * Every failure leaves through errorResponse. Database refusals arrive here as DomainErrors already
 * (storage translates them, see storage/db-errors.ts); only defects are 500s, and they are logged.
 */
export function handleError(err: Error, c: Context<HttpEnv>) {
  if (isDomainError(err)) {
    const retry = err.details?.retryAfterSeconds;
    if (typeof retry === 'number') c.header('Retry-After', String(retry));
    return errorResponse(c, err.code, err.message, err.details);
  }
  if (err instanceof ZodError) return validationFailed(c, err);
  if (err instanceof HTTPException && err.status < 500) {
    return errorResponse(c, codeForStatus(err.status), err.message || 'bad request');
  }
  c.var.deps?.log.error('unhandled error', { requestId: c.var.requestId, error: err.message, stack: err.stack });
  return errorResponse(c, 'Internal', 'something went wrong on our side; the request id is in the X-Request-Id header');
}

/** A request that failed its schema: 400 with the zod issues. */
export function validationFailed(c: Context, err: ZodError) {
  return errorResponse(
    c,
    'ValidationFailed',
    err.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; '),
    { issues: err.issues.map((i) => ({ path: i.path.map(String), message: i.message, code: i.code })) },
  );
}
