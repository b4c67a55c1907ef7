import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, engineLabel, engines, type TestDb } from '../test-db.js';
import { makeUnit, makeUser, seedWorld, testPassword } from '../factories.js';
import { createApp } from '../../src/http/app.js';
import { manualClock } from '../../src/core/clock.js';
import { client, enrolledSecondFactor, totpAt } from '../http-client.js';
import { testDeps } from '../test-deps.js';

/** Issue 11, point 7: failures are counted before the password is compared, atomically, per name and address. */
describe.each(engines)('sign-in throttling %s', (engine) => {
  let t: TestDb;
  let app: ReturnType<typeof createApp>;
  const clock = manualClock(new Date('2026-03-02T01:00:00Z'));
  const from = (address: string) => ({ 'x-forwarded-for': address });
  const attempt = (username: string, password: string, address = '203.0.113.9', code?: string) =>
    client(app).raw('POST', '/api/auth/login', { username, password, ...(code ? { code } : {}) }, from(address));

  beforeAll(async () => {
    t = await createTestDb(engine);
    await seedWorld(t.db);
    const unit = await makeUnit(t.db, 'countyA');
    for (const name of ['lead', 'lead2', 'lead3', 'lead4']) await makeUser(t.db, name, unit, ['leader']);
    await makeUser(t.db, 'sec', unit, ['security']);
    app = createApp(
      testDeps(t.db, { clock, env: { CIVICGRID_TRUST_PROXY: 'true', CIVICGRID_LOGIN_ADDRESS_MAX_FAILURES: '30' } }),
    );
  });
  afterAll(() => t.drop());

  it(`${engineLabel(engine)} 40 parallel wrong passwords: the excess answers 429, and the right one waits for the lock`, async () => {
    const answers = await Promise.all(Array.from({ length: 40 }, () => attempt('lead', 'wrong-password')));
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(35);
    expect(statuses.filter((s) => s !== 429 && s !== 401)).toEqual([]);
    const right = await attempt('lead', testPassword);
    expect(right.status).toBe(429);
    expect(Number(right.headers.get('retry-after'))).toBeGreaterThan(0);
    clock.advance(16 * 60_000);
    expect((await attempt('lead', testPassword)).status).toBe(200);
  });

  it(`${engineLabel(engine)} a flood from one address does not lock the owner out from another`, async () => {
    await Promise.all(Array.from({ length: 40 }, () => attempt('lead2', 'wrong-password', '198.51.100.66')));
    expect((await attempt('lead2', testPassword, '198.51.100.66')).status).toBe(429);
    expect((await attempt('lead2', testPassword, '192.0.2.10')).status).toBe(200);
  });

  it(`${engineLabel(engine)} a locked name and a name that does not exist answer alike`, async () => {
    const before = [await attempt('lead3', 'wrong-password'), await attempt('ghost', 'wrong-password')];
    expect(before.map((r) => r.status)).toEqual([401, 401]);
    expect(before[0]!.body).toEqual(before[1]!.body);
    for (let i = 0; i < 4; i++) {
      await attempt('lead3', 'wrong-password');
      await attempt('ghost', 'wrong-password');
    }
    const [real, ghost] = [await attempt('lead3', 'wrong-password'), await attempt('ghost', 'wrong-password')];
    expect([real.status, ghost.status]).toEqual([429, 429]);
    expect(real.body).toEqual(ghost.body);
    expect(real.headers.get('retry-after')).toBe(ghost.headers.get('retry-after'));
    // The right password with a made-up code changes nothing either.
    const [realCode, ghostCode] = [
      await attempt('lead3', testPassword, undefined, '123456'),
      await attempt('ghost', testPassword, undefined, '123456'),
    ];
    expect([realCode.status, ghostCode.status]).toEqual([429, 429]);
    expect(realCode.body).toEqual(ghostCode.body);
    clock.advance(16 * 60_000);
  });

  it(`${engineLabel(engine)} a locked owner with a second factor signs in with password and code`, async () => {
    const officer = client(app);
    expect((await officer.login('sec', testPassword)).status).toBe(200); // enrols
    const { secret } = enrolledSecondFactor(app, 'sec')!;
    await Promise.all(Array.from({ length: 40 }, () => attempt('sec', 'wrong-password')));
    expect((await attempt('sec', testPassword)).status).toBe(429);
    clock.advance(30_000); // the enrolment spent this time step's code
    expect((await attempt('sec', 'wrong-password', undefined, totpAt(secret, clock.now()))).status).toBe(429);
    const unlocked = await attempt('sec', testPassword, undefined, totpAt(secret, clock.now()));
    expect(unlocked.status).toBe(200);
    expect(unlocked.body.username).toBe('sec');
    // The lock is lifted for the account: the next password step goes on to the code step.
    expect((await attempt('sec', testPassword)).status).toBe(202);
  });

  it(`${engineLabel(engine)} one address trying many names is stopped too`, async () => {
    clock.advance(16 * 60_000);
    const names = Array.from({ length: 30 }, (_, i) => `sprayed-${i}`);
    for (const name of names) expect((await attempt(name, 'wrong-password', '192.0.2.99')).status).toBe(401);
    expect((await attempt('lead4', testPassword, '192.0.2.99')).status).toBe(429);
    expect((await attempt('lead4', testPassword, '192.0.2.100')).status).toBe(200);
  });
});
