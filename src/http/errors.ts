import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { ZodError } from 'zod';
import { isDomainError } from '../core/errors.js';
import { statusFor } from './error-map.js';
import type { HttpEnv } from './env.js';

type Body = { error: { code: string; message: string; details?: Record<string, unknown> } };

const body = (code: string, message: string, details?: Record<string, unknown>): Body => ({
  error: { code, message, ...(details ? { details } : {}) },
});

/** Every failure leaves as `{"error":{code,message,details}}`; only unknown failures are 500s, and they are logged. */
export function handleError(err: Error, c: Context<HttpEnv>) {
  if (isDomainError(err)) {
    const status = statusFor[err.code];
    const retry = err.details?.retryAfterSeconds;
    if (typeof retry === 'number') c.header('Retry-After', String(retry));
    return c.json(body(err.code, err.message, err.details), status);
  }
  if (err instanceof ZodError) return c.json(validationBody(err), 400);
  if (err instanceof HTTPException) {
    const status = err.status;
    const code =
      status === 413
        ? 'PayloadTooLarge'
        : status === 404
          ? 'NotFound'
          : status === 405
            ? 'MethodNotAllowed'
            : 'ValidationFailed';
    return c.json(body(code, err.message || 'bad request'), status);
  }
  const db = databaseInputError(err);
  if (db) return c.json(body(db.code, db.message), db.status);
  c.var.deps?.log.error('unhandled error', { requestId: c.var.requestId, error: err.message, stack: err.stack });
  return c.json(
    body('Internal', 'something went wrong on our side; the request id is in the X-Request-Id header'),
    500,
  );
}

export function validationBody(err: ZodError): Body {
  return body('ValidationFailed', err.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; '), {
    issues: err.issues.map((i) => ({ path: i.path.map(String), message: i.message, code: i.code })),
  });
}

/**
 * A safety net for input the schemas let through but the database refuses: a NUL character in
 * text (22021), a value out of range (22003), a malformed value (22P02), a unique key (23505) or
 * a missing reference (23503). These are the caller's to fix, so they answer 4xx, not 500.
 */
function databaseInputError(err: Error): { status: 400 | 409; code: string; message: string } | null {
  const code = (err as { code?: unknown }).code;
  if (typeof code !== 'string' || !/^2[23]/.test(code)) return null;
  if (code === '23505')
    return { status: 409, code: 'AlreadyExists', message: 'a record with these values already exists' };
  if (code === '23503')
    return { status: 400, code: 'ValidationFailed', message: 'the request refers to a record that does not exist' };
  if (code.startsWith('22'))
    return {
      status: 400,
      code: 'ValidationFailed',
      message: 'the request contains a value the database cannot store (e.g. a NUL character)',
    };
  return null;
}
