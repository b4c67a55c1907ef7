import type { FormInstance } from 'antd';
import { ApiError } from './api-error.js';

/** An error to show under one field of an antd form (`form.setFields`). */
export interface ServerFieldError {
  name: (string | number)[];
  errors: string[];
}

/**
 * Field errors from a rejected save. A 400 from request validation carries zod issues whose paths
 * are the body's paths, and so the form's field names when the form mirrors the body; a domain
 * check's ValidationFailed carries its own details, which `locate` places (or not).
 */
export function serverFieldErrors(
  error: unknown,
  locate?: (details: Record<string, unknown>) => ServerFieldError | null,
): ServerFieldError[] {
  if (!(error instanceof ApiError) || error.code !== 'ValidationFailed') return [];
  const issues = error.details?.issues;
  if (Array.isArray(issues)) {
    return issues.flatMap((issue: { path?: unknown; message?: unknown }) =>
      Array.isArray(issue.path) && issue.path.length > 0 && typeof issue.message === 'string'
        ? [{ name: issue.path as (string | number)[], errors: [issue.message] }]
        : [],
    );
  }
  const placed = error.details && locate ? locate(error.details) : null;
  return placed ? [placed] : [];
}

/** Puts a rejected save's field errors under the fields of a form whose values mirror the request body. */
export function showServerFieldErrors<V>(
  form: FormInstance<V>,
  error: unknown,
  locate?: (details: Record<string, unknown>) => ServerFieldError | null,
): void {
  // The paths arrive at run time, so the form's typed field names cannot check them statically.
  form.setFields(serverFieldErrors(error, locate) as Parameters<FormInstance<V>['setFields']>[0]);
}
