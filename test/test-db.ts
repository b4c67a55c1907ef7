import pg from 'pg';
import { randomBytes } from 'node:crypto';
import { createDb, type Db, type Engine } from '../src/storage/db.js';

/**
 * One suite over both engines: PGlite in memory always, PostgreSQL when TEST_DATABASE_URL is set.
 * Each call makes a fresh database; PostgreSQL databases are dropped again by `drop()`.
 */
export const postgresUrl = process.env.TEST_DATABASE_URL;

export const engines: Engine[] = postgresUrl ? ['pglite', 'postgres'] : ['pglite'];

/** Name suffix for describe blocks, so the run's output says which engine each part ran on. */
export const engineLabel = (e: Engine) => `[engine: ${e}]`;

if (!postgresUrl && process.env.CIVICGRID_REQUIRE_ALL_ENGINES) {
  throw new Error('CIVICGRID_REQUIRE_ALL_ENGINES is set but TEST_DATABASE_URL is not: CI must run PostgreSQL too');
}
if (!postgresUrl) {
  // Said once per test file that imports this, so a reader of the output knows what did not run.
  console.warn('PostgreSQL tests skipped: TEST_DATABASE_URL is not set (only PGlite runs).');
}

export type TestDb = { db: Db; drop(): Promise<void> };

export async function createTestDb(engine: Engine): Promise<TestDb> {
  if (engine === 'pglite') {
    const db = await createDb({ kind: 'pglite', dir: null });
    return { db, drop: () => db.close() };
  }
  if (!postgresUrl) throw new Error('TEST_DATABASE_URL is not set');
  const name = `civicgrid_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: postgresUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(postgresUrl);
  url.pathname = `/${name}`;
  const db = await createDb({ kind: 'postgres', url: url.toString() });
  return {
    db,
    drop: async () => {
      await db.close();
      const c = new pg.Client({ connectionString: postgresUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}
