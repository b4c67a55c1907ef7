/**
 * Every failure the domain and the use cases can report. HTTP and CLI map these codes in one table each;
 * the web app words each one (its locales are typed by this list).
 */
export const ERROR_CODES = [
  'ValidationFailed',
  'Unauthenticated',
  'InvalidCredentials',
  'AccountDisabled',
  'TooManyAttempts',
  'Forbidden',
  'SeparationOfDuties',
  'NotFound',
  'Conflict',
  'AlreadyExists',
  'InvalidTransition',
  'StaleVersion',
  'Unprocessable',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export class DomainError extends Error {
  override readonly name = 'DomainError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

export const isDomainError = (e: unknown): e is DomainError => e instanceof DomainError;

/** Shorthands used across use cases, so messages stay uniform. */
export const notFound = (what: string, id: string | number) =>
  new DomainError('NotFound', `${what} ${id} not found`, { what, id });
export const forbidden = (action: string) => new DomainError('Forbidden', `not allowed: ${action}`, { action });
