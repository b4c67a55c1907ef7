import { randomBytes } from 'node:crypto';
import type { Deps } from '../src/app/deps.js';
import type { Db } from '../src/storage/db.js';
import type { Clock } from '../src/core/clock.js';
import { systemClock } from '../src/app/system-clock.js';
import { loadConfig } from '../src/config.js';
import { createLog } from '../src/app/log.js';
import { createFieldCrypto } from '../src/app/crypto/field-cipher.js';

/** Deps for a test: a quiet log, config from the given env, a fresh random data key. */
export function testDeps(db: Db, opts: { clock?: Clock; env?: Record<string, string> } = {}): Deps {
  const config = loadConfig({ ...opts.env });
  return {
    db,
    clock: opts.clock ?? systemClock,
    log: createLog(process.env.TEST_LOG === '1' ? 'debug' : 'silent'),
    config,
    crypto: createFieldCrypto({ current: 'test', keys: { test: randomBytes(32) } }, config.cipher),
  };
}
