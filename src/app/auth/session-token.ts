import { createHash, randomBytes } from 'node:crypto';

/** A new session token: 256 random bits, base64url, for the HttpOnly cookie. */
export const newSessionToken = (): string => randomBytes(32).toString('base64url');

/** What the sessions table stores instead of the token itself. */
export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');
