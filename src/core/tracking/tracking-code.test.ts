import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatTrackingCode, normaliseTrackingCode } from './tracking-code.js';

describe('tracking codes', () => {
  it('encodes 80 bits as four groups of four unambiguous characters', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 10, maxLength: 10 }), (bytes) => {
        const code = formatTrackingCode(bytes);
        expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
        expect(normaliseTrackingCode(code)).toBe(code);
        expect(normaliseTrackingCode(code.toLowerCase().replace(/-/g, ' '))).toBe(code);
      }),
    );
  });

  it('maps distinct bytes to distinct codes', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 10, maxLength: 10 }),
        fc.uint8Array({ minLength: 10, maxLength: 10 }),
        (a, b) => {
          fc.pre(Buffer.compare(Buffer.from(a), Buffer.from(b)) !== 0);
          expect(formatTrackingCode(a)).not.toBe(formatTrackingCode(b));
        },
      ),
    );
  });

  it.each([
    ['0000-0000-0000-0000', '0000-0000-0000-0000'],
    ['oooo-iiii-llll-0000', '0000-1111-1111-0000'],
    ['ABCD-EFGH-JKMN-PQRU', null],
    ['ABCD', null],
  ])('reads %s as %s', (input, out) => expect(normaliseTrackingCode(input)).toBe(out));
});
