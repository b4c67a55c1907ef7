import type { Deps } from '../deps.js';
import type { Tx } from '../../storage/db.js';
import { systemScope } from '../../storage/db.js';
import { DomainError } from '../../core/errors.js';
import {
  pendingSignInMs,
  readSecondFactor,
  reserveAttempt,
  retryAfterSeconds,
  type ThrottleKey,
} from '../../core/auth/sign-in.js';
import { lockThrottleRows, writeThrottleRows } from '../../storage/login-throttle.repo.js';
import { appendAudit } from '../../storage/audit.repo.js';
import { insertSession } from '../../storage/sessions.repo.js';
import { acceptTimeStep, findTotp, insertChallenge, spendRecoveryCode } from '../../storage/two-factor.repo.js';
import { hashToken, newSessionToken } from './session-token.js';
import { hashRecoveryCode, totpTimeStep } from './totp.js';

/** Who is signing in, as the steps after the password know them; the jurisdiction files the audit record. */
export type SignInUser = { id: number | null; username: string; scopePath?: string | null };
export type SignInMeta = { requestId: string | null; address: string };

/** The same refusal for a locked pair, a locked account and a locked name that does not exist. */
export const tooManyAttempts = (lockedUntil: Date, now: Date) =>
  new DomainError('TooManyAttempts', 'too many failed sign-ins; try again later', {
    retryAfterSeconds: retryAfterSeconds(lockedUntil, now),
  });

/**
 * Reserves one attempt on each counter in a transaction of its own, committed before any secret
 * is compared: parallel requests are counted one by one under the row locks, and a refused attempt
 * compares nothing. Throws TooManyAttempts while a counter is locked.
 */
export async function reserveOrRefuse(deps: Deps, keys: ThrottleKey[], now: Date): Promise<void> {
  const r = await deps.db.tx(systemScope, async (trx) => {
    const reservation = reserveAttempt(await lockThrottleRows(trx, keys, now), now, deps.config.login.lockMs);
    if (reservation.allowed) await writeThrottleRows(trx, reservation.rows);
    return reservation;
  });
  if (!r.allowed) throw tooManyAttempts(r.lockedUntil, now);
}

/** An audit record of a sign-in step; the name is the one typed, cut to size. */
export function signInAudit(
  deps: Deps,
  user: SignInUser,
  action: string,
  outcome: 'ok' | 'denied',
  meta: SignInMeta,
  details: Record<string, unknown> = {},
) {
  const name = user.username.slice(0, 64);
  return {
    at: deps.clock.now(),
    actorId: user.id,
    actorName: name,
    action,
    target: `user:${name}`,
    outcome,
    requestId: meta.requestId,
    details: { address: meta.address, ...details },
    // An unknown name has no jurisdiction: its record is the system's.
    regionPath: user.scopePath ?? null,
  };
}

/** Records a refused step in a transaction of its own (the step's own changes, if any, were not made). */
export async function auditRefusal(
  deps: Deps,
  user: SignInUser,
  action: string,
  meta: SignInMeta,
  details: Record<string, unknown>,
): Promise<void> {
  await deps.db.tx(systemScope, (trx) => appendAudit(trx, signInAudit(deps, user, action, 'denied', meta, details)));
}

/** A full session for the user; the cookie gets the token, the table its hash. */
export async function openSession(trx: Tx, userId: number, now: Date): Promise<string> {
  const token = newSessionToken();
  await insertSession(trx, hashToken(token), userId, now);
  return token;
}

/** The short-lived token between a correct password and the second factor (or the enrolment). */
export async function openChallenge(trx: Tx, userId: number, purpose: 'code' | 'enrol', now: Date) {
  const token = newSessionToken();
  const expiresAt = new Date(now.getTime() + pendingSignInMs);
  await insertChallenge(trx, hashToken(token), { userId, purpose, createdAt: now, expiresAt });
  return { pendingToken: token, expiresAt };
}

export type CodeCheck = { ok: true; method: 'totp' | 'recovery'; recoveryLeft?: number } | { ok: false };

/**
 * Checks a second-factor entry inside the caller's transaction: a TOTP code whose time step is
 * later than the last accepted one (spent here), or an unused recovery code (spent here). The
 * caller reserved the attempt on the code counter before.
 */
export async function checkSecondFactor(
  deps: Deps,
  trx: Tx,
  userId: number,
  raw: string,
  now: Date,
  { enrolling = false } = {},
): Promise<CodeCheck> {
  const entry = readSecondFactor(raw);
  if (!entry) return { ok: false };
  if (entry.kind === 'recovery') {
    if (enrolling) return { ok: false };
    const left = await spendRecoveryCode(trx, userId, hashRecoveryCode(entry.code), now);
    return left === null ? { ok: false } : { ok: true, method: 'recovery', recoveryLeft: left };
  }
  const totp = await findTotp(trx, userId);
  if (!totp || totp.confirmed === enrolling) return { ok: false };
  const step = await totpTimeStep(deps.crypto.decrypt(totp.secretEnc), entry.code, now);
  if (step === null || !(await acceptTimeStep(trx, userId, step, now))) return { ok: false };
  return { ok: true, method: 'totp' };
}
