import { isDomainError, type ErrorCode } from '../core/errors.js';
import { ZodError } from 'zod';

/** The CLI's one table from error codes to exit codes (sysexits-style where one fits). */
const exitCodes: Record<ErrorCode, number> = {
  ValidationFailed: 65,
  Unprocessable: 65,
  Unauthenticated: 77,
  InvalidCredentials: 77,
  AccountDisabled: 77,
  TooManyAttempts: 75,
  Forbidden: 77,
  SeparationOfDuties: 77,
  NotFound: 66,
  Conflict: 75,
  AlreadyExists: 73,
  InvalidTransition: 65,
  StaleVersion: 75,
};

export function exitCodeFor(e: unknown): number {
  if (isDomainError(e)) return exitCodes[e.code];
  if (e instanceof ZodError) return 64;
  return 70;
}

export function messageFor(e: unknown): string {
  if (isDomainError(e)) return `${e.code}: ${e.message}`;
  if (e instanceof ZodError)
    return `invalid arguments: ${e.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`;
  return e instanceof Error ? e.message : String(e);
}
