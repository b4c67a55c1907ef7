import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, engineLabel, engines, type TestDb } from '../test-db.js';
import { makeUnit, makeUser, seedWorld, testPassword, world } from '../factories.js';
import { createApp } from '../../src/http/app.js';
import { systemScope } from '../../src/storage/db.js';
import { createFieldCrypto, envelopeKeyId } from '../../src/app/crypto/field-cipher.js';
import { reencryptUnderCurrentKey, type RotationProgress } from '../../src/app/crypto/rotate-data-key.js';
import type { Deps } from '../../src/app/deps.js';
import { client } from '../http-client.js';
import { testDeps } from '../test-deps.js';

/** Issue 11, point 14: `civicgrid keys rotate` re-encrypts parties' data and TOTP secrets in batches, resumably. */
describe.each(engines)('data key rotation %s', (engine) => {
  let t: TestDb;
  let deps: Deps;
  const k1 = randomBytes(32);
  const k2 = randomBytes(32);
  const phones = ['13800000001', '13800000002', '13800000003', '13800000004', '13800000005'];

  const partyRows = () =>
    t.db.tx(systemScope, (trx) =>
      trx
        .selectFrom('case_parties')
        .select(['id', 'phone_enc', 'id_number_enc', 'address_enc', 'phone_hash', 'phone_last4_hash'])
        .orderBy('id')
        .execute(),
    );

  beforeAll(async () => {
    t = await createTestDb(engine);
    await seedWorld(t.db);
    await makeUnit(t.db, 'countyA');
    const cityUnit = await makeUnit(t.db, 'city');
    await makeUser(t.db, 'city-clerk', cityUnit, ['clerk']);
    await makeUser(t.db, 'adm', cityUnit, ['admin']);
    deps = { ...testDeps(t.db), crypto: createFieldCrypto({ current: 'k1', keys: { k1 } }) };
    const app = createApp(deps);
    const clerk = client(app);
    expect((await clerk.login('city-clerk', testPassword)).status).toBe(200);
    for (const [i, phone] of phones.entries()) {
      const r = await clerk.post(
        '/api/cases',
        {
          kind: 'petition',
          channel: 'letter',
          title: `来信 ${i}`,
          description: '反映问题',
          categoryCode: 'other',
          regionCode: world.countyA.code,
          parties: [{ role: 'applicant', name: `张${i}`, phone, address: `南京市某路${i}号` }],
        },
        { 'idempotency-key': `rotation-${i}-0000` },
      );
      expect(r.status, JSON.stringify(r.body)).toBe(201);
    }
    // An enrolled administrator: the TOTP secret is sealed with k1 too.
    expect((await client(app).login('adm', testPassword)).status).toBe(200);
  });
  afterAll(() => t.drop());

  it(`${engineLabel(engine)} re-encrypts in batches with progress, resumes after a stop, and the old key can go`, async () => {
    const before = await partyRows();
    expect(before).toHaveLength(5);
    expect(before.every((r) => envelopeKeyId(r.phone_enc!) === 'k1')).toBe(true);
    const rotated = { ...deps, crypto: createFieldCrypto({ current: 'k2', keys: { k1, k2 } }) };

    // Stopped after the first batch, as an interrupted run would be.
    const stop = new AbortController();
    const first: RotationProgress[] = [];
    await reencryptUnderCurrentKey(rotated, {
      batchSize: 2,
      signal: stop.signal,
      onProgress: (p) => {
        first.push(p);
        stop.abort();
      },
    });
    expect(first).toEqual([{ table: 'case_parties', done: 2, total: 5 }]);
    const half = await partyRows();
    expect(half.map((r) => envelopeKeyId(r.phone_enc!))).toEqual(['k2', 'k2', 'k1', 'k1', 'k1']);

    const again: RotationProgress[] = [];
    const r = await reencryptUnderCurrentKey(rotated, { batchSize: 2, onProgress: (p) => again.push(p) });
    expect(r).toEqual({ parties: 3, totpSecrets: 1 });
    expect(again).toEqual([
      { table: 'case_parties', done: 2, total: 3 },
      { table: 'case_parties', done: 3, total: 3 },
      { table: 'user_totp', done: 1, total: 1 },
    ]);
    // Running it once more finds nothing left.
    expect(await reencryptUnderCurrentKey(rotated, { batchSize: 2 })).toEqual({ parties: 0, totpSecrets: 0 });

    // With k1 gone from the ring, every field still opens and the matching hashes follow k2.
    const k2only = createFieldCrypto({ current: 'k2', keys: { k2 } });
    const after = await partyRows();
    expect(after.map((row) => k2only.decrypt(row.phone_enc!))).toEqual(phones);
    expect(after.map((row) => k2only.decrypt(row.address_enc!))).toEqual(phones.map((_, i) => `南京市某路${i}号`));
    expect(after.map((row) => row.phone_hash)).toEqual(phones.map((p) => k2only.hash(p)));
    expect(after.map((row) => row.phone_last4_hash)).toEqual(phones.map((p) => k2only.hash(`last4:${p.slice(-4)}`)));
    expect(after.map((row) => row.phone_hash)).not.toEqual(before.map((row) => row.phone_hash));

    // The administrator's TOTP secret is under k2 alone too.
    const totp = await t.db.tx(systemScope, (trx) =>
      trx.selectFrom('user_totp').select('secret_enc').executeTakeFirstOrThrow(),
    );
    expect(envelopeKeyId(totp.secret_enc)).toBe('k2');
    expect(k2only.decrypt(totp.secret_enc)).toMatch(/^[A-Z2-7]{32}$/);
  });
});
