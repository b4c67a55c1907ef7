import type { Config } from './config.js';
import type { Deps } from './app/deps.js';
import { manualClock, type Clock } from './core/clock.js';
import { systemClock } from './app/system-clock.js';
import { createLog } from './app/log.js';
import { createDb } from './storage/db.js';
import { mkdirSync } from 'node:fs';
import { loadFieldCrypto } from './app/crypto/load-data-key.js';

/** Config → database (migrated) → the explicit dependency object shared by server, CLI and jobs. */
export async function openDeps(
  config: Config,
  clock: Clock = config.testClock ? manualClock(new Date()) : systemClock,
): Promise<Deps> {
  if (config.database.kind === 'pglite' && config.database.dir) mkdirSync(config.database.dir, { recursive: true });
  const log = createLog(config.logLevel);
  const db = await createDb(config.database, config.appRole, log);
  return { db, clock, log, config, crypto: loadFieldCrypto(config, log) };
}
