/** Masks for contact data shown to people who may not see it in full (phone 138****5678, ID 3201**********1234). */

/** A mainland mobile keeps its first 3 and last 4 digits; other numbers keep their last 4. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  if (/^1[3-9]\d{9}$/.test(digits)) return `${digits.slice(0, 3)}****${digits.slice(7)}`;
  if (digits.length <= 4) return '*'.repeat(digits.length);
  return `${'*'.repeat(digits.length - 4)}${digits.slice(-4)}`;
}

/** A resident ID number keeps the first 4 (province and city) and the last 4 characters. */
export function maskIdNumber(id: string): string {
  const s = id.trim().toUpperCase();
  if (s.length <= 8) return '*'.repeat(s.length);
  return `${s.slice(0, 4)}${'*'.repeat(s.length - 8)}${s.slice(-4)}`;
}

/** An address keeps its first 6 characters (district and street) and hides the door number. */
export function maskAddress(address: string): string {
  const chars = [...address.trim()];
  if (chars.length <= 6) return `${chars.slice(0, Math.ceil(chars.length / 2)).join('')}***`;
  return `${chars.slice(0, 6).join('')}***`;
}

/** An e-mail address keeps the first character of its name and its domain (z***@example.com). */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at <= 0) return '***';
  return `${[...email][0]}***${email.slice(at)}`;
}

/** A name for public pages: the family name and a mask (张**). */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  return chars.length === 0 ? '' : `${chars[0]}${'*'.repeat(Math.max(1, chars.length - 1))}`;
}

/** The last four digits of a phone, which a resident types with the tracking code. */
export const phoneLast4 = (phone: string): string => phone.replace(/\D/g, '').slice(-4);

/**
 * Validates an 18-character resident ID number (GB 11643): 17 digits and an ISO 7064 MOD 11-2
 * check character. 15-digit first-generation numbers are accepted as they are.
 */
export function isValidIdNumber(id: string): boolean {
  const s = id.trim().toUpperCase();
  if (/^\d{15}$/.test(s)) return true;
  if (!/^\d{17}[\dX]$/.test(s)) return false;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = weights.reduce((acc, w, i) => acc + w * Number(s[i]), 0);
  return '10X98765432'[sum % 11] === s[17];
}
