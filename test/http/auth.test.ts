import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, engineLabel, engines, type TestDb } from '../test-db.js';
import { makeUnit, makeUser, seedWorld, testPassword } from '../factories.js';
import { createApp } from '../../src/http/app.js';
import { manualClock } from '../../src/core/clock.js';
import { client } from '../http-client.js';
import { testDeps } from '../test-deps.js';

describe.each(engines)(`auth and sessions ${'%s'}`, (engine) => {
  let t: TestDb;
  let app: ReturnType<typeof createApp>;
  const clock = manualClock(new Date('2026-03-02T01:00:00Z'));

  beforeAll(async () => {
    t = await createTestDb(engine);
    await seedWorld(t.db);
    const unit = await makeUnit(t.db, 'countyA');
    await makeUser(t.db, 'sec', unit, ['security']);
    await makeUser(t.db, 'lead', unit, ['leader']);
    app = createApp(testDeps(t.db, { clock, env: { CIVICGRID_SESSION_IDLE_MINUTES: '30' } }));
  });
  afterAll(() => t.drop());

  it(`${engineLabel(engine)} signs in, shows me, signs out`, async () => {
    const c = client(app);
    const login = await c.login('lead', testPassword);
    expect(login.status).toBe(200);
    expect(login.headers.get('set-cookie')).toMatch(/cg_session=[A-Za-z0-9_-]{43};.*HttpOnly/i);
    expect(login.headers.get('set-cookie')).toMatch(/SameSite=Lax/i);
    const me = await c.get('/api/me');
    expect(me.status).toBe(200);
    expect(me.body.jurisdiction.breadcrumb.map((r: { name: string }) => r.name)).toEqual(['测试省', '测试市', '甲县']);
    expect((await c.post('/api/auth/logout')).status).toBe(204);
    expect((await c.get('/api/me')).status).toBe(401);
  });

  it(`${engineLabel(engine)} answers a wrong password and an unknown user alike`, async () => {
    const a = await client(app).login('lead', 'wrong-password');
    const b = await client(app).login('nobody', 'wrong-password');
    expect([a.status, b.status]).toEqual([401, 401]);
    expect(a.body).toEqual(b.body);
  });

  it(`${engineLabel(engine)} locks an account after 5 failures and says when to retry`, async () => {
    const c = client(app);
    for (let i = 0; i < 5; i++) expect((await c.login('sec', 'nope-nope')).status).toBe(401);
    const locked = await c.login('sec', testPassword);
    expect(locked.status).toBe(429);
    expect(locked.body.error.code).toBe('TooManyAttempts');
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
    clock.advance(16 * 60_000);
    expect((await c.login('sec', testPassword)).status).toBe(200);
  });

  it(`${engineLabel(engine)} ends a session after the idle timeout`, async () => {
    const c = client(app);
    await c.login('lead', testPassword);
    clock.advance(29 * 60_000);
    expect((await c.get('/api/me')).status).toBe(200);
    clock.advance(29 * 60_000);
    expect((await c.get('/api/me')).status).toBe(200);
    clock.advance(31 * 60_000);
    expect((await c.get('/api/me')).status).toBe(401);
  });

  it(`${engineLabel(engine)} ends the sessions of an account when it is disabled`, async () => {
    const lead = client(app);
    await lead.login('lead', testPassword);
    const sec = client(app);
    expect((await sec.login('sec', testPassword)).status).toBe(200);
    const me = (await lead.get('/api/me')).body;
    expect((await sec.patch(`/api/users/${me.id}`, { disabled: true })).status).toBe(200);
    expect((await lead.get('/api/me')).status).toBe(401);
    expect((await client(app).login('lead', testPassword)).status).toBe(401);
    expect((await sec.patch(`/api/users/${me.id}`, { disabled: false })).status).toBe(200);
  });

  it(`${engineLabel(engine)} refuses writes that are not JSON (CSRF)`, async () => {
    const c = client(app);
    await c.login('sec', testPassword);
    const r = await c.raw('POST', '/api/users', 'username=x', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('ValidationFailed');
  });
});
