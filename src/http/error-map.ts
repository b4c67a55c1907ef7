import type { ErrorCode } from '../core/errors.js';

/**
 * Codes only the HTTP layer gives: refusals of the request as transported (too large a body, a
 * method a path does not take) and `Internal`, the one answer for a defect (logged, never a refusal).
 */
export type HttpErrorCode = 'PayloadTooLarge' | 'MethodNotAllowed' | 'Internal';
/** Every code an error body can carry. */
export type WireErrorCode = ErrorCode | HttpErrorCode;
export type ErrorStatus = 400 | 401 | 403 | 404 | 405 | 409 | 413 | 422 | 429 | 500;

/** The one table from error codes to HTTP statuses. Nothing else in the code knows statuses. */
export const statusFor: Record<WireErrorCode, ErrorStatus> = {
  ValidationFailed: 400,
  Unauthenticated: 401,
  InvalidCredentials: 401,
  AccountDisabled: 401,
  Forbidden: 403,
  SeparationOfDuties: 403,
  NotFound: 404,
  MethodNotAllowed: 405,
  Conflict: 409,
  AlreadyExists: 409,
  StaleVersion: 409,
  InvalidTransition: 409,
  PayloadTooLarge: 413,
  Unprocessable: 422,
  TooManyAttempts: 429,
  Internal: 500,
};

/** The code for a status that Hono or a middleware chose (an HTTPException); a 5xx is a defect. */
export function codeForStatus(status: number): WireErrorCode {
  if (status >= 500) return 'Internal';
  const exact = (Object.keys(statusFor) as WireErrorCode[]).find((c) => statusFor[c] === status);
  return exact ?? 'ValidationFailed';
}
