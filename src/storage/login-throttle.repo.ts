import { sql } from 'kysely';
import type { Tx } from './db.js';
import { normaliseUsername, type ThrottleKey, type ThrottleRow } from '../core/auth/sign-in.js';
import { likeEscape } from './like.js';

/**
 * The throttle counters for these keys, created when missing and locked FOR UPDATE until the
 * transaction ends, so parallel attempts on one key queue here instead of reading the same count.
 * Keys are taken in sorted order, so two attempts sharing keys cannot deadlock.
 */
export async function lockThrottleRows(
  trx: Tx,
  keys: ThrottleKey[],
  now: Date,
): Promise<(ThrottleRow & { max: number })[]> {
  const sorted = [...keys].sort((a, b) => (a.key < b.key ? -1 : 1));
  await trx
    .insertInto('login_throttle')
    .values(sorted.map((k) => ({ key: k.key, attempts: 0, window_started_at: now, locked_until: null })))
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  const rows = await trx
    .selectFrom('login_throttle')
    .select(['key', 'attempts', 'window_started_at', 'locked_until'])
    .where(
      'key',
      'in',
      sorted.map((k) => k.key),
    )
    .orderBy('key')
    .forUpdate()
    .execute();
  return rows.map((r) => ({
    key: r.key,
    attempts: Number(r.attempts),
    windowStartedAt: new Date(r.window_started_at),
    lockedUntil: r.locked_until ? new Date(r.locked_until) : null,
    max: sorted.find((k) => k.key === r.key)?.max ?? 1,
  }));
}

/** Stores counters decided by the core's reserveAttempt (the rows are locked by lockThrottleRows). */
export async function writeThrottleRows(trx: Tx, rows: ThrottleRow[]): Promise<void> {
  for (const r of rows) {
    await trx
      .updateTable('login_throttle')
      .set({ attempts: r.attempts, window_started_at: r.windowStartedAt, locked_until: r.lockedUntil })
      .where('key', '=', r.key)
      .execute();
  }
}

/** A correct password or second factor: these counters start again from zero. */
export async function clearThrottle(trx: Tx, keys: string[]): Promise<void> {
  if (keys.length === 0) return;
  await trx
    .updateTable('login_throttle')
    .set({ attempts: 0, locked_until: null })
    .where('key', 'in', [...keys].sort())
    .execute();
}

/** Unlocks a name everywhere (a password reset at the server): its account, pair and code counters. */
export async function clearNameThrottle(trx: Tx, username: string): Promise<void> {
  const name = normaliseUsername(username);
  await trx
    .deleteFrom('login_throttle')
    .where((eb) =>
      eb.or([eb('key', 'in', [`account:${name}`, `code:${name}`]), eb('key', 'like', `pair:${likeEscape(name)}|%`)]),
    )
    .execute();
}

/** Gives back the attempt a successful sign-in reserved on a shared counter (the address's). */
export async function refundAttempt(trx: Tx, key: string): Promise<void> {
  await trx
    .updateTable('login_throttle')
    .set({ attempts: sql`greatest(attempts - 1, 0)` })
    .where('key', '=', key)
    .where('locked_until', 'is', null)
    .execute();
}

/**
 * Deletes a few counters whose window and lock have both passed. Rows another attempt holds are
 * skipped rather than waited for, so this never blocks or deadlocks a sign-in.
 */
export async function pruneThrottle(trx: Tx, staleBefore: Date, now: Date): Promise<void> {
  await sql`DELETE FROM login_throttle WHERE key IN (
      SELECT key FROM login_throttle
      WHERE window_started_at < ${staleBefore} AND (locked_until IS NULL OR locked_until < ${now})
      LIMIT 100 FOR UPDATE SKIP LOCKED)`.execute(trx);
}
