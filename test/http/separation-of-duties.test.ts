import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, engineLabel, engines, type TestDb } from '../test-db.js';
import { makeUnit, makeUser, seedWorld, testPassword } from '../factories.js';
import { testDeps } from '../test-deps.js';
import { client } from '../http-client.js';
import { createApp } from '../../src/http/app.js';
import { systemScope } from '../../src/storage/db.js';
import { operatorActor } from '../../src/core/auth/actor.js';
import { createUser } from '../../src/app/users/create-user.js';
import { resetPassword } from '../../src/app/users/reset-password.js';
import { isDomainError } from '../../src/core/errors.js';
import type { Role } from '../../src/contract/common.js';

/**
 * 三员分立 (等保 2.0 level 3): over the API no one of the administrator, the security officer and the
 * auditor may change another's account or create one holding any of the three roles; the operator
 * at the server's command line (`civicgrid user add`, `civicgrid user reset-password`) does both.
 */
describe.each(engines)('separation of duties %s', (engine) => {
  let t: TestDb;
  let deps: ReturnType<typeof testDeps>;
  let app: ReturnType<typeof createApp>;
  let unit: number;
  const id = {} as Record<'admin' | 'security' | 'security2' | 'auditor' | 'staff', number>;

  beforeAll(async () => {
    t = await createTestDb(engine);
    await seedWorld(t.db);
    unit = await makeUnit(t.db, 'countyA');
    id.admin = await makeUser(t.db, 'sod-admin', unit, ['admin']);
    id.security = await makeUser(t.db, 'sod-security', unit, ['security']);
    id.security2 = await makeUser(t.db, 'sod-security2', unit, ['security']);
    id.auditor = await makeUser(t.db, 'sod-auditor', unit, ['auditor']);
    id.staff = await makeUser(t.db, 'sod-staff', unit, ['mediator']);
    deps = testDeps(t.db);
    app = createApp(deps);
  });
  afterAll(() => t.drop());

  const signedIn = async (username: string) => {
    const c = client(app);
    expect((await c.login(username, testPassword)).status).toBe(200);
    return c;
  };
  const refusedRecords = () =>
    t.db.tx(systemScope, (trx) =>
      trx
        .selectFrom('audit_log')
        .select(['action', 'target', 'outcome', 'actor_name', 'details'])
        .where('outcome', '=', 'denied')
        .where('action', 'like', 'user.%')
        .orderBy('id')
        .execute(),
    );

  it(`${engineLabel(engine)} the security officer cannot create, take over or edit the three administrators' accounts`, async () => {
    const sec = await signedIn('sod-security');
    const before = (await refusedRecords()).length;
    const creations: Role[][] = [['auditor'], ['admin'], ['security']];
    const results: [string, number, string][] = [];
    for (const roles of creations) {
      const r = await sec.post('/api/users', {
        username: `new-${roles.join('-')}`,
        displayName: '新账号',
        unitId: unit,
        roles,
        password: 'a-new-password-1',
      });
      results.push([`create ${roles}`, r.status, r.body?.error?.code]);
    }
    const patches: [string, number, Record<string, unknown>][] = [
      ["the auditor's password", id.auditor, { password: 'taken-over-password' }],
      ["the auditor's state", id.auditor, { disabled: true }],
      ["the auditor's roles", id.auditor, { roles: ['mediator'] }],
      ["the administrator's name", id.admin, { displayName: '改名' }],
      ["the administrator's password", id.admin, { password: 'taken-over-password' }],
      ["another security officer's password", id.security2, { password: 'taken-over-password' }],
      ['staff made an auditor', id.staff, { roles: ['auditor'] }],
      ['staff made an administrator', id.staff, { roles: ['admin'] }],
    ];
    for (const [label, target, body] of patches) {
      const r = await sec.patch(`/api/users/${target}`, body);
      results.push([label, r.status, r.body?.error?.code]);
    }
    const want = results.map(([label]) => [label, 403, 'SeparationOfDuties']);
    expect(results).toEqual(want);

    // The auditor keeps their password: the officer cannot sign in as them.
    expect((await client(app).login('sod-auditor', 'taken-over-password')).status).toBe(401);
    expect((await client(app).login('sod-auditor', testPassword)).status).toBe(200);
    expect((await client(app).login('sod-admin', testPassword)).status).toBe(200);
    const staff = (await sec.get(`/api/users/${id.staff}`)).body;
    expect(staff.roles).toEqual(['mediator']);

    // Every refusal is in the audit log, as refused, with its code and the officer's name.
    const records = (await refusedRecords()).slice(before);
    expect(records.length).toBe(results.length);
    for (const r of records) {
      expect(r.actor_name).toBe('sod-security');
      expect((r.details as { code: string }).code).toBe('SeparationOfDuties');
    }
    expect(records.map((r) => r.action).sort()).toEqual(
      [...creations.map(() => 'user.create'), ...patches.map(() => 'user.update')].sort(),
    );
  });

  it(`${engineLabel(engine)} the security officer still manages ordinary staff accounts`, async () => {
    const sec = await signedIn('sod-security');
    const created = await sec.post('/api/users', {
      username: 'sod-clerk',
      displayName: '登记员',
      unitId: unit,
      roles: ['clerk'],
      password: 'a-clerk-password-1',
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect((await sec.patch(`/api/users/${id.staff}`, { password: 'a-reset-password-1' })).status).toBe(200);
    expect((await sec.patch(`/api/users/${id.staff}`, { roles: ['mediator', 'leader'] })).status).toBe(200);
    expect((await client(app).login('sod-staff', 'a-reset-password-1')).status).toBe(200);
  });

  it(`${engineLabel(engine)} the administrator and the auditor cannot change accounts at all`, async () => {
    for (const username of ['sod-admin', 'sod-auditor']) {
      const c = await signedIn(username);
      for (const target of [id.security, id.auditor, id.admin, id.staff]) {
        const r = await c.patch(`/api/users/${target}`, { password: 'taken-over-password' });
        expect([username, target, r.status, r.body.error.code]).toEqual([username, target, 403, 'Forbidden']);
      }
      const made = await c.post('/api/users', {
        username: `by-${username}`,
        displayName: 'x',
        unitId: unit,
        roles: ['security'],
        password: 'a-new-password-1',
      });
      expect(made.status).toBe(403);
    }
  });

  it(`${engineLabel(engine)} the operator at the server creates an auditor and resets the administrator's password`, async () => {
    const operator = { deps, actor: operatorActor('root', ['security']), requestId: null };
    const auditor = await createUser(operator, {
      username: 'cli-auditor',
      displayName: '审计员',
      unitId: unit,
      roles: ['auditor'],
      password: 'an-auditor-password-1',
    });
    expect(auditor.roles).toEqual(['auditor']);
    expect((await client(app).login('cli-auditor', 'an-auditor-password-1')).status).toBe(200);

    const admin = await signedIn('sod-admin');
    expect((await admin.get('/api/me')).status).toBe(200);
    await resetPassword(operator, { username: 'sod-admin', password: 'a-fresh-admin-password' });
    // The reset ends the old sessions and the new password works.
    expect((await admin.get('/api/me')).status).toBe(401);
    expect((await client(app).login('sod-admin', 'a-fresh-admin-password')).status).toBe(200);

    // The reset is the operator's alone: a staff actor calling the same use case is refused.
    const sec = { deps, actor: { ...operatorActor('x', ['security']), operator: undefined }, requestId: null };
    const refused = await resetPassword(sec, { username: 'sod-auditor', password: 'taken-over-password' }).catch(
      (e: unknown) => e,
    );
    expect(isDomainError(refused) && refused.code).toBe('Forbidden');
    const records = await t.db.tx(systemScope, (trx) =>
      trx
        .selectFrom('audit_log')
        .select(['actor_name', 'outcome'])
        .where('action', '=', 'user.reset-password')
        .orderBy('id')
        .execute(),
    );
    expect(records).toEqual([
      { actor_name: 'cli:root', outcome: 'ok' },
      { actor_name: 'cli:x', outcome: 'denied' },
    ]);
  });
});
