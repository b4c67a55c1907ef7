import { createHash } from 'node:crypto';
import type { Deps } from '../deps.js';
import type { PublicSubmitInput } from '../../contract/public.js';
import { DomainError } from '../../core/errors.js';
import { submitCase } from '../cases/submit-case.js';
import { type CheckedFormToken, checkFormToken, spendCheckedToken } from './form-token.js';
import { reserve, type PublicGuards } from './public-guards.js';
import { publicCtx } from './public-actor.js';
import { countyCentreFor } from './receiving-centre.js';

/**
 * A resident files a case online (网上受理): the honeypot must be empty, the form token signed, old
 * enough and not spent, and the IP under its hourly quota. The case enters through the one intake use
 * case, channel `online`, registered by the portal acting for the county centre (audited as 'public');
 * the token is spent in the case's transaction. A retry with the same token and idempotency key
 * returns the case it filed.
 */
export async function submitPublicCase(
  deps: Deps,
  guards: PublicGuards,
  ip: string,
  input: PublicSubmitInput,
  idempotencyKey: string,
  requestId: string | null,
): Promise<{ trackingCode: string }> {
  if (input.website) throw new DomainError('ValidationFailed', 'the form could not be accepted', { field: 'website' });
  const token = checkFormToken(deps, input.formToken);
  const nowMs = deps.clock.now().getTime();
  // reserved before anything awaits, so parallel submissions meet the quota; taken back on failure
  const release = reserve(nowMs, [[guards.submissionsByIp, ip]]);
  try {
    return await submit(deps, input, token, idempotencyKey, requestId);
  } catch (e) {
    release();
    throw e;
  }
}

async function submit(
  deps: Deps,
  input: PublicSubmitInput,
  token: CheckedFormToken,
  idempotencyKey: string,
  requestId: string | null,
): Promise<{ trackingCode: string }> {
  const { centre } = await countyCentreFor(deps, input.regionCode);
  // Residents choose their own keys: bind the key to the form token so nobody can replay another's key.
  const key = `pub:${createHash('sha256').update(`${input.formToken}|${idempotencyKey}`).digest('hex').slice(0, 48)}`;
  const detail = await submitCase(
    publicCtx(deps, centre, requestId),
    {
      kind: input.kind,
      channel: 'online',
      title: input.title ?? titleFrom(input.description),
      description: input.description,
      categoryCode: input.categoryCode,
      complexity: 'general',
      regionCode: input.regionCode,
      point: input.point,
      address: input.address,
      parties: [{ role: 'applicant', name: input.contact.name, phone: input.contact.phone }],
      attachments: [],
    },
    key,
    { inTransaction: (trx) => spendCheckedToken(trx, token, deps.clock.now()) },
  );
  return { trackingCode: detail.trackingCode };
}

/** A title for staff lists when the resident gave none: the description's first line, shortened. */
const titleFrom = (description: string) => {
  const first = [...description.split(/\r?\n/)[0]!.trim()];
  return first.length > 30 ? `${first.slice(0, 30).join('')}…` : first.join('').padEnd(2, '。');
};
