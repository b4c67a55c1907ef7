import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestDb, engineLabel, engines, type TestDb } from '../test-db.js';
import { makeUnit, seedWorld } from '../factories.js';
import { regionScope, systemScope } from '../../src/storage/db.js';
import { appendAudit, readChain } from '../../src/storage/audit.repo.js';
import { verifyAuditChain } from '../../src/app/audit/verify-audit-chain.js';

const rlsTables = ['regions', 'units', 'users'];

describe.each(engines)('the database wall %s', (engine) => {
  let t: TestDb;
  let paths: Awaited<ReturnType<typeof seedWorld>>;

  beforeAll(async () => {
    t = await createTestDb(engine);
    paths = await seedWorld(t.db);
    await makeUnit(t.db, 'townA1');
    await makeUnit(t.db, 'townA2');
    await makeUnit(t.db, 'countyB');
  });
  afterAll(() => t.drop());

  it(`${engineLabel(engine)} works as a role that is neither superuser nor BYPASSRLS`, async () => {
    const r = await t.db.tx(systemScope, (trx) =>
      sql<{
        user: string;
        super: boolean;
        bypass: boolean;
      }>`SELECT current_user AS user, rolsuper AS super, rolbypassrls AS bypass FROM pg_roles WHERE rolname = current_user`.execute(
        trx,
      ),
    );
    expect(r.rows).toEqual([{ user: 'civicgrid_app', super: false, bypass: false }]);
  });

  it(`${engineLabel(engine)} has row-level security enabled and FORCEd on every region-bearing table`, async () => {
    const r = await t.db.tx(systemScope, (trx) =>
      sql<{
        relname: string;
        on: boolean;
        forced: boolean;
      }>`SELECT relname, relrowsecurity AS on, relforcerowsecurity AS forced FROM pg_class WHERE relname = ANY(${rlsTables}) ORDER BY relname`.execute(
        trx,
      ),
    );
    expect(r.rows).toEqual(rlsTables.sort().map((relname) => ({ relname, on: true, forced: true })));
  });

  it(`${engineLabel(engine)} forces RLS on every table that carries a region path`, async () => {
    const r = await t.db.tx(systemScope, (trx) =>
      sql<{ table_name: string; forced: boolean }>`SELECT c.table_name, k.relforcerowsecurity AS forced
        FROM information_schema.columns c JOIN pg_class k ON k.relname = c.table_name AND k.relkind = 'r'
        WHERE c.table_schema = 'public' AND c.column_name IN ('region_path', 'scope_path', 'path')
        GROUP BY c.table_name, k.relforcerowsecurity ORDER BY c.table_name`.execute(trx),
    );
    expect(r.rows.length).toBeGreaterThanOrEqual(8);
    // categories carry a path too, but it is the category tree's, not a region's: they are global reference data.
    expect(r.rows.filter((x) => !x.forced).map((x) => x.table_name)).toEqual(['categories']);
  });

  it(`${engineLabel(engine)} shows nothing when no scope is set`, async () => {
    const n = await t.db.kysely.transaction().execute((trx) => trx.selectFrom('units').select('id').execute());
    expect(n).toEqual([]);
  });

  it(`${engineLabel(engine)} filters, refuses and hides foreign rows by RLS alone (no use-case filter)`, async () => {
    await t.db.tx(regionScope(paths.townA1), async (trx) => {
      const units = await trx.selectFrom('units').select('region_path').execute();
      expect(units.length).toBe(1);
      expect(units.every((u) => u.region_path.startsWith(paths.townA1))).toBe(true);
      const regions = await trx.selectFrom('regions').select('code').orderBy('code').execute();
      expect(regions.map((r) => r.code)).toEqual(['320101001', '320101001001', '320101001001001']);
      const touched = await trx
        .updateTable('units')
        .set({ name: 'x' })
        .where('region_path', '=', paths.townA2)
        .executeTakeFirst();
      expect(Number(touched.numUpdatedRows)).toBe(0);
      const removed = await trx.deleteFrom('regions').where('code', '=', '320102').executeTakeFirst();
      expect(Number(removed.numDeletedRows)).toBe(0);
    });
    await expect(
      t.db.tx(regionScope(paths.townA1), (trx) =>
        trx
          .insertInto('units')
          .values({
            type_code: 'service_centre',
            region_code: '320101002',
            region_path: paths.townA2,
            name: 'foreign',
            created_at: new Date(),
          })
          .execute(),
      ),
    ).rejects.toThrow(/row-level security/);
  });

  it(`${engineLabel(engine)} lets the app append to the audit log but never change or delete it`, async () => {
    await t.db.tx(systemScope, (trx) =>
      appendAudit(trx, {
        at: new Date(),
        actorId: null,
        actorName: 't',
        action: 'test',
        target: 'x',
        outcome: 'ok',
        requestId: null,
      }),
    );
    await expect(
      t.db.tx(systemScope, (trx) => sql`UPDATE audit_log SET action = 'forged'`.execute(trx)),
    ).rejects.toThrow(/permission denied/);
    await expect(t.db.tx(systemScope, (trx) => sql`DELETE FROM audit_log`.execute(trx))).rejects.toThrow(
      /permission denied/,
    );
    await expect(t.db.tx(systemScope, (trx) => sql`UPDATE audit_head SET last_id = 0`.execute(trx))).rejects.toThrow(
      /permission denied/,
    );
  });

  it(`${engineLabel(engine)} hashes a record's region with it, and a record of no region exactly as before`, async () => {
    const at = new Date('2026-03-01T01:02:03.456Z');
    const atText = '2026-03-01T01:02:03.456000Z'; // microseconds, as audit_content writes it
    const entry = { at, actorId: null, actorName: 't', target: 'case:1', outcome: 'ok' as const, requestId: null };
    await t.db.tx(systemScope, async (trx) => {
      await appendAudit(trx, { ...entry, action: 'no-region' });
      await appendAudit(trx, { ...entry, action: 'in-region', regionPath: paths.townA1 });
    });
    const [plain, scoped] = await t.db.tx(systemScope, async (trx) => {
      const ids = await trx
        .selectFrom('audit_log')
        .select('id')
        .where('action', 'in', ['no-region', 'in-region'])
        .orderBy('id')
        .execute();
      return readChain(trx, Number(ids[0]!.id) - 1, 2);
    });
    // The content of the foundation migration (records written before regions were kept still verify) …
    expect(JSON.parse(plain!.content)).toEqual([plain!.id, atText, null, 't', 'no-region', 'case:1', 'ok', null, {}]);
    // … and the region appended to it when there is one.
    expect(JSON.parse(scoped!.content)).toEqual([
      scoped!.id,
      atText,
      null,
      't',
      'in-region',
      'case:1',
      'ok',
      null,
      {},
      paths.townA1,
    ]);
    expect((await verifyAuditChain(t.db)).ok).toBe(true);
    // Moving a record out of an auditor's sight breaks the chain at that record.
    await t.db.asOwner(`UPDATE audit_log SET region_path = '${paths.countyB}' WHERE id = ${scoped!.id}`);
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: false, firstBrokenId: scoped!.id });
    await t.db.asOwner(`UPDATE audit_log SET region_path = '${paths.townA1}' WHERE id = ${scoped!.id}`);
    await t.db.asOwner(`UPDATE audit_log SET region_path = '${paths.townA1}' WHERE id = ${plain!.id}`);
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: false, firstBrokenId: plain!.id });
    await t.db.asOwner(`UPDATE audit_log SET region_path = NULL WHERE id = ${plain!.id}`);
    expect((await verifyAuditChain(t.db)).ok).toBe(true);
  });

  it(`${engineLabel(engine)} detects a tampered audit record and names it`, async () => {
    for (let i = 0; i < 5; i++) {
      await t.db.tx(systemScope, (trx) =>
        appendAudit(trx, {
          at: new Date(),
          actorId: null,
          actorName: 't',
          action: `a${i}`,
          target: 'x',
          outcome: 'ok',
          requestId: null,
          details: { i },
        }),
      );
    }
    expect((await verifyAuditChain(t.db)).ok).toBe(true);
    const victim = await t.db.tx(
      systemScope,
      async (trx) =>
        (await trx.selectFrom('audit_log').select('id').where('action', '=', 'a2').executeTakeFirstOrThrow()).id,
    );
    await t.db.asOwner(`UPDATE audit_log SET details = '{"i": 99}' WHERE id = ${Number(victim)}`);
    const r = await verifyAuditChain(t.db);
    expect(r).toMatchObject({ ok: false, firstBrokenId: Number(victim) });
    await t.db.asOwner(`UPDATE audit_log SET details = '{"i": 2}' WHERE id = ${Number(victim)}`);
    expect((await verifyAuditChain(t.db)).ok).toBe(true);
    await t.db.asOwner(`DELETE FROM audit_log WHERE id = (SELECT max(id) FROM audit_log)`);
    expect((await verifyAuditChain(t.db)).ok).toBe(false);
  });
});
