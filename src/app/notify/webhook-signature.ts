import { createHmac, timingSafeEqual } from 'node:crypto';

/** The X-Civicgrid-Signature value of a body: "sha256=" + hex HMAC-SHA256 under the webhook's secret. */
export function signBody(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}

/** Whether a signature header matches the body (constant-time); for receivers and tests. */
export function verifySignature(secret: string, body: string, header: string | null | undefined): boolean {
  const expected = Buffer.from(signBody(secret, body));
  const given = Buffer.from(header ?? '');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
