import type { ErrorCode } from '../core/errors.js';

/** The one table from error codes to HTTP statuses. Nothing else in the code knows statuses. */
export const statusFor: Record<ErrorCode, 400 | 401 | 403 | 404 | 409 | 422 | 429> = {
  ValidationFailed: 400,
  Unauthenticated: 401,
  InvalidCredentials: 401,
  AccountDisabled: 401,
  Forbidden: 403,
  NotFound: 404,
  Conflict: 409,
  AlreadyExists: 409,
  StaleVersion: 409,
  InvalidTransition: 409,
  Unprocessable: 422,
  TooManyAttempts: 429,
};
