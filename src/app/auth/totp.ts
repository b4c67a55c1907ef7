import { createHash, randomBytes } from 'node:crypto';
import { generateSecret, generateURI, verify } from 'otplib';
import QRCode from 'qrcode';
import { formatRecoveryCode, recoveryCodeCount } from '../../core/auth/sign-in.js';

/** TOTP as authenticator apps expect it: SHA-1, 6 digits, 30-second steps (RFC 6238 defaults). */
const issuer = 'civicgrid';
const periodSeconds = 30;

/** A new 160-bit secret, base32 for the authenticator app. */
export const newTotpSecret = (): string => generateSecret({ length: 20 });

/** What the enrolment page shows: the otpauth:// URI as a QR image (data URL) and the secret as text. */
export async function enrolmentPicture(username: string, secret: string) {
  const uri = generateURI({ issuer, label: username, secret });
  const qrDataUrl = await QRCode.toDataURL(uri, { errorCorrectionLevel: 'M', margin: 2, width: 240 });
  return { secret, otpauthUri: uri, qrDataUrl };
}

/**
 * The time step a six-digit code belongs to, when it is valid at `now` give or take one step
 * (clock drift, typing time); null otherwise. Replay is refused by the caller, which accepts each
 * step only once (two-factor.repo's acceptTimeStep).
 */
export async function totpTimeStep(secret: string, code: string, now: Date): Promise<number | null> {
  const epoch = Math.floor(now.getTime() / 1000);
  const r = await verify({ secret, token: code, epoch, epochTolerance: periodSeconds });
  // delta: how many steps from now's step the code matched (−1, 0 or +1)
  return r.valid ? Math.floor(epoch / periodSeconds) + r.delta : null;
}

/** Recovery codes: 80 random bits each, shown once as `abcd-efgh-ijkl-mnop`; the database keeps SHA-256. */
export function newRecoveryCodes(): { shown: string[]; hashes: string[] } {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz234567';
  const shown = Array.from({ length: recoveryCodeCount }, () => {
    const bytes = randomBytes(16);
    return formatRecoveryCode([...bytes].map((b) => alphabet[b % 32]).join(''));
  });
  return { shown, hashes: shown.map((c) => hashRecoveryCode(c.replace(/-/g, ''))) };
}

/** The stored form of a recovery code (compact, lower case). */
export const hashRecoveryCode = (compact: string): string => createHash('sha256').update(compact).digest('hex');
