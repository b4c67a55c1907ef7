import type { Deps } from '../deps.js';
import { DomainError } from '../../core/errors.js';
import { systemScope } from '../../storage/db.js';
import { appendAudit } from '../../storage/audit.repo.js';
import type { PartnerKey } from '../../storage/partner-keys.repo.js';
import { authenticatePartner } from './partner-keys.js';

export type { PartnerKey };

/** The partner behind an api_key: required keys must be present and live (403 otherwise, as the spec says). */
export async function partnerFor(
  deps: Deps,
  apiKey: string | undefined,
  required: boolean,
): Promise<PartnerKey | undefined> {
  if (!apiKey) {
    if (required) throw new DomainError('Forbidden', 'api_key is required to create a request');
    return undefined;
  }
  const key = await authenticatePartner(deps, apiKey);
  if (!key) throw new DomainError('Forbidden', 'api_key is not valid or has been revoked');
  return key;
}

/**
 * An Open311 read: it needs no key, but a presented key must be live, and then the call is recorded
 * in the audit chain under that partner (writes are audited by their own use case).
 */
export async function partnerRead<T>(
  deps: Deps,
  apiKey: string | undefined,
  call: { action: string; target: string; requestId: string | null },
  read: (key: PartnerKey | undefined) => Promise<T>,
): Promise<T> {
  const key = await partnerFor(deps, apiKey, false);
  const value = await read(key);
  if (key)
    await deps.db.tx(systemScope, (trx) =>
      appendAudit(trx, {
        at: deps.clock.now(),
        actorId: null,
        actorName: `partner:${key.id}`,
        action: call.action,
        target: call.target,
        outcome: 'ok',
        requestId: call.requestId,
        // The partner's reads are its jurisdiction's: the key's region.
        regionPath: key.regionPath,
      }),
    );
  return value;
}
