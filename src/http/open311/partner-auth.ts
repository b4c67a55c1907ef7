import type { Deps } from '../../app/deps.js';
import { authenticatePartner } from '../../app/partners/partner-keys.js';
import { DomainError } from '../../core/errors.js';
import { systemScope } from '../../storage/db.js';
import { appendAudit } from '../../storage/audit.repo.js';
import type { PartnerKey } from '../../storage/partner-keys.repo.js';

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

/** Records a partner's read in the audit chain (writes are audited by the use case itself). */
export async function auditPartnerCall(
  deps: Deps,
  key: PartnerKey,
  action: string,
  target: string,
  requestId: string | null,
): Promise<void> {
  await deps.db.tx(systemScope, (trx) =>
    appendAudit(trx, {
      at: deps.clock.now(),
      actorId: null,
      actorName: `partner:${key.id}`,
      action,
      target,
      outcome: 'ok',
      requestId,
    }),
  );
}
