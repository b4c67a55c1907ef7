import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { Config } from '../../config.js';
import { createFieldCrypto, type FieldCrypto } from './field-cipher.js';

/**
 * The field crypto from the configured key: inline (CIVICGRID_DATA_KEY) or a key file. A missing
 * key file is created with a fresh random key (mode 0600) so `npm start` works on a fresh machine;
 * losing that file makes the stored contact data unreadable, which the log says once.
 */
export function loadFieldCrypto(
  config: Config,
  warn: (msg: string, data?: Record<string, unknown>) => void,
): FieldCrypto {
  const key =
    config.dataKey.kind === 'inline'
      ? Buffer.from(config.dataKey.base64, 'base64')
      : readOrCreate(config.dataKey.path, warn);
  if (key.length !== 32) throw new Error('the data key must be 32 bytes (base64 of 32 random bytes)');
  return createFieldCrypto({ current: 'k1', keys: { k1: key } }, config.cipher);
}

function readOrCreate(file: string, warn: (msg: string, data?: Record<string, unknown>) => void): Buffer {
  if (existsSync(file)) return Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const key = randomBytes(32);
  writeFileSync(file, `${key.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  warn('created a new data key: back it up, contact data cannot be read without it', { file });
  return key;
}
