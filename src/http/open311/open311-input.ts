import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { PostedExtras } from '../../app/open311/create-request.js';
import { DomainError } from '../../core/errors.js';
import type { HttpEnv } from '../env.js';
import { fail, formatOf, open311Error } from './respond.js';

/** A form-encoded body: the facade's own limit. */
export const FORM_LIMIT = 256 * 1024;
/** A multipart body may carry photos (FixMyStreet's `media`): they are accepted and dropped (see ARCHITECTURE). */
export const MULTIPART_LIMIT = 8 * 1024 * 1024;

/** A POST as the use case reads it: the first value of each field, GeoReport attributes, dropped files. */
export type PostedForm = PostedExtras & { fields: Record<string, string> };

const isMultipart = (c: Context) => /^multipart\/form-data/i.test(c.req.header('content-type') ?? '');
const kb = (n: number) => `${Math.round(n / 1024)} KB`;

/** The body limit by kind of body; past it a 413 in the format the path asked for. */
export function open311BodyLimit(): MiddlewareHandler<HttpEnv> {
  const limit = (maxSize: number, what: string) =>
    bodyLimit({
      maxSize,
      onError: (c) => open311Error(c, formatOf(c), 413, `${what} may be at most ${kb(maxSize)}`),
    });
  const form = limit(FORM_LIMIT, 'a request body');
  const multipart = limit(MULTIPART_LIMIT, 'a multipart body (with its files)');
  return (c, next) => (isMultipart(c) ? multipart : form)(c, next);
}

/** Refuses a path with a broken percent-escape and a NUL anywhere in the query, before any route runs. */
export const wellFormedRequest: MiddlewareHandler<HttpEnv> = async (c, next) => {
  const url = new URL(c.req.url);
  try {
    decodeURIComponent(url.pathname);
  } catch {
    return open311Error(c, formatOf(c), 400, 'the path holds a broken percent-escape');
  }
  try {
    for (const [name, values] of Object.entries(c.req.queries())) noNul(name, [name, ...values]);
  } catch (e) {
    return fail(c, formatOf(c), e);
  }
  await next();
};

/**
 * The fields of a POST: form-encoded or multipart, with the query's as fallbacks (some clients put
 * api_key there). `attribute[code]=v` and `attribute[code][]=v` become attributes; file parts are
 * described and dropped. A body that does not parse, or a NUL in any name or value, answers 400.
 */
export async function postedForm(c: Context<HttpEnv>): Promise<PostedForm> {
  const type = c.req.header('content-type') ?? '';
  const body = /multipart\/form-data|application\/x-www-form-urlencoded/i.test(type) ? await parsed(c) : {};
  const out: PostedForm = { fields: {}, attributes: {}, files: [] };
  const add = (name: string, value: string) => {
    const attribute = /^attribute\[([^\]]{1,100})\](\[\])?$/.exec(name);
    if (!attribute) {
      out.fields[name] ??= value;
      return;
    }
    const [, code, many] = attribute as unknown as [string, string, string | undefined];
    const had = out.attributes[code];
    out.attributes[code] = many || had !== undefined ? [...[had ?? []].flat(), value] : value;
  };
  for (const [name, raw] of Object.entries(body)) {
    for (const v of Array.isArray(raw) ? raw : [raw]) {
      if (typeof v === 'string') {
        noNul(name, [name, v]);
        add(name, v);
      } else out.files.push({ field: name.slice(0, 100), name: v.name.slice(0, 200), type: v.type, size: v.size });
    }
  }
  for (const [name, values] of Object.entries(c.req.queries())) if (!(name in body)) add(name, values[0] ?? '');
  return out;
}

type Body = Record<string, string | File | (string | File)[]>;

async function parsed(c: Context<HttpEnv>): Promise<Body> {
  try {
    return (await c.req.parseBody({ all: true })) as Body;
  } catch {
    throw new DomainError(
      'ValidationFailed',
      isMultipart(c)
        ? 'the body is not a multipart/form-data form (is the boundary missing?)'
        : 'the body is not a form',
    );
  }
}

function noNul(field: string, texts: string[]): void {
  if (!texts.some((t) => t.includes('\u0000'))) return;
  const name = field.replaceAll('\u0000', '').slice(0, 100);
  throw new DomainError('ValidationFailed', `${name || 'a field name'} holds a NUL character`, { field: name });
}
