import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { sql } from 'kysely';
import { createTestDb, engineLabel, postgresUrl, type TestDb } from '../test-db.js';
import { systemScope } from '../../src/storage/db.js';

/**
 * PostgreSQL ends a pooled connection while it sits idle (a restart, a failover, an administrator's
 * pg_terminate_backend): the server process must neither crash on the pool's error nor fail the
 * next request. PGlite has no server to lose, so this runs on PostgreSQL only.
 */
const suite = postgresUrl ? describe : describe.skip;
if (!postgresUrl) console.warn('SKIPPED lost-connection test: it needs PostgreSQL (TEST_DATABASE_URL)');

suite(`a lost idle connection ${engineLabel('postgres')}`, () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb('postgres');
  });
  afterAll(() => t.drop());

  it('is replaced: the next transaction succeeds and nothing is thrown uncaught', async () => {
    const database = await t.db.tx(
      systemScope,
      async (trx) => (await sql<{ db: string }>`select current_database() as db`.execute(trx)).rows[0]!.db,
    );
    const admin = new pg.Client({ connectionString: postgresUrl });
    await admin.connect();
    const ended = await admin.query(
      'SELECT pg_terminate_backend(pid) AS ok FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
      [database],
    );
    await admin.end();
    expect(ended.rows.length).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const again = await t.db.tx(
      systemScope,
      async (trx) => (await sql<{ one: number }>`select 1 as one`.execute(trx)).rows[0]!.one,
    );
    expect(again).toBe(1);
  });
});
