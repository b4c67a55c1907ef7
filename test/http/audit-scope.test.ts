import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, engineLabel, engines, type TestDb } from '../test-db.js';
import { makeUnit, makeUser, petitionAt, seedWorld, testPassword, type WorldRegion, world } from '../factories.js';
import { testDeps } from '../test-deps.js';
import { client } from '../http-client.js';
import { createApp } from '../../src/http/app.js';
import { regionScope, systemScope } from '../../src/storage/db.js';

type AuditRow = { target: string; action: string; regionPath: string | null; details: { reason?: string } };

/**
 * An auditor reads the audit records of their jurisdiction only: a record carries the region path of
 * its target (a case's, an account's), so a township auditor does not read another township's or
 * county's records, such as the reasons staff gave for revealing parties there.
 */
describe.each(engines)('audit log by jurisdiction %s', (engine) => {
  let t: TestDb;
  let app: ReturnType<typeof createApp>;
  let paths: Awaited<ReturnType<typeof seedWorld>>;
  const regions: WorldRegion[] = ['townA1', 'townA2', 'townB1'];
  const caseAt = {} as Record<WorldRegion, number>;
  const staffAt = {} as Record<WorldRegion, number>;

  beforeAll(async () => {
    t = await createTestDb(engine);
    paths = await seedWorld(t.db);
    const city = await makeUnit(t.db, 'city');
    await makeUnit(t.db, 'countyA');
    await makeUnit(t.db, 'countyB');
    await makeUser(t.db, 'aud-province', await makeUnit(t.db, 'province'), ['auditor']);
    await makeUser(t.db, 'city-clerk', city, ['clerk']);
    await makeUser(t.db, 'city-security', city, ['security']);
    for (const r of regions) {
      const unit = await makeUnit(t.db, r);
      staffAt[r] = await makeUser(t.db, `staff-${world[r].code}`, unit, ['mediator']);
    }
    const townA1 = await makeUnit(t.db, 'townA1', 'justice_office');
    const countyA = await makeUnit(t.db, 'countyA', 'justice_office');
    await makeUser(t.db, 'aud-town', townA1, ['auditor']);
    await makeUser(t.db, 'aud-county', countyA, ['auditor']);
    app = createApp(testDeps(t.db));

    // In each township: a case with a party whose contact data the city clerk reveals with a reason,
    // and an account the city's security officer renames. Plus a login of a name that does not exist.
    const clerk = client(app);
    await clerk.login('city-clerk', testPassword);
    const security = client(app);
    await security.login('city-security', testPassword);
    for (const r of regions) {
      const res = await clerk.post(
        '/api/cases',
        petitionAt(r, { parties: [{ role: 'applicant', name: '张三', phone: '13900001111' }] }),
        { 'idempotency-key': `audit-scope-${r}-0` },
      );
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      caseAt[r] = res.body.id;
      const revealed = await clerk.post(`/api/cases/${caseAt[r]}/parties/reveal`, { reason: `回访核实 ${r}` });
      expect(revealed.status).toBe(200);
      expect((await security.patch(`/api/users/${staffAt[r]}`, { displayName: `改名 ${r}` })).status).toBe(200);
    }
    await client(app).login('nobody-at-all', 'wrong-password-1');
  });
  afterAll(() => t.drop());

  const read = async (auditor: string): Promise<AuditRow[]> => {
    const c = client(app);
    expect((await c.login(auditor, testPassword)).status).toBe(200);
    const res = await c.get('/api/audit?pageSize=200');
    expect(res.status).toBe(200);
    expect(res.body.total).toBeLessThan(200);
    return res.body.items;
  };
  const reveals = (records: AuditRow[]) =>
    records
      .filter((r) => r.action === 'case.parties.reveal')
      .map((r) => r.details.reason)
      .sort();
  const renames = (records: AuditRow[]) =>
    records
      .filter((r) => r.action === 'user.update')
      .map((r) => r.target)
      .sort();

  it(`${engineLabel(engine)} a township auditor reads their township's records only`, async () => {
    const records = await read('aud-town');
    expect(records.length).toBeGreaterThan(0);
    for (const r of records) expect([r.target, r.regionPath?.startsWith(paths.townA1)]).toEqual([r.target, true]);
    expect(reveals(records)).toEqual(['回访核实 townA1']);
    expect(renames(records)).toEqual([`user:${staffAt.townA1}`]);
    expect(records.some((r) => r.target === `case:${caseAt.townA1}` && r.action === 'case.submit')).toBe(true);
  });

  it(`${engineLabel(engine)} a county auditor reads the county's records, not another county's`, async () => {
    const records = await read('aud-county');
    for (const r of records) expect([r.target, r.regionPath?.startsWith(paths.countyA)]).toEqual([r.target, true]);
    expect(reveals(records)).toEqual(['回访核实 townA1', '回访核实 townA2']);
    expect(renames(records)).toEqual([`user:${staffAt.townA1}`, `user:${staffAt.townA2}`].sort());
  });

  it(`${engineLabel(engine)} the root's auditor reads everything, the system's records of no region too`, async () => {
    const records = await read('aud-province');
    expect(reveals(records)).toEqual(['回访核实 townA1', '回访核实 townA2', '回访核实 townB1']);
    expect(records.some((r) => r.target === 'user:nobody-at-all' && r.regionPath === null)).toBe(true);
  });

  it(`${engineLabel(engine)} row-level security alone keeps other regions' records from a township's scope`, async () => {
    const rows = await t.db.tx(regionScope(paths.townA1), (trx) =>
      trx.selectFrom('audit_log').select(['region_path', 'details']).execute(),
    );
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.region_path?.startsWith(paths.townA1))).toBe(true);
  });

  it(`${engineLabel(engine)} any auditor still verifies the whole chain`, async () => {
    const c = client(app);
    await c.login('aud-town', testPassword);
    const res = await c.get('/api/audit/verify');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.ok).toBe(true);
    const all = await t.db.tx(systemScope, (trx) => trx.selectFrom('audit_log').select('id').execute());
    expect(res.body.checked).toBe(all.length);
  });
});
