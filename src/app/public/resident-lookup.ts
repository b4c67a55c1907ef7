import type { Deps } from '../deps.js';
import { DomainError } from '../../core/errors.js';
import { normaliseTrackingCode } from '../../core/tracking/tracking-code.js';
import { systemScope, type Tx } from '../../storage/db.js';
import { applicantHasLast4, caseByTrackingCode } from '../../storage/public-cases.repo.js';
import { reserve, type PublicGuards } from './public-guards.js';

export type ResidentKey = { code: string; phoneLast4: string };
export type ResidentCase = NonNullable<Awaited<ReturnType<typeof caseByTrackingCode>>>;

/** One answer for an unknown code and a wrong phone, so the pair cannot be probed half by half. */
const noMatch = () => new DomainError('NotFound', 'no case matches this tracking code and phone number');

/**
 * Finds the case a resident names by its tracking code and the last four digits of their phone.
 * Both halves must match. Failures count per IP and per code; past the limit every attempt,
 * right or wrong, answers 429 until the window moves on (a limit that let right guesses through
 * would confirm them). The attempt is reserved as a failure before the lookup and taken back
 * when it matches, so parallel guesses meet the limit as sequential ones do.
 */
export async function findResidentCase(
  deps: Deps,
  guards: PublicGuards,
  ip: string,
  key: ResidentKey,
  trx?: Tx,
): Promise<ResidentCase> {
  const code = normaliseTrackingCode(key.code);
  const codeKey = code ?? key.code.toUpperCase().slice(0, 40);
  const now = deps.clock.now().getTime();
  const release = reserve(now, [
    [guards.lookupByIp, ip],
    [guards.lookupByCode, codeKey],
  ]);
  const last4Hash = deps.crypto.hash(`last4:${key.phoneLast4}`);
  const lookup = async (t: Tx) => {
    const row = code ? await caseByTrackingCode(t, code) : undefined;
    const matches = row ? await applicantHasLast4(t, Number(row.id), last4Hash) : false;
    return matches ? row : undefined;
  };
  // The resident has no jurisdiction: the code and the phone digits are the key, checked here.
  const found = trx ? await lookup(trx) : await deps.db.tx(systemScope, lookup);
  if (!found) throw noMatch();
  release();
  return found;
}
