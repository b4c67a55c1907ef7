import { describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { createFieldCrypto } from './field-cipher.js';

const ring = { current: 'k1', keys: { k1: randomBytes(32) } };

describe.each(['aes-256-gcm', 'sm4'] as const)('field crypto with %s', (alg) => {
  const fc = createFieldCrypto(ring, alg);

  it('round-trips and never repeats a ciphertext', () => {
    const a = fc.encrypt('13812345678');
    const b = fc.encrypt('13812345678');
    expect(a).not.toBe(b);
    expect(a).not.toContain('13812345678');
    expect(fc.decrypt(a)).toBe('13812345678');
    expect(fc.decrypt(fc.encrypt('南京市雨花台区雨花西路88号'))).toBe('南京市雨花台区雨花西路88号');
  });

  it('refuses a tampered envelope', () => {
    const parts = fc.encrypt('320102199001011234').split('.');
    const ct = Buffer.from(parts[5]!, 'base64url');
    ct[0] = ct[0]! ^ 1;
    parts[5] = ct.toString('base64url');
    expect(() => fc.decrypt(parts.join('.'))).toThrow();
  });

  it('reads envelopes written under an older key after rotation', () => {
    const old = fc.encrypt('old secret');
    const rotated = createFieldCrypto({ current: 'k2', keys: { ...ring.keys, k2: randomBytes(32) } }, alg);
    expect(rotated.decrypt(old)).toBe('old secret');
  });
});

describe('keyed hashes', () => {
  const fc = createFieldCrypto(ring);
  it('match the same number however it was typed, and nothing else', () => {
    expect(fc.hash('138 1234 5678')).toBe(fc.hash('13812345678'));
    expect(fc.hash('32010219900101123x')).toBe(fc.hash('32010219900101123X'));
    expect(fc.hash('13812345678')).not.toBe(fc.hash('13812345679'));
    expect(createFieldCrypto({ current: 'k', keys: { k: randomBytes(32) } }).hash('13812345678')).not.toBe(
      fc.hash('13812345678'),
    );
  });
});
