import type { Deps } from '../deps.js';
import { systemScope } from '../../storage/db.js';
import { countPartiesNotUnderKey, partiesNotUnderKey, storeResealedParty } from '../../storage/parties.repo.js';
import { countTotpNotUnderKey, setTotpSecret, totpSecretsNotUnder } from '../../storage/two-factor.repo.js';
import { protectParties } from '../cases/protect-parties.js';

export type RotationProgress = { table: 'case_parties' | 'user_totp'; done: number; total: number };

/** How many envelopes still name another key than the current one (0: nothing left to rotate). */
export async function envelopesNotUnderCurrentKey(deps: Deps): Promise<number> {
  return deps.db.tx(systemScope, async (trx) => {
    const parties = await countPartiesNotUnderKey(trx, deps.crypto.keyId);
    return parties + (await countTotpNotUnderKey(trx, deps.crypto.keyId));
  });
}

/**
 * Re-encrypts parties' contact data and TOTP secrets under the current key, in batches of one
 * transaction each, reporting progress after every batch. Parties' matching hashes are recomputed
 * from the plaintext with the current key in the same write (they are keyed too). Each row names
 * its key in its envelopes, so a rotation stopped anywhere (`signal`, a crash) loses at most the
 * batch in flight, and running it again finds exactly the rows left. The ring must still hold
 * the old keys.
 */
export async function reencryptUnderCurrentKey(
  deps: Deps,
  opts: { batchSize: number; onProgress?: (p: RotationProgress) => void; signal?: AbortSignal },
): Promise<{ parties: number; totpSecrets: number }> {
  const keyId = deps.crypto.keyId;
  const open = (v: string | null) => (v === null ? undefined : deps.crypto.decrypt(v));
  const [partiesTotal, totpTotal] = await deps.db.tx(systemScope, async (trx) => [
    await countPartiesNotUnderKey(trx, keyId),
    await countTotpNotUnderKey(trx, keyId),
  ]);
  const parties = await inBatches(deps, opts, 'case_parties', partiesTotal, async (trx, after) => {
    const rows = await partiesNotUnderKey(trx, keyId, after, opts.batchSize);
    for (const r of rows) {
      // The intake's own protectParties seals and hashes, so a rotated row equals a new one.
      const [sealed] = protectParties(deps.crypto, r.caseId, [
        {
          role: r.role,
          name: r.name,
          phone: open(r.phoneEnc),
          idNumber: open(r.idNumberEnc),
          address: open(r.addressEnc),
          email: open(r.emailEnc),
        },
      ]);
      await storeResealedParty(trx, r.id, sealed!);
    }
    return rows.map((r) => r.id);
  });
  const totpSecrets = await inBatches(deps, opts, 'user_totp', totpTotal, async (trx, after) => {
    const rows = await totpSecretsNotUnder(trx, keyId, after, opts.batchSize);
    for (const r of rows) await setTotpSecret(trx, r.userId, deps.crypto.encrypt(deps.crypto.decrypt(r.secretEnc)));
    return rows.map((r) => r.userId);
  });
  return { parties, totpSecrets };
}

async function inBatches(
  deps: Deps,
  opts: { onProgress?: (p: RotationProgress) => void; signal?: AbortSignal },
  table: RotationProgress['table'],
  total: number,
  batch: (trx: Parameters<Parameters<Deps['db']['tx']>[1]>[0], afterId: number) => Promise<number[]>,
): Promise<number> {
  let after = 0;
  let done = 0;
  while (!opts.signal?.aborted) {
    const ids = await deps.db.tx(systemScope, (trx) => batch(trx, after));
    if (ids.length === 0) break;
    after = ids[ids.length - 1]!;
    done += ids.length;
    opts.onProgress?.({ table, done, total: Math.max(total, done) });
  }
  return done;
}
