/**
 * Tracking codes residents read aloud over the phone: 16 characters of Crockford's base32
 * (no I, L, O or U), grouped in fours — 80 random bits, e.g. `7KQM-3XWD-9FHB-T2RN`.
 */
const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export const TRACKING_CODE_BYTES = 10;

/** Encodes 10 random bytes as a grouped code. The bytes come from the caller (core has no randomness). */
export function formatTrackingCode(bytes: Uint8Array): string {
  if (bytes.length !== TRACKING_CODE_BYTES) throw new Error(`a tracking code takes ${TRACKING_CODE_BYTES} bytes`);
  let bits = 0,
    value = 0,
    out = '';
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += alphabet[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  return out.match(/.{4}/g)!.join('-');
}

/**
 * Reads a code as a person typed it: case and separators do not matter, and the letters
 * people confuse with digits (O, I, L) count as those digits. Null when it cannot be a code.
 */
export function normaliseTrackingCode(input: string): string | null {
  const s = input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (s.length !== 16 || [...s].some((c) => !alphabet.includes(c))) return null;
  return s.match(/.{4}/g)!.join('-');
}
