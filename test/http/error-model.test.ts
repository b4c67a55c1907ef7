import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, engineLabel, engines, type TestDb } from '../test-db.js';
import { makeUnit, makeUser, seedWorld, testPassword, world } from '../factories.js';
import { createApp } from '../../src/http/app.js';
import { client } from '../http-client.js';
import { testDeps } from '../test-deps.js';
import { statusFor } from '../../src/http/error-map.js';

/** Refusals a user can reach are DomainErrors with a code from the one table, never a 500. */
describe.each(engines)('the closed error model over HTTP %s', (engine) => {
  let t: TestDb;
  let admin: ReturnType<typeof client>;
  let security: ReturnType<typeof client>;
  let unit: number;

  beforeAll(async () => {
    t = await createTestDb(engine);
    await seedWorld(t.db);
    unit = await makeUnit(t.db, 'countyA');
    // At the top of the tree, where the national configuration (calendar, categories) is edited.
    await makeUser(t.db, 'em-admin', await makeUnit(t.db, 'province'), ['admin']);
    await makeUser(t.db, 'em-security', unit, ['security']);
    const app = createApp(testDeps(t.db));
    admin = client(app);
    security = client(app);
    await admin.login('em-admin', testPassword);
    await security.login('em-security', testPassword);
  });
  afterAll(() => t.drop());

  it(`${engineLabel(engine)} refuses a grid after the village's grid …999 with 409 Conflict, not 500`, async () => {
    const village = world.villageA2.code;
    const last = await admin.post('/api/regions', { parentCode: village, code: `${village}999`, name: '第999网格' });
    expect(last.status).toBe(201);
    const next = await admin.post('/api/regions', { parentCode: village, name: '再一个网格' });
    expect(next.status).toBe(409);
    expect(next.body.error.code).toBe('Conflict');
    expect(next.body.error.message).toMatch(/999/);
    // A free code given explicitly still works: codes are not refilled automatically, but may be chosen.
    const chosen = await admin.post('/api/regions', { parentCode: village, code: `${village}500`, name: '第500网格' });
    expect(chosen.status).toBe(201);
  });

  it(`${engineLabel(engine)} answers an empty PATCH on every resource with 400 "nothing to change"`, async () => {
    const rule = await admin.post('/api/dispatch-rules', {
      name: 'error-model rule',
      targetUnitType: 'service_centre',
      targetLevel: 3,
      fallback: 'climb',
    });
    expect(rule.status).toBe(201);
    const hook = await admin.post('/api/webhooks', {
      url: 'https://example.org/hook',
      topics: ['*'],
      secret: 's'.repeat(20),
    });
    expect(hook.status).toBe(201);
    const user = await makeUser(t.db, 'em-target', unit, ['clerk']);
    const targets: [ReturnType<typeof client>, string][] = [
      [admin, `/api/units/${unit}`],
      [admin, '/api/categories/family_marriage'],
      [admin, `/api/regions/${world.gridA1.code}`],
      [security, `/api/users/${user}`],
      [admin, `/api/dispatch-rules/${rule.body.id}`],
      [admin, `/api/webhooks/${hook.body.id}`],
    ];
    for (const [who, path] of targets) {
      // Unknown fields are dropped by the schema, so they leave nothing to change either.
      for (const body of [{}, { unknownField: 1 }]) {
        const r = await who.patch(path, body);
        expect(r.status, `PATCH ${path} ${JSON.stringify(body)}`).toBe(400);
        expect(r.body.error.code).toBe('ValidationFailed');
        expect(r.body.error.message).toMatch(/nothing to change/);
      }
    }
    // A real change still goes through.
    expect((await admin.patch(`/api/units/${unit}`, { phone: '025-1234567' })).status).toBe(200);
  });

  it(`${engineLabel(engine)} refuses a calendar year that names a date twice with 400, not 500`, async () => {
    const twice = await admin.raw(
      'PUT',
      '/api/calendar?year=2026',
      JSON.stringify({
        days: [
          { date: '2026-10-08', kind: 'workday' },
          { date: '2026-10-08', kind: 'holiday' },
        ],
      }),
    );
    expect(twice.status).toBe(400);
    expect(twice.body.error.code).toBe('ValidationFailed');
    expect(twice.body.error.message).toMatch(/2026-10-08/);
  });

  it(`${engineLabel(engine)} routes the HTTP-only refusals through the one table`, async () => {
    const tooLarge = await admin.post('/api/units', 'x'.repeat(1024 * 1024 + 10));
    expect(tooLarge.status).toBe(statusFor.PayloadTooLarge);
    expect(tooLarge.body.error.code).toBe('PayloadTooLarge');
    const missing = await admin.get('/api/no-such-thing');
    expect(missing.status).toBe(statusFor.NotFound);
    expect(missing.body.error.code).toBe('NotFound');
    // A path the API has, with a method it does not take there: 405 and the methods it does take.
    const wrongMethod = await admin.raw('DELETE', `/api/units/${unit}`, '{}');
    expect(wrongMethod.status).toBe(statusFor.MethodNotAllowed);
    expect(wrongMethod.body.error.code).toBe('MethodNotAllowed');
    expect(wrongMethod.headers.get('allow')).toBe('GET, PATCH');
    expect((await admin.raw('PUT', '/api/health', '{}')).status).toBe(405);
    const brokenJson = await admin.raw('POST', '/api/units', '{"name":', { 'content-type': 'application/json' });
    expect(brokenJson.status).toBe(statusFor.ValidationFailed);
    expect(brokenJson.body.error.code).toBe('ValidationFailed');
  });
});
