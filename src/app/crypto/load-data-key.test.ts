import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.js';
import { loadFieldCrypto, parseKeyRing, writeKeyFile } from './load-data-key.js';

const dir = mkdtempSync(path.join(tmpdir(), 'civicgrid-key-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const logged = () => {
  const lines: { level: string; msg: string; data?: Record<string, unknown> }[] = [];
  return {
    lines,
    log: {
      info: (msg: string, data?: Record<string, unknown>) => lines.push({ level: 'info', msg, data }),
      warn: (msg: string, data?: Record<string, unknown>) => lines.push({ level: 'warn', msg, data }),
    },
  };
};

describe('the data key (issue 11, point 14)', () => {
  const k1 = randomBytes(32).toString('base64');
  const k2 = randomBytes(32).toString('base64');

  it('reads a bare key as k1 and a ring of id:key entries with the last one current', () => {
    expect(parseKeyRing(`${k1}\n`).current).toBe('k1');
    const ring = parseKeyRing(`k1:${k1},k2:${k2}`);
    expect(ring.current).toBe('k2');
    expect(Object.keys(ring.keys)).toEqual(['k1', 'k2']);
    expect(() => parseKeyRing(`${k1}\n${k2}`)).toThrow(/names each one/);
    expect(() => parseKeyRing('k1:c2hvcnQ=')).toThrow(/32 bytes/);
  });

  it('says where the key came from and never the key', () => {
    const env = logged();
    const crypto = loadFieldCrypto(loadConfig({ DATA_DIR: dir, CIVICGRID_DATA_KEY: `k1:${k1},k2:${k2}` }), env.log);
    expect(crypto.keyId).toBe('k2');
    expect(env.lines).toEqual([
      {
        level: 'info',
        msg: 'data key loaded',
        data: { source: 'CIVICGRID_DATA_KEY', keyIds: ['k1', 'k2'], current: 'k2' },
      },
    ]);
    expect(JSON.stringify(env.lines)).not.toContain(k1.slice(0, 12));

    const outside = path.join(dir, 'elsewhere', 'civicgrid.key');
    writeKeyFile(outside, parseKeyRing(k1));
    const file = logged();
    const dataDir = path.join(dir, 'data');
    loadFieldCrypto(loadConfig({ DATA_DIR: dataDir, CIVICGRID_DATA_KEY_FILE: outside }), file.log);
    expect(file.lines.map((l) => [l.level, l.data?.source])).toEqual([['info', 'CIVICGRID_DATA_KEY_FILE']]);
    expect(readFileSync(outside, 'utf8')).toBe(`k1:${k1}\n`);

    const inside = logged();
    loadFieldCrypto(loadConfig({ DATA_DIR: dataDir }), inside.log);
    expect(inside.lines.map((l) => [l.level, l.msg.slice(0, 30)])).toEqual([
      ['warn', 'created a new data key: back i'],
      ['info', 'data key loaded'],
      ['warn', 'the data key lies inside DATA_'],
    ]);
  });
});
