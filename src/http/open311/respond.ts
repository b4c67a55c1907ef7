import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
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
