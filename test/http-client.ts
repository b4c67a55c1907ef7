import { generateSync } from 'otplib';
import type { createApp } from '../src/http/app.js';
import { pendingSignInMs } from '../src/core/auth/sign-in.js';

type App = ReturnType<typeof createApp>;

/** What a test's accounts enrolled, per app: the secret, unused recovery codes, the last time step used. */
type Enrolled = { secret: string; recovery: string[]; lastStep: number };
const enrolled = new WeakMap<App, Map<string, Enrolled>>();

/** The enrolled second factor of a user of this app (after `login` enrolled it), for tests of the second step. */
export const enrolledSecondFactor = (app: App, username: string) => enrolled.get(app)?.get(username);

/** A TOTP code at a time: what the authenticator app would show. */
export const totpAt = (secret: string, at: Date) => generateSync({ secret, epoch: Math.floor(at.getTime() / 1000) });

/** A tiny client over app.request(): keeps the session cookie, sends JSON. */
export function client(app: App) {
  let cookie = '';
  const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const res = await app.request(path, {
      method,
      headers: {
        ...(body !== undefined || method !== 'GET' ? { 'content-type': 'application/json' } : {}),
        ...(cookie ? { cookie } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const set = res.headers.get('set-cookie');
    if (set) cookie = set.split(';')[0]!.endsWith('=') ? '' : set.split(';')[0]!;
    const text = await res.text();
    let json: any;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = text;
    }
    return { status: res.status, body: json, headers: res.headers };
  };
  return {
    get: (p: string, h?: Record<string, string>) => call('GET', p, undefined, h),
    post: (p: string, b?: unknown, h?: Record<string, string>) => call('POST', p, b ?? {}, h),
    patch: (p: string, b: unknown) => call('PATCH', p, b),
    delete: (p: string) => call('DELETE', p, {}),
    raw: call,
    /** The password step alone: 200 with a session, or 202 with the pending second step. */
    passwordStep: (username: string, password: string) => call('POST', '/api/auth/login', { username, password }),
    /**
     * Signs in as a person would: the password, then (for accounts with or needing a second factor)
     * enrolment with a code computed from the shown secret, or a code from the enrolled secret — a
     * recovery code when this time step's code was already spent. Answers the last step's response.
     */
    login: async (username: string, password: string) => {
      const first = await call('POST', '/api/auth/login', { username, password });
      if (first.status !== 202) return first;
      const { next, pendingToken, expiresAt } = first.body as { next: string; pendingToken: string; expiresAt: string };
      // The server's clock (tests often freeze it) is the pending token's expiry less its lifetime.
      const serverNow = new Date(Date.parse(expiresAt) - pendingSignInMs);
      const step = Math.floor(serverNow.getTime() / 30_000);
      const known = enrolled.get(app) ?? new Map<string, Enrolled>();
      enrolled.set(app, known);
      if (next === 'enrol') {
        const { secret } = (await call('POST', '/api/auth/2fa/enrolment', { pendingToken })).body as { secret: string };
        const done = await call('POST', '/api/auth/2fa/enrolment/confirm', {
          pendingToken,
          code: totpAt(secret, serverNow),
        });
        if (done.status === 200) known.set(username, { secret, recovery: done.body.recoveryCodes, lastStep: step });
        return { ...done, body: done.status === 200 ? done.body.me : done.body };
      }
      const mine = known.get(username);
      if (!mine) return first;
      // This step's code, or the next step's (the server allows one step of drift), or a recovery code.
      const free = [step, step + 1].find((s) => s > mine.lastStep);
      const code = free !== undefined ? totpAt(mine.secret, new Date(free * 30_000)) : mine.recovery.shift();
      if (!code) throw new Error(`test client: ${username} has no unused code left at this time step`);
      if (free !== undefined) mine.lastStep = free;
      const done = await call('POST', '/api/auth/login/code', { pendingToken, code });
      // Tests that sign in again and again within one time step make new recovery codes as a user would.
      if (done.status === 200 && free === undefined && mine.recovery.length < 4) {
        const fresh = await call('POST', '/api/auth/2fa/recovery-codes', { password });
        if (fresh.status === 200) mine.recovery = fresh.body.recoveryCodes;
      }
      return done;
    },
    get cookie() {
      return cookie;
    },
  };
}
