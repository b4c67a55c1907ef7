import { AsyncLocalStorage } from 'node:async_hooks';
import { PGlite } from '@electric-sql/pglite';
import {
  CompiledQuery,
  Kysely,
  PGliteDialect,
  PostgresDialect,
  sql,
  type PostgresPool,
  type Transaction,
} from 'kysely';
import pg from 'pg';
import type { Schema } from './schema.js';
import { migrate, type MigrationRunner } from './migrate.js';
import { translateDbError, type DbLog } from './db-errors.js';
import { assertRoleName, defaultAppRole, prepareAppRole } from './app-role.js';

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
   * Called inside another of this Db's transactions it throws at once (see openTransactions).
   */
  tx<T>(scope: Scope, fn: (trx: Tx) => Promise<T>): Promise<T>;
  /** Runs SQL as the owner (superuser); for migrations, tests and maintenance only; never inside tx. */
  asOwner(statements: string): Promise<void>;
  close(): Promise<void>;
};

/**
 * Opens the database, migrates it and prepares the application role (prepareAppRole: another role
 * than civicgrid_app is made a member of it, and must exist). Every transaction then runs as that role.
 */
export async function createDb(config: DbConfig, appRole = defaultAppRole, log?: DbLog): Promise<Db> {
  assertRoleName(appRole);
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
  try {
    await migrate(runner);
    await prepareAppRole(runner, appRole);
  } catch (e) {
    await pglite.close();
    throw e;
  }
  const kysely = new Kysely<Schema>({
    dialect: new PGliteDialect({
      pglite,
      // Awaited before the one connection is used: every statement runs as the application role.
      onCreateConnection: async (conn) => {
        await conn.executeQuery(CompiledQuery.raw(`SET ROLE ${appRole}`));
      },
    }),
  });
  // PGlite has one connection: Kysely's driver keeps one open transaction at a time on it,
  // so we queue transactions here instead of letting two interleave on the same session.
  const queue = serialQueue();
  const open = openTransactions();
  return {
    engine: 'pglite',
    kysely,
    tx: (scope, fn) => open.outside('tx', () => queue(() => runScoped(kysely, scope, open.inside(fn), log))),
    asOwner: (s) =>
      open.outside('asOwner', () =>
        queue(async () => {
          await pglite.exec('RESET ROLE');
          try {
            await pglite.exec(s);
          } finally {
            await pglite.exec(`SET ROLE ${appRole}`);
          }
        }),
      ),
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
    const runner: MigrationRunner = {
      exec: async (s) => {
        await owner.query(s);
      },
      query: (q, p) => owner.query(q, p),
    };
    await migrate(runner);
    await prepareAppRole(runner, appRole);
  } finally {
    await owner.end();
  }
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle pooled connection that the server ends (a restart, a failover, an administrator) would
  // otherwise crash the process; the pool discards it and opens a fresh one for the next query.
  pool.on('error', (error) => {
    process.stderr.write(
      `${JSON.stringify({ level: 'warn', msg: 'idle database connection lost', error: error.message })}\n`,
    );
  });
  const kysely = new Kysely<Schema>({ dialect: new PostgresDialect({ pool: asRole(pool, appRole) }) });
  const open = openTransactions();
  return {
    engine: 'postgres',
    kysely,
    tx: (scope, fn) => open.outside('tx', () => runScoped(kysely, scope, open.inside(fn), log)),
    asOwner: (s) =>
      open.outside('asOwner', async () => {
        const c = new pg.Client({ connectionString: url });
        await c.connect();
        try {
          await c.query(s);
        } finally {
          await c.end();
        }
      }),
    close: () => kysely.destroy(),
  };
}

/**
 * The pool as Kysely sees it: a connection is handed out only after it has switched to the
 * application role (awaited), so RLS applies to every statement on it. A connection that cannot
 * switch is destroyed, not returned to the pool, and the transaction fails with the server's reason.
 * (Not Kysely's onCreateConnection: kysely 0.29 neither releases nor discards a client whose hook
 * throws, so each failure would leak a pool slot until the pool hangs.)
 */
function asRole(pool: pg.Pool, role: string): PostgresPool {
  const switched = new WeakSet<pg.PoolClient>();
  return {
    connect: async () => {
      const client = await pool.connect();
      if (switched.has(client)) return client;
      try {
        await client.query(`SET ROLE ${role}`);
      } catch (e) {
        client.release(e instanceof Error ? e : true);
        throw e;
      }
      switched.add(client);
      return client;
    },
    end: () => pool.end(),
    // Kysely opens a separate client of this class to cancel a running query.
    Client: pg.Client,
    options: pool.options,
  };
}

/**
 * Which of a Db's transactions the running code is inside. A nested db.tx cannot work: on PGlite
 * the inner one queues behind the outer on the single connection and both wait forever; on
 * PostgreSQL it takes a second connection, a second transaction that does not see the outer one's
 * writes and can deadlock on its locks. So it throws at once, on both engines, naming the fix.
 * The mark lives in the async context of fn and is cleared when the transaction ends, so work that
 * fn leaves behind (a timer, a promise) may open transactions of its own later.
 */
function openTransactions() {
  const context = new AsyncLocalStorage<{ open: boolean }>();
  return {
    inside:
      <T>(fn: (trx: Tx) => Promise<T>) =>
      (trx: Tx): Promise<T> => {
        const mark = { open: true };
        return context
          .run(mark, () => fn(trx))
          .finally(() => {
            mark.open = false;
          });
      },
    outside: <T>(what: 'tx' | 'asOwner', run: () => Promise<T>): Promise<T> => {
      if (context.getStore()?.open)
        return Promise.reject(
          new Error(
            `db.${what} called inside a transaction of the same database: a use case runs in one transaction; pass its trx to the repositories instead of opening another`,
          ),
        );
      return run();
    },
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
