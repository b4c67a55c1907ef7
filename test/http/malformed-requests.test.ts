import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createTestDb, engineLabel, engines, type TestDb } from '../test-db.js';
import { makeUnit, makeUser, seedWorld, testPassword } from '../factories.js';
import { createApp } from '../../src/http/app.js';
import { client } from '../http-client.js';
import { testDeps } from '../test-deps.js';

/**
 * Every route of the OpenAPI document, as [method, path template with `:x` for parameters]:
 * read from the app itself, so a new endpoint is fuzzed the day it is added.
 */
async function endpointsOf(app: ReturnType<typeof createApp>): Promise<[string, string][]> {
  const doc = (await (await app.request('/api/openapi.json')).json()) as {
    paths: Record<string, Record<string, unknown>>;
  };
  return Object.entries(doc.paths).flatMap(([p, ops]) =>
    Object.keys(ops).map((m) => [m.toUpperCase(), p.replace(/\{[^}]+\}/g, ':x')] as [string, string]),
  );
}

const weirdString = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '',
    ' ',
    '-1',
    '0',
    '1e309',
    'NaN',
    '320101',
    '../../etc',
    '%00',
    'null',
    '9'.repeat(40),
    '甲'.repeat(300),
  ),
);
const jsonValue = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.record(
    {
      username: weirdString,
      password: weirdString,
      unitId: fc.oneof(fc.integer(), weirdString),
      roles: fc.array(weirdString, { maxLength: 3 }),
    },
    { requiredKeys: [] },
  ),
  fc.record(
    {
      parentCode: weirdString,
      name: weirdString,
      geometry: fc.jsonValue({ maxDepth: 4 }),
      typeCode: weirdString,
      regionCode: weirdString,
    },
    { requiredKeys: [] },
  ),
  fc.record(
    {
      code: weirdString,
      nameZh: weirdString,
      nameEn: weirdString,
      sort: fc.oneof(fc.double(), weirdString),
      disabled: fc.jsonValue(),
    },
    { requiredKeys: [] },
  ),
);
const body = fc.oneof(
  jsonValue.map((v) => JSON.stringify(v)),
  fc.constantFrom(
    '{',
    '{"a":',
    '[1,2',
    'null',
    '"x"',
    '\u0000',
    '{"__proto__":{"x":1}}',
    '{"constructor":{"prototype":{}}}',
  ),
  fc.string({ maxLength: 200 }),
);
const request = (endpoints: [string, string][]) =>
  fc.record({
    endpoint: fc.constantFrom(...endpoints),
    param: weirdString.map((s) => encodeURIComponent(s).slice(0, 300) || 'x'),
    query: fc.dictionary(
      fc.constantFrom('page', 'pageSize', 'q', 'level', 'region', 'unit', 'role', 'from', 'to', 'outcome', 'type'),
      weirdString,
      { maxKeys: 4 },
    ),
    body,
    contentType: fc.constantFrom(
      'application/json',
      'application/json',
      'text/plain',
      'application/x-www-form-urlencoded',
      '',
    ),
    as: fc.constantFrom('admin', 'security', 'auditor', 'dispatcher', 'mediator', 'anonymous'),
    idempotencyKey: fc.option(
      fc.oneof(fc.constantFrom('fuzz-key-0001', 'fuzz-key-0002'), fc.string({ maxLength: 140 })),
      { nil: undefined },
    ),
  });

describe.each(engines)('malformed requests %s', (engine) => {
  let t: TestDb;
  let clients: Record<string, ReturnType<typeof client>>;
  let endpoints: [string, string][];

  beforeAll(async () => {
    t = await createTestDb(engine);
    await seedWorld(t.db);
    const unit = await makeUnit(t.db, 'countyA');
    const app = createApp(testDeps(t.db, { env: { CIVICGRID_LOGIN_MAX_FAILURES: '1000000' } }));
    clients = { anonymous: client(app) };
    endpoints = await endpointsOf(app);
    for (const role of ['admin', 'security', 'auditor', 'dispatcher', 'mediator'] as const) {
      await makeUser(t.db, `f-${role}`, unit, [role]);
      clients[role] = client(app);
      await clients[role]!.login(`f-${role}`, testPassword);
    }
  });
  afterAll(() => t.drop());

  it(`${engineLabel(engine)} answers 1,000 generated malformed requests without a single 5xx`, async () => {
    expect(endpoints.length).toBeGreaterThan(40);
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(request(endpoints), async (r) => {
        const [method, template] = r.endpoint;
        const qs = new URLSearchParams(r.query).toString();
        const path = template.replace(':x', r.param) + (qs ? `?${qs}` : '');
        const headers: Record<string, string> = r.contentType ? { 'content-type': r.contentType } : {};
        // Header values must be Latin-1; anything else is the HTTP client's error, not the server's.
        if (r.idempotencyKey !== undefined && /^[\x20-\x7e]*$/.test(r.idempotencyKey))
          headers['idempotency-key'] = r.idempotencyKey;
        const res = await clients[r.as]!.raw(method, path, method === 'GET' ? undefined : r.body, headers);
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        // A generated logout ends the session; sign in again so later requests reach the routes.
        if (template === '/api/auth/logout' && r.as !== 'anonymous' && res.status === 204)
          await clients[r.as]!.login(`f-${r.as}`, testPassword);
        expect(res.status, `${method} ${path} ${r.body.slice(0, 80)}`).toBeLessThan(500);
        if (res.status >= 400) expect(res.body?.error?.code, `${method} ${path}`).toEqual(expect.any(String));
      }),
      { numRuns: 1000, seed: 20261123 },
    );
    // Most of them must be refusals, or the generator is not producing malformed input.
    console.info(
      `${engineLabel(engine)} statuses of 1,000 malformed requests: ${JSON.stringify(Object.fromEntries(statuses))}`,
    );
    const refused = [...statuses].filter(([s]) => s >= 400).reduce((n, [, c]) => n + c, 0);
    expect(refused).toBeGreaterThan(700);
  });
});

describe.each(engines)('text the database refuses %s', (engine) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb(engine);
    await seedWorld(t.db);
  });
  afterAll(() => t.drop());

  it(`${engineLabel(engine)} answers a NUL character in any text field with 400, not 500`, async () => {
    const unit = await makeUnit(t.db, 'countyA');
    await makeUser(t.db, 'nul-admin', unit, ['admin']);
    await makeUser(t.db, 'nul-sec', unit, ['security']);
    const app = createApp(testDeps(t.db));
    const admin = client(app),
      sec = client(app);
    await admin.login('nul-admin', testPassword);
    await sec.login('nul-sec', testPassword);
    const nul = 'a\u0000b';
    const results = [
      await admin.post('/api/units', { typeCode: 'police_station', regionCode: '320101', name: nul }),
      await admin.patch(`/api/units/${unit}`, { name: nul }),
      await admin.post('/api/categories', { code: 'nul_test', nameZh: nul, nameEn: 'x' }),
      await admin.patch('/api/regions/320101', { name: nul }),
      await sec.post('/api/users', {
        username: 'nul-user',
        displayName: nul,
        unitId: unit,
        roles: ['clerk'],
        password: 'long-enough-pw',
      }),
    ];
    for (const r of results) {
      expect(r.status).toBe(400);
      expect(r.body.error.code).toBe('ValidationFailed');
    }
  });
});
