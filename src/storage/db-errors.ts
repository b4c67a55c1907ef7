import { DomainError, isDomainError, type ErrorCode } from '../core/errors.js';

/** Where storage reports a database refusal it translated (the server's log; silent by default). */
export type DbLog = { warn(msg: string, data?: Record<string, unknown>): void };

/** The fields both drivers (pg and PGlite) put on a server error. */
type ServerError = Error & { code: string; constraint?: string; table?: string; detail?: string };

const isServerError = (e: unknown): e is ServerError =>
  e instanceof Error &&
  typeof (e as { code?: unknown }).code === 'string' &&
  /^[0-9A-Z]{5}$/.test((e as ServerError).code);

type Refusal = { code: ErrorCode; message: string };
const refuse = (code: ErrorCode, message: string): Refusal => ({ code, message });
const badValue = refuse('ValidationFailed', 'the request contains a value the database cannot store');
const race = refuse('Conflict', 'another change to the same records ran at the same moment; try again');

/**
 * The caller's share of SQLSTATEs (https://www.postgresql.org/docs/current/errcodes-appendix.html):
 * input the schemas let through but the database refuses, and races a retry can win. Anything
 * else (a syntax error, a lost connection, a missing table, a NOT NULL our code forgot) is a
 * defect and stays as it is.
 */
const refusals: Record<string, Refusal> = {
  '23505': refuse('AlreadyExists', 'a record with these values already exists'),
  '23514': refuse('ValidationFailed', 'a value breaks a rule of the data'),
  '23P01': refuse('Conflict', 'the record overlaps one that exists'),
  '22021': refuse('ValidationFailed', 'the request contains a character the database cannot store (NUL)'),
  '22P05': refuse('ValidationFailed', 'the request contains a character the database cannot store (NUL)'),
  '22001': refuse('ValidationFailed', 'a text is longer than the database allows'),
  '22003': refuse('ValidationFailed', 'a number is out of range'),
  '22007': refuse('ValidationFailed', 'a date or time is not valid'),
  '22008': refuse('ValidationFailed', 'a date or time is out of range'),
  '54000': refuse('ValidationFailed', 'a value is too large to store'),
  '40001': race,
  '40P01': race,
};

function refusal(e: ServerError): Refusal | null {
  // A foreign key refuses both a reference to nothing and removing what others still refer to.
  if (e.code === '23503')
    return /still referenced/.test(e.detail ?? e.message)
      ? refuse('Conflict', 'other records still refer to this one')
      : refuse('Unprocessable', 'the request refers to a record that does not exist');
  return refusals[e.code] ?? (e.code.startsWith('22') ? badValue : null);
}

/**
 * Turns a database refusal into the DomainError HTTP and the CLI map (so both agree), logging the
 * server's own words once here; the caller's message names no table or constraint. Errors that are
 * not refusals, DomainErrors included, come back unchanged.
 */
export function translateDbError(e: unknown, log?: DbLog): unknown {
  if (isDomainError(e) || !isServerError(e)) return e;
  const r = refusal(e);
  if (!r) return e;
  log?.warn('database refused a statement', {
    sqlState: e.code,
    translatedTo: r.code,
    error: e.message,
    constraint: e.constraint,
    table: e.table,
  });
  return new DomainError(r.code, r.message, { sqlState: e.code });
}
