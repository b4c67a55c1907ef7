import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createDb, type Db } from '../src/storage/db.js';
import type { Engine } from './report.js';

/**
 * Fresh databases for benchmarks: PGlite in a temporary folder on disk (as `npm start` runs it,
 * not in memory), PostgreSQL as a temporary database on the server at BENCH_DATABASE_URL
 * (or TEST_DATABASE_URL, or the local default), dropped again afterwards.
 */
export const postgresAdminUrl =
  process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export type BenchDb = { db: Db; drop(): Promise<void> };

/** Why PostgreSQL cannot be measured, or undefined when it can. */
export async function postgresUnavailable(): Promise<string | undefined> {
  const c = new pg.Client({ connectionString: postgresAdminUrl, connectionTimeoutMillis: 3000 });
  try {
    await c.connect();
    const r = await c.query<{ v: number }>(`SELECT current_setting('server_version_num')::int AS v`);
    return r.rows[0]!.v >= 150000 ? undefined : `server version ${r.rows[0]!.v} is older than 15`;
  } catch (e) {
    return `${new URL(postgresAdminUrl).host} unreachable (${(e as Error).message})`;
  } finally {
    await c.end().catch(() => undefined);
  }
}

/** A new, migrated database on the engine. */
export async function openBenchDb(engine: Engine): Promise<BenchDb> {
  if (engine === 'pglite') {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'civicgrid-bench-'));
    const db = await createDb({ kind: 'pglite', dir });
    return {
      db,
      drop: async () => {
        await db.close();
        await rm(dir, { recursive: true, force: true });
      },
    };
  }
  const name = `civicgrid_bench_${randomBytes(4).toString('hex')}`;
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(postgresAdminUrl);
  url.pathname = `/${name}`;
  const db = await createDb({ kind: 'postgres', url: url.toString() });
  return {
    db,
    drop: async () => {
      await db.close();
      await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

async function admin(statement: string): Promise<void> {
  const c = new pg.Client({ connectionString: postgresAdminUrl });
  await c.connect();
  try {
    await c.query(statement);
  } finally {
    await c.end();
  }
}
