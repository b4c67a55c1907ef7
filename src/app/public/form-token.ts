import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Deps } from '../deps.js';
import { DomainError } from '../../core/errors.js';
import type { Tx } from '../../storage/db.js';
import { spendFormToken } from '../../storage/form-tokens.repo.js';

/** A checked token: its nonce names it, and it is refused for its age after `expiresAt`. */
export type CheckedFormToken = { id: string; expiresAt: Date };

/**
 * Form tokens against scripted spam: `<issued ms>.<nonce>.<signature>`, signed with the keyed hash
 * of the data key, so every node sharing that key can check a token another node issued.
 */
export function issueFormToken(deps: Deps): { token: string; minSubmitSeconds: number } {
  const issued = deps.clock.now().getTime();
  // base36 and base64url: a token never looks like a phone number to the responses' data scan
  const nonce = randomBytes(12).toString('base64url');
  return {
    token: `${issued.toString(36)}.${nonce}.${sign(deps, issued, nonce)}`,
    minSubmitSeconds: deps.config.public.minSubmitMs / 1000,
  };
}

/** Checks a form token's signature and age: a form sent faster than a person types is refused (400). */
export function checkFormToken(deps: Deps, token: string): CheckedFormToken {
  const [issuedText, nonce, signature] = token.split('.');
  const issued = issuedText && /^[0-9a-z]{1,12}$/.test(issuedText) ? parseInt(issuedText, 36) : NaN;
  if (!nonce || !signature || !Number.isSafeInteger(issued) || !sameText(signature, sign(deps, issued, nonce))) {
    throw new DomainError('ValidationFailed', 'the form token is not valid; reload the form', { field: 'formToken' });
  }
  const age = deps.clock.now().getTime() - issued;
  if (age < deps.config.public.minSubmitMs) {
    throw new DomainError('ValidationFailed', 'the form was sent too quickly; please check it and send it again', {
      field: 'formToken',
      reason: 'too_fast',
    });
  }
  if (age > deps.config.public.formTokenTtlMs) {
    throw new DomainError('ValidationFailed', 'the form has expired; reload it', {
      field: 'formToken',
      reason: 'expired',
    });
  }
  return { id: nonce, expiresAt: new Date(issued + deps.config.public.formTokenTtlMs) };
}

/**
 * Spends a checked token in the transaction of the submission it allows, so a token files one case
 * across nodes and restarts; a token already spent is refused (400) and that transaction rolls back.
 */
export async function spendCheckedToken(trx: Tx, token: CheckedFormToken, now: Date): Promise<void> {
  if (!(await spendFormToken(trx, token.id, token.expiresAt, now)))
    throw new DomainError('ValidationFailed', 'this form has been sent already; reload it to file another case', {
      field: 'formToken',
      reason: 'spent',
    });
}

const sign = (deps: Deps, issued: number, nonce: string) =>
  Buffer.from(deps.crypto.hash(`form-token.${issued}.${nonce}`).slice(0, 32), 'hex').toString('base64url');

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a),
    y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
