import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { isDomainError } from '../../core/errors.js';
import { statusFor } from '../error-map.js';
import type { HttpEnv } from '../env.js';
import { xmlDocument, type ListNames } from './xml.js';

export type Format = 'json' | 'xml';

/** Element names of list members in the GeoReport v2 XML documents. */
const lists: ListNames = {
  services: 'service',
  service_requests: 'request',
  errors: 'error',
  attributes: 'attribute',
  values: 'value',
};

/** Answers a GeoReport document in the requested format (UTF-8; XML with its declaration). */
export function respond(c: Context, format: Format, root: string, value: unknown, status: ContentfulStatusCode = 200) {
  c.header('Cache-Control', 'no-store');
  if (format === 'json') return c.json(value as object, status);
  c.header('Content-Type', 'text/xml; charset=utf-8');
  return c.body(xmlDocument(root, value as never, lists), status);
}

/** The format a path asks for: `.xml` gets XML, everything else JSON (the spec's default). */
export const formatOf = (c: Context): Format => (/\.xml$/i.test(new URL(c.req.url).pathname) ? 'xml' : 'json');

/** The spec's error list: the HTTP status and the same code in the body. */
export function open311Error(c: Context, format: Format, status: ContentfulStatusCode, description: string) {
  return respond(c, format, 'errors', [{ code: status, description }], status);
}

/**
 * Every failure the facade sees becomes a GeoReport error: a DomainError by the one code → status
 * table, a framework refusal (Hono's HTTPException below 500) by its own status. Anything else is a
 * defect: logged with the request id, and the only 500.
 */
export function fail(c: Context<HttpEnv>, format: Format, e: unknown) {
  if (isDomainError(e)) {
    const retry = e.details?.retryAfterSeconds;
    if (typeof retry === 'number') c.header('Retry-After', String(retry));
    return open311Error(c, format, statusFor[e.code], e.message);
  }
  if (e instanceof HTTPException && e.status < 500)
    return open311Error(c, format, e.status, e.message || 'bad request');
  c.var.deps?.log.error('open311 failure', {
    requestId: c.var.requestId,
    error: (e as Error).message,
    stack: (e as Error).stack,
  });
  return open311Error(c, format, 500, 'something went wrong on our side');
}
