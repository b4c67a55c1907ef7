import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';

/**
 * The caller's address for rate limits: the socket's peer. Only when the server is configured to
 * sit behind a reverse proxy (CIVICGRID_TRUST_PROXY=true) does X-Forwarded-For count, and then its
 * last entry — the address our own proxy saw; entries before it are the client's to invent.
 */
export function clientIp(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const last = c.req
      .header('x-forwarded-for')
      ?.split(',')
      .map((s) => s.trim())
      .filter(Boolean)
      .at(-1);
    if (last) return last.slice(0, 64);
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    // in-process requests (tests) have no socket
    return 'unknown';
  }
}
