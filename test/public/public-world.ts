import { createTestDb, type TestDb } from '../test-db.js';
import { seedDemoWorld } from '../demo-world.js';
import { testDeps } from '../test-deps.js';
import { testPassword } from '../factories.js';
import { client } from '../http-client.js';
import { createApp } from '../../src/http/app.js';
import { manualClock } from '../../src/core/clock.js';
import { systemScope, type Engine } from '../../src/storage/db.js';
import type { Deps } from '../../src/app/deps.js';

export type App = ReturnType<typeof createApp>;
export type Client = ReturnType<typeof client>;

/**
 * The demo county behind the app, a manual clock (2026-03-02 09:00 CST, a Monday), staff sessions,
 * and a recorder of every public and Open311 response body, for the personal-data scan.
 */
export async function publicWorld(engine: Engine, env: Record<string, string> = {}) {
  const t: TestDb = await createTestDb(engine);
  const clock = manualClock(new Date('2026-03-02T01:00:00Z'));
  const deps: Deps = testDeps(t.db, {
    clock,
    env: { CIVICGRID_SESSION_IDLE_MINUTES: '100000', CIVICGRID_TRUST_PROXY: 'true', ...env },
  });
  const world = await seedDemoWorld(deps);
  const app = createApp(deps);
  const bodies: string[] = [];
  const staff: Record<string, Client> = {};
  const login = async (u: string) => {
    staff[u] = client(app);
    const r = await staff[u]!.login(u, ['townhandler', 'justice'].includes(u) ? testPassword : 'civicgrid-demo');
    if (r.status !== 200) throw new Error(`login ${u}: ${JSON.stringify(r.body)}`);
    return staff[u]!;
  };
  /** Calls the app in-process as a resident from an IP; records the body. */
  const call = async (
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
    ip = '203.0.113.7',
  ) => {
    const isForm = typeof body === 'string';
    const res = await app.request(path, {
      method,
      body: body === undefined ? undefined : isForm ? body : JSON.stringify(body),
      headers: {
        'x-forwarded-for': ip,
        ...(body === undefined
          ? {}
          : { 'content-type': isForm ? 'application/x-www-form-urlencoded' : 'application/json' }),
        ...headers,
      },
    });
    const text = await res.text();
    bodies.push(text);
    let json: any = text;
    try {
      json = JSON.parse(text);
    } catch {
      /* XML or text */
    }
    return { status: res.status, body: json, text, headers: res.headers };
  };
  const staffNames = await t.db.tx(systemScope, (trx) =>
    trx.selectFrom('users').select(['display_name', 'username']).execute(),
  );
  return { t, deps, clock, world, app, staff, login, call, bodies, staffNames: staffNames.map((s) => s.display_name) };
}

/** Files a case through the portal: a form token, the wait a person takes, the submission. */
export async function fileOnline(
  w: Awaited<ReturnType<typeof publicWorld>>,
  over: Record<string, unknown> = {},
  ip = '203.0.113.7',
) {
  const token = (await w.call('GET', '/api/public/form-token', undefined, {}, ip)).body.token as string;
  w.clock.advance(5_000);
  return w.call(
    'POST',
    '/api/public/cases',
    {
      formToken: token,
      kind: 'dispute',
      categoryCode: 'neighbour_leak',
      regionCode: w.world.codes.village,
      description: '楼上302室长期漏水，导致我家天花板发霉，协商未果，请求调解。',
      contact: { name: '赵敏', phone: '13900001234' },
      ...over,
    },
    { 'idempotency-key': `idem-${Math.random().toString(36).slice(2, 12)}` },
    ip,
  );
}

/** Personal data that must never appear in a public body: mobiles, ID numbers, staff names. */
export function leaksIn(bodies: string[], staffNames: string[]): string[] {
  const found: string[] = [];
  for (const b of bodies) {
    const phone = b.match(/1[3-9]\d{9}/);
    const id = b.match(/\d{17}[\dX]/);
    if (phone) found.push(`phone ${phone[0]}`);
    if (id) found.push(`id ${id[0]}`);
    for (const n of staffNames) if (n && b.includes(n)) found.push(`staff ${n}`);
  }
  return found;
}
