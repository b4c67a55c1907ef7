import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The two calls a migration needs: simple-query exec for multi-statement files, and a parameterised query. */
export type MigrationRunner = {
  exec(statements: string): Promise<void>;
  query(text: string, params?: unknown[]): Promise<{ rows: unknown[] }>;
};

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

/** Migration files in order: NNNN-name.sql, forward only. */
export function listMigrations(): { version: number; name: string; sql: string }[] {
  return readdirSync(dir)
    .filter((f) => /^\d{4}-.+\.sql$/.test(f))
    .sort()
    .map((f) => ({ version: Number(f.slice(0, 4)), name: f, sql: readFileSync(path.join(dir, f), 'utf8') }));
}

/**
 * Applies every migration not yet recorded, each in its own transaction with its record.
 * An advisory lock keeps two servers starting at once from applying the same file twice.
 */
export async function migrate(db: MigrationRunner): Promise<string[]> {
  await db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version int PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
  await db.exec('SELECT pg_advisory_lock(7419001)');
  try {
    const done = new Set(
      ((await db.query('SELECT version FROM schema_migrations')).rows as { version: number }[]).map((r) => r.version),
    );
    const applied: string[] = [];
    for (const m of listMigrations()) {
      if (done.has(m.version)) continue;
      await db
        .exec(
          `BEGIN;\n${m.sql}\n;INSERT INTO schema_migrations (version, name) VALUES (${m.version}, '${m.name}');\nCOMMIT;`,
        )
        .catch(async (e) => {
          await db.exec('ROLLBACK').catch(() => undefined);
          throw new Error(`migration ${m.name} failed: ${(e as Error).message}`);
        });
      applied.push(m.name);
    }
    return applied;
  } finally {
    await db.exec('SELECT pg_advisory_unlock(7419001)');
  }
}
