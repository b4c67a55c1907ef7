import type { Config } from '../../config.js';
import { DomainError } from '../../core/errors.js';
import { createRateLimiter, type RateLimiter } from './rate-limiter.js';

/** The limiters of one node's portal: failed lookups per IP and per code, submissions per IP. */
export type PublicGuards = { lookupByIp: RateLimiter; lookupByCode: RateLimiter; submissionsByIp: RateLimiter };

/** Limiters sized by the configuration (defaults: 10 failed lookups / 10 min; 5 submissions / hour). */
export function createPublicGuards(config: Config): PublicGuards {
  return {
    lookupByIp: createRateLimiter(config.public.lookupFailures),
    lookupByCode: createRateLimiter(config.public.lookupFailures),
    submissionsByIp: createRateLimiter(config.public.submissions),
  };
}

/**
 * Reserves one attempt on each (limiter, key) pair, or refuses with TooManyAttempts (429, Retry-After)
 * when any is exhausted. The check and the count happen in one synchronous step, before the attempt
 * awaits anything: parallel requests cannot all pass the check before the first is counted. The
 * returned function takes the reservation back, for an attempt that turns out not to count.
 */
export function reserve(nowMs: number, checks: [RateLimiter, string][]): () => void {
  ensureAllowed(nowMs, checks);
  for (const [l, k] of checks) l.hit(k, nowMs);
  return () => {
    for (const [l, k] of checks) l.release(k, nowMs);
  };
}

function ensureAllowed(nowMs: number, checks: [RateLimiter, string][]): void {
  const waits = checks.map(([l, k]) => l.blockedFor(k, nowMs)).filter((w): w is number => w !== null);
  if (waits.length === 0) return;
  const retryAfterSeconds = Math.max(1, Math.ceil(Math.max(...waits) / 1000));
  throw new DomainError('TooManyAttempts', 'too many attempts; please wait and try again', { retryAfterSeconds });
}
