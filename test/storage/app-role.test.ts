import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { sql } from 'kysely';
import { createTestDb, engineLabel, engines, postgresUrl, type TestDb } from '../test-db.js';
import { makeUnit, seedWorld } from '../factories.js';
import { createDb, regionScope, systemScope, type Db, type DbConfig, type Engine } from '../../src/storage/db.js';
import { insertUnit } from '../../src/storage/units.repo.js';

/**
 * DATABASE_APP_ROLE names the role the server works as. The migrations grant only civicgrid_app,
 * so another role used to fail every transaction (permission denied); now start-up makes it a
 * member of civicgrid_app, and row-level security applies to it as to civicgrid_app.
 */
type Opened = { config: DbConfig; asOwner: (s: string) => Promise<void>; cleanup: () => Promise<void> };

/** A migrated database that stays after its first Db is closed (PGlite on disk, a PostgreSQL database). */
async function database(engine: Engine): Promise<Opened> {
  if (engine === 'pglite') {
    const dir = await mkdtemp(path.join(tmpdir(), 'civicgrid-role-'));
    const config: DbConfig = { kind: 'pglite', dir };
    const asOwner = async (s: string) => {
      const db = await createDb(config);
      await db.asOwner(s).finally(() => db.close());
    };
    await asOwner('SELECT 1');
    return { config, asOwner, cleanup: () => rm(dir, { recursive: true, force: true }) };
  }
  const t: TestDb = await createTestDb('postgres');
  const name = await t.db.tx(
    systemScope,
    async (trx) => (await sql<{ db: string }>`SELECT current_database() AS db`.execute(trx)).rows[0]!.db,
  );
  const url = new URL(postgresUrl!);
  url.pathname = `/${name}`;
  return {
    config: { kind: 'postgres', url: url.toString() },
    asOwner: (s) => t.db.asOwner(s),
    cleanup: () => t.drop(),
  };
}

/** Roles are cluster-wide on PostgreSQL: drop the test's own once its database is gone. */
async function dropRoles(engine: Engine, roles: string[]): Promise<void> {
  if (engine !== 'postgres') return;
  const c = new pg.Client({ connectionString: postgresUrl });
  await c.connect();
  try {
    for (const r of roles) await c.query(`DROP ROLE IF EXISTS ${r}`);
  } finally {
    await c.end();
  }
}

const codes = (rows: { code: string }[]) => rows.map((r) => r.code).sort();

describe.each(engines)('a configured application role %s', (engine) => {
  const role = `cg_role_${randomBytes(5).toString('hex')}`;
  const bypassing = `cg_bypass_${randomBytes(5).toString('hex')}`;
  let d: Opened;
  let db: Db;
  let paths: Awaited<ReturnType<typeof seedWorld>>;

  beforeAll(async () => {
    d = await database(engine);
    await d.asOwner(`CREATE ROLE ${role} NOLOGIN; CREATE ROLE ${bypassing} NOLOGIN BYPASSRLS`);
    db = await createDb(d.config, role);
    paths = await seedWorld(db);
    await makeUnit(db, 'countyA');
    await makeUnit(db, 'countyB');
  });
  afterAll(async () => {
    await db?.close();
    await d?.cleanup();
    await dropRoles(engine, [role, bypassing]);
  });

  it(`${engineLabel(engine)} is the role every transaction runs as, neither superuser nor BYPASSRLS`, async () => {
    const r = await db.tx(regionScope(paths.countyA), (trx) =>
      sql<{ user: string; super: boolean; bypass: boolean }>`
        SELECT current_user AS user, rolsuper AS super, rolbypassrls AS bypass
        FROM pg_roles WHERE rolname = current_user`.execute(trx),
    );
    expect(r.rows).toEqual([{ user: role, super: false, bypass: false }]);
  });

  it(`${engineLabel(engine)} reads and writes inside its scope, and row-level security still filters`, async () => {
    const scope = regionScope(paths.countyA);
    const regions = await db.tx(scope, (trx) => trx.selectFrom('regions').select('code').execute());
    expect(codes(regions)).toEqual([
      '320101',
      '320101001',
      '320101001001',
      '320101001001001',
      '320101002',
      '320101002001',
    ]);
    const units = await db.tx(scope, (trx) => trx.selectFrom('units').select('region_code as code').execute());
    expect(codes(units)).toEqual(['320101']);
    const at = new Date('2026-01-05T02:00:00Z');
    const unit = { typeCode: 'service_centre', name: '甲一镇中心', phone: null, at };
    const id = await db.tx(scope, (trx) =>
      insertUnit(trx, { ...unit, regionCode: '320101001', regionPath: paths.townA1 }),
    );
    expect(id).toBeGreaterThan(0);
    await expect(
      db.tx(scope, (trx) => insertUnit(trx, { ...unit, regionCode: '320102001', regionPath: paths.townB1 })),
    ).rejects.toThrow(/row-level security/);
    const everywhere = await db.tx(systemScope, (trx) =>
      trx.selectFrom('units').select('region_code as code').execute(),
    );
    expect(codes(everywhere)).toEqual(['320101', '320101001', '320102']);
  });

  it(`${engineLabel(engine)} stops start-up with the reason when the role is missing or bypasses RLS`, async () => {
    await expect(createDb(d.config, `cg_missing_${randomBytes(5).toString('hex')}`)).rejects.toThrow(
      /DATABASE_APP_ROLE cg_missing_\w+ does not exist: create it/,
    );
    await expect(createDb(d.config, bypassing)).rejects.toThrow(/BYPASSRLS: row-level security would not apply/);
  });

  it(`${engineLabel(engine)} refuses a name that is not a plain identifier before touching the database`, async () => {
    for (const bad of ['civicgrid_app; DROP TABLE users', 'App', '"quoted"', '', '1role', 'x'.repeat(64)])
      await expect(createDb(d.config, bad), bad).rejects.toThrow(/is not a plain role name/);
  });
});
