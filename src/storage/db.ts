import { PGlite } from '@electric-sql/pglite';
import { Kysely, PGliteDialect, PostgresDialect, sql, type Transaction } from 'kysely';
import pg from 'pg';
import type { Schema } from './schema.js';
import { migrate, type MigrationRunner } from './migrate.js';
import { translateDbError, type DbLog } from './db-errors.js';

// bigint ids fit easily in a double; PGlite already returns them as numbers, make pg agree.
pg.types.setTypeParser(20, (v) => Number(v));

export type Engine = 'pglite' | 'postgres';
export type DbConfig = { kind: 'pglite'; dir: string | null } | { kind: 'postgres'; url: string };

export type Tx = Transaction<Schema>;

/**
 * Whose rows a transaction may touch. Row-level security reads this from the
 * transaction-local setting `civicgrid.scope`: a region path prefix, or `*` for
 * the system itself (imports, sweeps, login). An unset scope matches nothing.
 */
export type Scope = { kind: 'system' } | { kind: 'region'; path: string; unitId?: number };
export const systemScope: Scope = { kind: 'system' };
/** A jurisdiction; with a unit, also the cases that unit holds an assignment of wherever they are. */
export const regionScope = (path: string, unitId?: number): Scope => ({ kind: 'region', path, unitId });

export type Db = {
  engine: Engine;
  kysely: Kysely<Schema>;
  /**
   * Runs fn in one transaction as the application role, with the given RLS scope. A database
   * refusal (unique key, missing reference, bad value, serialization failure) leaves as a DomainError.
   */
  tx<T>(scope: Scope, fn: (trx: Tx) => Promise<T>): Promise<T>;
  /** Runs SQL as the owner (superuser); for migrations, tests and maintenance only. */
  asOwner(statements: string): Promise<void>;
  close(): Promise<void>;
};

export async function createDb(config: DbConfig, appRole = 'civicgrid_app', log?: DbLog): Promise<Db> {
  return config.kind === 'pglite' ? openPglite(config.dir, appRole, log) : openPostgres(config.url, appRole, log);
}

async function openPglite(dir: string | null, appRole: string, log?: DbLog): Promise<Db> {
  const pglite = dir ? new PGlite(dir) : new PGlite();
  await pglite.waitReady;
  const runner: MigrationRunner = {
    exec: async (s) => {
      await pglite.exec(s);
    },
    query: (q, p) => pglite.query(q, p),
  };
  await migrate(runner);
  const kysely = new Kysely<Schema>({
    dialect: new PGliteDialect({
      pglite,
      onCreateConnection: async (conn) => {
        await conn.executeQuery({
          sql: `SET ROLE ${appRole}`,
          parameters: [],
          query: undefined as never,
          queryId: undefined as never,
        });
      },
    }),
  });
  // PGlite has one connection: Kysely's driver keeps one open transaction at a time on it,
  // so we queue transactions here instead of letting two interleave on the same session.
  const queue = serialQueue();
  return {
    engine: 'pglite',
    kysely,
    tx: (scope, fn) => queue(() => runScoped(kysely, scope, fn, log)),
    asOwner: (s) =>
      queue(async () => {
        await pglite.exec('RESET ROLE');
        try {
          await pglite.exec(s);
        } finally {
          await pglite.exec(`SET ROLE ${appRole}`);
        }
      }),
    close: async () => {
      await queue(async () => {
        await kysely.destroy();
      });
    },
  };
}

async function openPostgres(url: string, appRole: string, log?: DbLog): Promise<Db> {
  const owner = new pg.Client({ connectionString: url });
  await owner.connect();
  try {
    await migrate({
      exec: async (s) => {
        await owner.query(s);
      },
      query: (q, p) => owner.query(q, p),
    });
  } finally {
    await owner.end();
  }
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // Every pooled connection drops to the application role, so RLS applies to it.
  pool.on('connect', (client) => {
    client.query(`SET ROLE ${appRole}`).catch(() => client.release(true));
  });
  // An idle pooled connection that the server ends (a restart, a failover, an administrator) would
  // otherwise crash the process; the pool discards it and opens a fresh one for the next query.
  pool.on('error', (error) => {
    process.stderr.write(
      `${JSON.stringify({ level: 'warn', msg: 'idle database connection lost', error: error.message })}\n`,
    );
  });
  const kysely = new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) });
  return {
    engine: 'postgres',
    kysely,
    tx: (scope, fn) => runScoped(kysely, scope, fn, log),
    asOwner: async (s) => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      try {
        await c.query(s);
      } finally {
        await c.end();
      }
    },
    close: () => kysely.destroy(),
  };
}

async function runScoped<T>(
  kysely: Kysely<Schema>,
  scope: Scope,
  fn: (trx: Tx) => Promise<T>,
  log?: DbLog,
): Promise<T> {
  try {
    return await kysely.transaction().execute(async (trx) => {
      const value = scope.kind === 'system' ? '*' : scope.path;
      const unit = scope.kind === 'region' && scope.unitId ? String(scope.unitId) : '';
      await sql`select set_config('civicgrid.scope', ${value}, true), set_config('civicgrid.unit', ${unit}, true)`.execute(
        trx,
      );
      return fn(trx);
    });
  } catch (e) {
    // The one place database refusals become DomainErrors, so HTTP, the CLI and jobs see the same codes.
    throw translateDbError(e, log);
  }
}

function serialQueue() {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(job: () => Promise<T>): Promise<T> => {
    const run = tail.then(job, job);
    tail = run.catch(() => undefined);
    return run;
  };
}
