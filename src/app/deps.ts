import type { Clock } from '../core/clock.js';
import type { Config } from '../config.js';
import type { Db } from '../storage/db.js';
import type { Log } from './log.js';
import type { FieldCrypto } from './crypto/field-cipher.js';

/** Everything a use case may touch, passed explicitly; wired once in src/main.ts. */
export type Deps = {
  db: Db;
  clock: Clock;
  log: Log;
  config: Config;
  /** Encrypts and hashes parties' contact data. */
  crypto: FieldCrypto;
};
