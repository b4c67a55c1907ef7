import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { Config } from '../../config.js';
import { createFieldCrypto, type FieldCrypto, type KeyRing } from './field-cipher.js';

type Logger = (msg: string, data?: Record<string, unknown>) => void;

/**
 * A key ring as written in CIVICGRID_DATA_KEY or the key file: entries `id:base64` separated by
 * new lines or commas, the last one current; a single bare base64 key is `k1` (the first format).
 * Old keys stay in the ring so rows not yet re-encrypted can still be read.
 */
export function parseKeyRing(text: string): KeyRing {
  const entries = text
    .split(/[\n,]/)
    .map((s) => s.trim())
    .filter((s) => s && !s.startsWith('#'));
  if (entries.length === 0) throw new Error('the data key is empty');
  const keys: Record<string, Buffer> = {};
  let current = '';
  for (const entry of entries) {
    const m = /^([A-Za-z0-9_-]{1,16}):(.+)$/.exec(entry);
    const [id, b64] = m ? [m[1]!, m[2]!] : entries.length === 1 ? ['k1', entry] : ['', ''];
    if (!id) throw new Error('a data key ring of several keys names each one: id:base64');
    const key = Buffer.from(b64, 'base64');
    if (key.length !== 32) throw new Error(`data key ${id} must be 32 bytes (base64 of 32 random bytes)`);
    keys[id] = key;
    current = id;
  }
  return { current, keys };
}

export const formatKeyRing = (ring: KeyRing): string =>
  `${Object.entries(ring.keys)
    .filter(([id]) => id !== ring.current)
    .concat([[ring.current, ring.keys[ring.current]!]])
    .map(([id, k]) => `${id}:${k.toString('base64')}`)
    .join('\n')}\n`;

/** Where the key came from, in words for the start-up log (never the key itself). */
export function keySource(config: Config): { source: string; file?: string; insideDataDir: boolean } {
  if (config.dataKey.kind === 'inline') return { source: 'CIVICGRID_DATA_KEY', insideDataDir: false };
  const file = config.dataKey.path;
  const insideDataDir = !path.relative(config.dataDir, file).startsWith('..');
  return { source: config.dataKey.explicit ? 'CIVICGRID_DATA_KEY_FILE' : 'default key file', file, insideDataDir };
}

/** The configured key ring: inline (CIVICGRID_DATA_KEY) or read from the key file, made on first start. */
export function loadKeyRing(config: Config, warn: Logger): KeyRing {
  if (config.dataKey.kind === 'inline') return parseKeyRing(config.dataKey.base64);
  return parseKeyRing(readOrCreate(config.dataKey.path, warn));
}

/**
 * The field crypto from the configured key, saying once where the key came from and which key
 * seals new data. A key file inside DATA_DIR is a warning: a copy of the data folder then carries
 * the key beside the data it protects. A missing key file is created with a fresh random key
 * (mode 0600) so `npm start` works on a fresh machine.
 */
export function loadFieldCrypto(config: Config, log: { info: Logger; warn: Logger }): FieldCrypto {
  const ring = loadKeyRing(config, log.warn);
  const where = keySource(config);
  log.info('data key loaded', {
    source: where.source,
    ...(where.file ? { file: where.file } : {}),
    keyIds: Object.keys(ring.keys),
    current: ring.current,
  });
  if (where.insideDataDir)
    log.warn('the data key lies inside DATA_DIR: keep it elsewhere (CIVICGRID_DATA_KEY_FILE or CIVICGRID_DATA_KEY)', {
      source: where.source,
      file: where.file,
    });
  return createFieldCrypto(ring, config.cipher);
}

/** Writes a key file whole or not at all (a temporary file renamed over it), readable by the owner only. */
export function writeKeyFile(file: string, ring: KeyRing): void {
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, formatKeyRing(ring), { mode: 0o600, flag: 'wx' });
  renameSync(tmp, file);
}

function readOrCreate(file: string, warn: Logger): string {
  if (existsSync(file)) return readFileSync(file, 'utf8');
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const key = randomBytes(32).toString('base64');
  writeFileSync(file, `${key}\n`, { mode: 0o600, flag: 'wx' });
  warn('created a new data key: back it up, contact data cannot be read without it', { file });
  return key;
}
