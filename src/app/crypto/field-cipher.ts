import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Encryption of personal fields at rest (party phone, ID number, address). The envelope names its
 * algorithm and key id, so a key can be rotated and old rows still read:
 *   v1.<alg>.<keyId>.<iv>.<tag>.<ciphertext>   (base64url parts)
 * `aes-256-gcm` is the default; `sm4` (GB/T 32907, SM4-CTR with an HMAC-SM3 tag: Node's OpenSSL
 * has no SM4-GCM) is there for deployments that must use national algorithms.
 */
export type CipherAlgorithm = 'aes-256-gcm' | 'sm4';

export type FieldCrypto = {
  /** The id of the key new envelopes are sealed with (key rotation re-encrypts everything else). */
  keyId: string;
  encrypt(plaintext: string): string;
  decrypt(envelope: string): string;
  /** Keyed hash for matching (same phone → same hash) without storing the phone in the clear. */
  hash(value: string): string;
};

export type KeyRing = { current: string; keys: Record<string, Buffer> };

/** The key id an envelope names (its third part), without opening it. */
export const envelopeKeyId = (envelope: string): string | undefined => envelope.split('.')[2];

/** Builds the field crypto from a key ring; every key is 32 bytes of secret. */
export function createFieldCrypto(ring: KeyRing, algorithm: CipherAlgorithm = 'aes-256-gcm'): FieldCrypto {
  const master = ring.keys[ring.current];
  if (master?.length !== 32) throw new Error(`data key ${ring.current} must be 32 bytes`);
  // Separate keys for separate purposes, derived once: a hash key never doubles as a cipher key.
  const derive = (key: Buffer, info: string, len: number) =>
    Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), info, len));
  const hashKey = derive(master, 'civicgrid/party-hash', 32);
  const keysFor = (keyId: string) => {
    const k = ring.keys[keyId];
    if (!k) throw new Error(`unknown data key ${keyId}`);
    return {
      aes: derive(k, 'civicgrid/aes-256-gcm', 32),
      sm4: derive(k, 'civicgrid/sm4', 16),
      mac: derive(k, 'civicgrid/sm4-mac', 32),
    };
  };
  const b64 = (b: Buffer) => b.toString('base64url');
  return {
    keyId: ring.current,
    encrypt(plaintext) {
      const k = keysFor(ring.current);
      if (algorithm === 'sm4') {
        const iv = randomBytes(16);
        const c = createCipheriv('sm4-ctr', k.sm4, iv);
        const ct = Buffer.concat([c.update(plaintext, 'utf8'), c.final()]);
        const tag = createHmac('sm3', k.mac)
          .update(Buffer.concat([iv, ct]))
          .digest();
        return ['v1', 'sm4', ring.current, b64(iv), b64(tag), b64(ct)].join('.');
      }
      const iv = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', k.aes, iv);
      const ct = Buffer.concat([c.update(plaintext, 'utf8'), c.final()]);
      return ['v1', 'aes-256-gcm', ring.current, b64(iv), b64(c.getAuthTag()), b64(ct)].join('.');
    },
    decrypt(envelope) {
      const [v, alg, keyId, iv, tag, ct] = envelope.split('.');
      if (v !== 'v1' || !alg || !keyId || !iv || !tag || ct === undefined)
        throw new Error('not a civicgrid field envelope');
      const k = keysFor(keyId);
      const [ivB, tagB, ctB] = [iv, tag, ct].map((p) => Buffer.from(p, 'base64url')) as [Buffer, Buffer, Buffer];
      if (alg === 'sm4') {
        const expected = createHmac('sm3', k.mac)
          .update(Buffer.concat([ivB, ctB]))
          .digest();
        if (expected.length !== tagB.length || !timingSafeEqual(expected, tagB))
          throw new Error('field envelope failed its integrity check');
        const d = createDecipheriv('sm4-ctr', k.sm4, ivB);
        return Buffer.concat([d.update(ctB), d.final()]).toString('utf8');
      }
      const d = createDecipheriv('aes-256-gcm', k.aes, ivB);
      d.setAuthTag(tagB);
      return Buffer.concat([d.update(ctB), d.final()]).toString('utf8');
    },
    hash(value) {
      return createHmac('sha256', hashKey)
        .update(value.normalize('NFKC').replace(/[\s-]/g, '').toUpperCase())
        .digest('hex');
    },
  };
}
