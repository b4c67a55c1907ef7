/** A failed API call: the server's `{"error":{code,message,details}}`, or a network failure. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> | undefined,
    /** Seconds from the Retry-After header, when the server sent one (429). */
    readonly retryAfterSeconds: number | null,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Status 0: the request never got an answer. */
export const NETWORK_ERROR_CODE = 'Network';

export function parseRetryAfter(header: string | null, now = Date.now()): number | null {
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const at = Date.parse(header); // the header may also be an HTTP date
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - now) / 1000));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads the error body if it has the contract's shape; otherwise describes the status. */
export async function apiErrorFromResponse(response: Response): Promise<ApiError> {
  const retryAfter = parseRetryAfter(response.headers.get('Retry-After'));
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    /* not JSON (a proxy's HTML page, an empty body) */
  }
  const error = isRecord(body) && isRecord(body.error) ? body.error : null;
  if (error && typeof error.code === 'string') {
    const message = typeof error.message === 'string' ? error.message : error.code;
    const details = isRecord(error.details) ? error.details : undefined;
    return new ApiError(response.status, error.code, message, details, retryAfter);
  }
  return new ApiError(
    response.status,
    `Http${response.status}`,
    response.statusText || String(response.status),
    undefined,
    retryAfter,
  );
}
