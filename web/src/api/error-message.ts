import type { TFunction } from 'i18next';
import { ApiError, NETWORK_ERROR_CODE } from './api-error.js';
import { ERROR_CODES } from './contract-types.js';

/** The codes worded under errors.<code> in the locales: every code the server has, and the client's own. */
const KNOWN_CODES = new Set<string>([...ERROR_CODES, NETWORK_ERROR_CODE]);

interface FieldIssue {
  path: string;
  message: string;
}

/** zod-style issues from `details.issues` (or `details.fields`), when the server sends them. */
function fieldIssues(details: Record<string, unknown> | undefined): FieldIssue[] {
  const raw = details?.issues ?? details?.fields;
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((issue): FieldIssue[] => {
    if (typeof issue !== 'object' || issue === null) return [];
    const { path, message } = issue as { path?: unknown; message?: unknown };
    const where = Array.isArray(path) ? path.join('.') : typeof path === 'string' ? path : '';
    return typeof message === 'string' ? [{ path: where, message }] : [];
  });
}

/** A sentence in the user's language for any error thrown by an API call. */
export function describeError(error: unknown, t: TFunction): string {
  if (!(error instanceof ApiError))
    return t('errors.Unknown', { message: error instanceof Error ? error.message : String(error) });
  if (error.code === 'TooManyAttempts') {
    return error.retryAfterSeconds === null
      ? t('errors.TooManyAttemptsNoWait')
      : t('errors.TooManyAttempts', { seconds: error.retryAfterSeconds });
  }
  if (KNOWN_CODES.has(error.code)) {
    const base = t(`errors.${error.code}`);
    const issues = error.code === 'ValidationFailed' ? fieldIssues(error.details) : [];
    const lines = issues.map((issue) =>
      issue.path ? t('errors.field', { field: issue.path, message: issue.message }) : issue.message,
    );
    return [base, ...lines].join(' ');
  }
  if (error.status >= 500) return t('errors.Server', { status: error.status });
  return t('errors.Unknown', { message: error.message });
}
