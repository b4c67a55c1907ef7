import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, engineLabel, engines, type TestDb } from '../test-db.js';
import { makeUnit, makeUser, seedWorld, testPassword } from '../factories.js';
import { createApp } from '../../src/http/app.js';
import { client } from '../http-client.js';
import { testDeps } from '../test-deps.js';
import { systemScope } from '../../src/storage/db.js';

/**
 * Issue 11 point 9: naming a unit in an action must not tell whether a unit outside the case's path
 * exists. Re-dispatching or asking for joint handling with a unit of another county, a unit of a
 * sibling township, a disabled unit or an id that was never issued all answer the same status,
 * code, message and details.
 */
describe.each(engines)('unit references as oracles %s', (engine) => {
  let t: TestDb;
  let dispatcher: ReturnType<typeof client>;
  let handler: ReturnType<typeof client>;
  const units = {} as Record<'countyA' | 'townA1' | 'townA2' | 'countyB' | 'disabled', number>;
  let caseId: number;
  let version: number;

  beforeAll(async () => {
    t = await createTestDb(engine);
    await seedWorld(t.db);
    units.countyA = await makeUnit(t.db, 'countyA');
    units.townA1 = await makeUnit(t.db, 'townA1');
    units.townA2 = await makeUnit(t.db, 'townA2');
    units.countyB = await makeUnit(t.db, 'countyB');
    units.disabled = await makeUnit(t.db, 'townA1', 'justice_office');
    await t.db.tx(systemScope, (trx) =>
      trx.updateTable('units').set({ disabled: true }).where('id', '=', units.disabled).execute(),
    );
    await makeUser(t.db, 'county-dispatcher', units.countyA, ['dispatcher']);
    await makeUser(t.db, 'town-mediator', units.townA1, ['mediator']);
    const app = createApp(testDeps(t.db));
    dispatcher = client(app);
    handler = client(app);
    await dispatcher.login('county-dispatcher', testPassword);
    await handler.login('town-mediator', testPassword);
    const filed = await dispatcher.post(
      '/api/cases',
      {
        kind: 'dispute',
        channel: 'walk_in',
        title: '邻里漏水纠纷',
        description: '楼上漏水，协商未果',
        categoryCode: 'neighbour_leak',
        regionCode: '320101001001',
      },
      { 'idempotency-key': 'oracle-case-0001' },
    );
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);
    caseId = filed.body.id;
    version = filed.body.version;
    // the rules send it to the county centre itself; the county dispatcher passes it to the township
    if (filed.body.leadUnit?.id !== units.townA1) {
      const action = filed.body.status === 'received' ? 'dispatch' : 'redispatch';
      const d = await dispatcher.post(`/api/cases/${caseId}/actions/${action}`, {
        expectedVersion: version,
        unitId: units.townA1,
      });
      expect(d.status, JSON.stringify(d.body)).toBe(200);
      version = d.body.version;
    }
  });
  afterAll(() => t.drop());

  const answer = (r: { status: number; body: any }) => ({
    status: r.status,
    code: r.body.error?.code,
    message: r.body.error?.message.replace(/\d+/g, 'N'),
    details: JSON.stringify(r.body.error?.details ?? null).replace(/\d+/g, 'N'),
  });

  it(`${engineLabel(engine)} redispatch answers alike for a foreign, a sibling, a disabled and a missing unit`, async () => {
    const tryWith = async (unitId: number) =>
      answer(await dispatcher.post(`/api/cases/${caseId}/actions/redispatch`, { expectedVersion: version, unitId }));
    const missing = await tryWith(987_654);
    expect(missing.status).toBe(400);
    expect(await tryWith(units.countyB)).toEqual(missing);
    expect(await tryWith(units.townA2)).toEqual(missing);
    expect(await tryWith(units.disabled)).toEqual(missing);
  });

  it(`${engineLabel(engine)} request_joint answers alike for a foreign, a sibling, a disabled and a missing co-unit`, async () => {
    const detail = (await dispatcher.get(`/api/cases/${caseId}`)).body;
    const signed = await handler.post(`/api/cases/${caseId}/actions/sign`, { expectedVersion: detail.version });
    expect(signed.status, JSON.stringify(signed.body)).toBe(200);
    const tryWith = async (unitId: number) =>
      answer(
        await dispatcher.post(`/api/cases/${caseId}/actions/request_joint`, {
          expectedVersion: signed.body.version,
          coUnits: [{ unitId, task: '请协助核实' }],
        }),
      );
    const missing = await tryWith(987_654);
    expect(missing.status).toBe(400);
    expect(await tryWith(units.countyB)).toEqual(missing);
    expect(await tryWith(units.townA2)).toEqual(missing);
    expect(await tryWith(units.disabled)).toEqual(missing);
    // a unit on the case's path still takes a co-task
    const ok = await dispatcher.post(`/api/cases/${caseId}/actions/request_joint`, {
      expectedVersion: signed.body.version,
      coUnits: [{ unitId: units.countyA, task: '请协助核实' }],
    });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
  });
});
