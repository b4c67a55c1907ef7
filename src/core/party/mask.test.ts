import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isValidIdNumber, maskAddress, maskEmail, maskIdNumber, maskName, maskPhone, phoneLast4 } from './mask.js';

describe('masks', () => {
  it.each([
    ['13812345678', '138****5678'],
    ['138 1234 5678', '138****5678'],
    ['025-84561234', '*******1234'],
    ['110', '***'],
  ])('phone %s → %s', (input, out) => expect(maskPhone(input)).toBe(out));

  it.each([
    ['32010219900101123X', '3201**********123X'],
    ['320102199001011234', '3201**********1234'],
  ])('ID %s → %s', (input, out) => expect(maskIdNumber(input)).toBe(out));

  it('keeps the district of an address and hides the rest', () => {
    expect(maskAddress('南京市雨花台区雨花西路88号3栋')).toBe('南京市雨花台***');
  });

  it.each([
    ['zhou.min@example.com', 'z***@example.com'],
    ['周敏@例子.中国', '周***@例子.中国'],
    ['not-an-address', '***'],
  ])('e-mail %s → %s', (input, out) => expect(maskEmail(input)).toBe(out));

  it('keeps the family name', () => expect(maskName('张伟')).toBe('张*'));

  it('never lets the middle digits of a mobile number through', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^1[3-9]\d{9}$/), (phone) => {
        const m = maskPhone(phone);
        expect(m).not.toContain(phone.slice(3, 7));
        expect(m.endsWith(phoneLast4(phone))).toBe(true);
      }),
    );
  });

  it.each([
    ['11010519491231002X', true],
    ['110105194912310021', false],
    ['320102199001011234', false],
    ['abc', false],
  ])('ID check character of %s: %s', (id, ok) => expect(isValidIdNumber(id)).toBe(ok));
});
