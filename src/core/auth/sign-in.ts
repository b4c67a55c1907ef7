import type { Role } from '../../contract/common.js';

/**
 * Sign-in rules as data and pure functions (issue 11, points 7 and 12). The use cases in
 * src/app/auth apply them to the counters and secrets the storage holds.
 */

/** 三员: the system, security and audit administrators must always sign in with a second factor. */
export const mandatorySecondFactorRoles = ['admin', 'security', 'auditor'] as const satisfies readonly Role[];

/** Whether an account with these roles must have a second factor, given the deployment's extra roles. */
export function secondFactorRequired(roles: readonly Role[], extraRoles: readonly Role[]): boolean {
  const required: readonly Role[] = [...mandatorySecondFactorRoles, ...extraRoles];
  return roles.some((r) => required.includes(r));
}

/** The three administrators' second factor is reset only by the operator at the server (the CLI). */
export function secondFactorResetNeedsOperator(targetRoles: readonly Role[]): boolean {
  return targetRoles.some((r) => (mandatorySecondFactorRoles as readonly Role[]).includes(r));
}

/** The steps after a correct password: a code, or the enrolment of a first second factor. */
export const SIGN_IN_STEPS = ['code', 'enrol'] as const;
export type SignInStep = (typeof SIGN_IN_STEPS)[number];

/** How long the token between a correct password and the second factor lives. */
export const pendingSignInMs = 10 * 60_000;

export type ThrottleLimits = {
  /** Failures for one name from one address before that pair is locked. */
  perPair: number;
  /** Failures for one name from all addresses together. */
  perAccount: number;
  /** Failures from one address over all names. */
  perAddress: number;
};
export type ThrottleKey = { key: string; max: number };

/**
 * The counters one password attempt reserves. They are keyed by the name as typed (normalised),
 * not by an account id, so a name that does not exist is throttled exactly like one that does.
 * Locking a pair stops one address from guessing one account without locking the owner out
 * elsewhere; the account-wide ceiling (higher) stops guessing spread over many addresses, and the
 * owner passes even that with a valid second factor.
 */
export function passwordThrottleKeys(username: string, address: string, limits: ThrottleLimits): ThrottleKey[] {
  const name = normaliseUsername(username);
  return [
    { key: `account:${name}`, max: limits.perAccount },
    { key: `address:${address}`, max: limits.perAddress },
    { key: `pair:${name}|${address}`, max: limits.perPair },
  ].sort((a, b) => (a.key < b.key ? -1 : 1));
}

/** A throttle counter as stored. */
export type ThrottleRow = { key: string; attempts: number; windowStartedAt: Date; lockedUntil: Date | null };

export type Reservation = { allowed: true; rows: ThrottleRow[] } | { allowed: false; lockedUntil: Date };

/**
 * One attempt against locked counter rows: refused while any of them is locked (and then nothing is
 * counted, so a flood from one address does not spend the account-wide allowance); otherwise every
 * counter goes up by one and a counter that reaches its maximum locks for `lockMs`. A counter whose
 * lock has ended, or whose window is older than `lockMs`, starts again from zero.
 */
export function reserveAttempt(rows: (ThrottleRow & { max: number })[], now: Date, lockMs: number): Reservation {
  const current = rows.map((r) => {
    const fresh = r.lockedUntil ? r.lockedUntil <= now : r.windowStartedAt.getTime() <= now.getTime() - lockMs;
    return fresh ? { ...r, attempts: 0, windowStartedAt: now, lockedUntil: null } : r;
  });
  const locks = current.flatMap((r) => (r.lockedUntil ? [r.lockedUntil.getTime()] : []));
  if (locks.length > 0) return { allowed: false, lockedUntil: new Date(Math.max(...locks)) };
  return {
    allowed: true,
    rows: current.map(({ max, ...r }) => ({
      ...r,
      attempts: r.attempts + 1,
      lockedUntil: r.attempts + 1 >= max ? new Date(now.getTime() + lockMs) : null,
    })),
  };
}

/** The counter for second-factor guesses on one name, over all addresses. */
export const codeThrottleKey = (username: string, max: number): ThrottleKey => ({
  key: `code:${normaliseUsername(username)}`,
  max,
});

/** Keys a correct password clears: the account's own counters, not the address's (it may be spraying). */
export const accountKeys = (keys: ThrottleKey[]): string[] =>
  keys.filter((k) => !k.key.startsWith('address:')).map((k) => k.key);

export const normaliseUsername = (username: string): string => username.trim().toLowerCase().slice(0, 64);

/** Whole seconds until a lock ends, at least 1. */
export const retryAfterSeconds = (lockedUntil: Date, now: Date): number =>
  Math.max(1, Math.ceil((lockedUntil.getTime() - now.getTime()) / 1000));

export const recoveryCodeCount = 10;

/** A second-factor entry: six digits from the authenticator app, or a recovery code (16 base32 letters). */
export type SecondFactorEntry = { kind: 'totp'; code: string } | { kind: 'recovery'; code: string } | null;

/** Reads what the user typed, ignoring spaces and dashes and case. */
export function readSecondFactor(raw: string): SecondFactorEntry {
  const compact = raw.replace(/[\s-]/g, '').toLowerCase();
  if (/^\d{6}$/.test(compact)) return { kind: 'totp', code: compact };
  if (/^[a-z2-7]{16}$/.test(compact)) return { kind: 'recovery', code: compact };
  return null;
}

/** A recovery code as shown: four groups of four. */
export const formatRecoveryCode = (compact: string): string => compact.match(/.{1,4}/g)?.join('-') ?? compact;
