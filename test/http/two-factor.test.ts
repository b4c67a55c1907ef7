import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, engineLabel, engines, type TestDb } from '../test-db.js';
import { makeUnit, makeUser, seedWorld, testPassword } from '../factories.js';
import { createApp } from '../../src/http/app.js';
import { manualClock } from '../../src/core/clock.js';
import { systemScope } from '../../src/storage/db.js';
import { operatorActor } from '../../src/core/auth/actor.js';
import { resetTwoFactor } from '../../src/app/auth/reset-two-factor.js';
import type { Deps } from '../../src/app/deps.js';
import { client, totpAt } from '../http-client.js';
import { testDeps } from '../test-deps.js';

/** Issue 11, point 12: staff two-factor sign-in with TOTP and recovery codes, audited at every step. */
describe.each(engines)('two-factor sign-in %s', (engine) => {
  let t: TestDb;
  let deps: Deps;
  let app: ReturnType<typeof createApp>;
  const clock = manualClock(new Date('2026-03-02T01:00:00Z'));
  const ids: Record<string, number> = {};
  let adminSecret = '';
  let recovery: string[] = [];

  const auditActions = async (user: string) =>
    (
      await t.db.tx(systemScope, (trx) =>
        trx
          .selectFrom('audit_log')
          .select(['action', 'outcome'])
          .where('target', '=', `user:${user}`)
          .orderBy('id')
          .execute(),
      )
    ).map((r) => `${r.action} ${r.outcome}`);

  beforeAll(async () => {
    t = await createTestDb(engine);
    await seedWorld(t.db);
    const unit = await makeUnit(t.db, 'countyA');
    for (const [name, role] of [
      ['adm', 'admin'],
      ['sec', 'security'],
      ['aud', 'auditor'],
      ['lead', 'leader'],
      ['disp', 'dispatcher'],
    ] as const)
      ids[name] = await makeUser(t.db, name, unit, [role]);
    deps = testDeps(t.db, { clock, env: { CIVICGRID_2FA_ROLES: 'dispatcher' } });
    app = createApp(deps);
  });
  afterAll(() => t.drop());

  it(`${engineLabel(engine)} an administrator is sent to enrolment and gets no session until enrolled`, async () => {
    const c = client(app);
    const first = await c.passwordStep('adm', testPassword);
    expect(first.status).toBe(202);
    expect(first.body.next).toBe('enrol');
    expect(first.headers.get('set-cookie')).toBeNull();
    expect((await c.get('/api/me')).status).toBe(401);
    const { pendingToken } = first.body;
    const e = await c.post('/api/auth/2fa/enrolment', { pendingToken });
    expect(e.status).toBe(200);
    adminSecret = e.body.secret;
    expect(adminSecret).toMatch(/^[A-Z2-7]{32}$/);
    expect(e.body.otpauthUri).toMatch(/^otpauth:\/\/totp\/civicgrid:adm\?secret=[A-Z2-7]+/);
    expect(e.body.qrDataUrl).toMatch(/^data:image\/png;base64,/);
    // The pending token opens nothing but the enrolment: the code step refuses it.
    expect(
      (await c.post('/api/auth/login/code', { pendingToken, code: totpAt(adminSecret, clock.now()) })).status,
    ).toBe(401);
    const wrong = await c.post('/api/auth/2fa/enrolment/confirm', { pendingToken, code: '000000' });
    expect(wrong.status).toBe(401);
    const done = await c.post('/api/auth/2fa/enrolment/confirm', {
      pendingToken,
      code: totpAt(adminSecret, clock.now()),
    });
    expect(done.status).toBe(200);
    expect(done.body.me.username).toBe('adm');
    recovery = done.body.recoveryCodes;
    expect(recovery).toHaveLength(10);
    expect(new Set(recovery).size).toBe(10);
    expect((await c.get('/api/me')).status).toBe(200);
    // At rest: the secret is a field envelope, the recovery codes are hashes.
    const stored = await t.db.tx(systemScope, async (trx) => ({
      totp: await trx.selectFrom('user_totp').selectAll().where('user_id', '=', ids.adm!).executeTakeFirstOrThrow(),
      codes: await trx.selectFrom('user_recovery_codes').select('code_hash').where('user_id', '=', ids.adm!).execute(),
    }));
    expect(stored.totp.secret_enc).toMatch(/^v1\.aes-256-gcm\.test\./);
    expect(stored.totp.secret_enc).not.toContain(adminSecret);
    expect(stored.codes.map((r) => r.code_hash).sort()).not.toContain(recovery[0]!.replace(/-/g, ''));
    expect(stored.codes).toHaveLength(10);
    // The finished pending token is spent.
    expect((await c.post('/api/auth/2fa/enrolment', { pendingToken })).status).toBe(401);
  });

  it(`${engineLabel(engine)} signs in with a code, never twice with the same one, and refuses a wrong one`, async () => {
    clock.advance(30_000);
    const code = totpAt(adminSecret, clock.now());
    const c = client(app);
    const first = await c.passwordStep('adm', testPassword);
    expect(first.status).toBe(202);
    expect(first.body.next).toBe('code');
    expect(
      (await c.post('/api/auth/login/code', { pendingToken: first.body.pendingToken, code: '123456' })).status,
    ).toBe(401);
    const ok = await c.post('/api/auth/login/code', { pendingToken: first.body.pendingToken, code });
    expect(ok.status).toBe(200);
    expect(ok.body.username).toBe('adm');
    const again = await client(app).passwordStep('adm', testPassword);
    const replay = await client(app).post('/api/auth/login/code', { pendingToken: again.body.pendingToken, code });
    expect(replay.status).toBe(401);
    expect(replay.body.error.code).toBe('InvalidCredentials');
  });

  it(`${engineLabel(engine)} signs in with a recovery code once`, async () => {
    const [code] = recovery;
    const a = await client(app).passwordStep('adm', testPassword);
    const used = await client(app).post('/api/auth/login/code', {
      pendingToken: a.body.pendingToken,
      code: code!.toUpperCase(),
    });
    expect(used.status).toBe(200);
    const b = await client(app).passwordStep('adm', testPassword);
    expect((await client(app).post('/api/auth/login/code', { pendingToken: b.body.pendingToken, code })).status).toBe(
      401,
    );
  });

  it(`${engineLabel(engine)} five wrong codes lock the code step; a pending token expires`, async () => {
    clock.advance(16 * 60_000);
    const a = await client(app).passwordStep('adm', testPassword);
    for (let i = 0; i < 5; i++)
      expect(
        (await client(app).post('/api/auth/login/code', { pendingToken: a.body.pendingToken, code: '111111' })).status,
      ).toBe(401);
    const locked = await client(app).post('/api/auth/login/code', {
      pendingToken: a.body.pendingToken,
      code: totpAt(adminSecret, clock.now()),
    });
    expect(locked.status).toBe(429);
    clock.advance(16 * 60_000);
    const b = await client(app).passwordStep('adm', testPassword);
    clock.advance(11 * 60_000);
    const late = await client(app).post('/api/auth/login/code', {
      pendingToken: b.body.pendingToken,
      code: totpAt(adminSecret, clock.now()),
    });
    expect(late.status).toBe(401);
    expect(late.body.error.code).toBe('Unauthenticated');
  });

  it(`${engineLabel(engine)} the roles in CIVICGRID_2FA_ROLES must enrol, others may sign in with the password`, async () => {
    expect((await client(app).passwordStep('lead', testPassword)).status).toBe(200);
    const disp = await client(app).passwordStep('disp', testPassword);
    expect(disp.status).toBe(202);
    expect(disp.body.next).toBe('enrol');
    for (const name of ['sec', 'aud'])
      expect((await client(app).passwordStep(name, testPassword)).body.next).toBe('enrol');
  });

  it(`${engineLabel(engine)} the security officer resets an ordinary account's second factor, an administrator's only from the CLI`, async () => {
    clock.advance(60_000);
    const disp = client(app);
    expect((await disp.login('disp', testPassword)).status).toBe(200);
    const officer = client(app);
    expect((await officer.login('sec', testPassword)).status).toBe(200);
    expect((await officer.post(`/api/users/${ids.disp}/2fa/reset`)).status).toBe(204);
    expect((await disp.get('/api/me')).status).toBe(401);
    expect((await client(app).passwordStep('disp', testPassword)).body.next).toBe('enrol');
    const refused = await officer.post(`/api/users/${ids.adm}/2fa/reset`);
    expect(refused.status).toBe(403);
    expect((await client(app).passwordStep('adm', testPassword)).body.next).toBe('code');
    const lead = client(app);
    await lead.login('lead', testPassword);
    expect((await lead.post(`/api/users/${ids.disp}/2fa/reset`)).status).toBe(403);
    await resetTwoFactor({ deps, actor: operatorActor('root', ['security']), requestId: null }, ids.adm!);
    expect((await client(app).passwordStep('adm', testPassword)).body.next).toBe('enrol');
  });

  it(`${engineLabel(engine)} every step is in the audit log`, async () => {
    const adm = await auditActions('adm');
    for (const step of [
      'auth.2fa.enrolment_started ok',
      'auth.2fa.failed denied',
      'auth.2fa.enrolled ok',
      'auth.2fa.verified ok',
      'auth.2fa.recovery_used ok',
      'auth.2fa.reset ok',
    ])
      expect(adm).toContain(step);
    // A refused reset is recorded by the generic refusal path, which names the target by id.
    expect(await auditActions(String(ids.adm))).toContain('auth.2fa.reset denied');
  });
});
