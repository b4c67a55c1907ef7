import type { Command } from 'commander';
import { randomBytes } from 'node:crypto';
import { withDeps } from '../with-deps.js';
import { DomainError } from '../../core/errors.js';
import { createFieldCrypto } from '../../app/crypto/field-cipher.js';
import { loadKeyRing, writeKeyFile } from '../../app/crypto/load-data-key.js';
import { envelopesNotUnderCurrentKey, reencryptUnderCurrentKey } from '../../app/crypto/rotate-data-key.js';

/** The next key id after the ring's: k1 → k2. */
const nextKeyId = (ids: string[]) => `k${Math.max(0, ...ids.map((id) => Number(/^k(\d+)$/.exec(id)?.[1] ?? 0))) + 1}`;

/**
 * `civicgrid keys rotate`: adds a new data key to the key file (kept beside the old ones) and
 * re-encrypts parties' data and TOTP secrets under it, in batches with progress. When a previous
 * rotation did not finish, it finishes that one instead of adding yet another key. With the key
 * in CIVICGRID_DATA_KEY the operator appends the new key there (`civicgrid keys generate`).
 */
export function registerKeys(program: Command): void {
  const keys = program.command('keys').description('the data key that encrypts parties’ contact data');
  keys
    .command('generate')
    .description('print a new random data key (base64 of 32 bytes) to append to CIVICGRID_DATA_KEY as id:key')
    .action(() => {
      process.stdout.write(`${randomBytes(32).toString('base64')}\n`);
    });
  keys
    .command('rotate')
    .description('re-encrypt all contact data and TOTP secrets under a new key; safe to run again after a stop')
    .option('--batch <n>', 'rows per transaction', (v) => Number.parseInt(v, 10), 500)
    .action((opts: { batch: number }) =>
      withDeps(async (deps) => {
        let current = deps;
        if ((await envelopesNotUnderCurrentKey(deps)) === 0) {
          const config = deps.config;
          if (config.dataKey.kind === 'inline')
            throw new DomainError(
              'Conflict',
              `everything is under key ${deps.crypto.keyId} already. The key comes from CIVICGRID_DATA_KEY: append a new one as k2:<key> (civicgrid keys generate) and run again`,
            );
          const ring = loadKeyRing(config, deps.log.warn);
          const id = nextKeyId(Object.keys(ring.keys));
          const next = { current: id, keys: { ...ring.keys, [id]: randomBytes(32) } };
          writeKeyFile(config.dataKey.path, next);
          process.stdout.write(`added data key ${id} to ${config.dataKey.path} (older keys kept for reading)\n`);
          current = { ...deps, crypto: createFieldCrypto(next, config.cipher) };
        } else {
          process.stdout.write(`finishing the rotation to key ${deps.crypto.keyId}\n`);
        }
        const r = await reencryptUnderCurrentKey(current, {
          batchSize: opts.batch,
          onProgress: (p) => process.stdout.write(`${p.table}: ${p.done} of ${p.total} re-encrypted\n`),
        });
        process.stdout.write(
          `done: ${r.parties} party rows and ${r.totpSecrets} TOTP secrets are under key ${current.crypto.keyId}. ` +
            'Restart running servers so they write with it; remove older keys from the ring once no backup needs them.\n',
        );
      }),
    );
}
