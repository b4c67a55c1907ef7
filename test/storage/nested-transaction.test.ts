import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestDb, engineLabel, engines, type TestDb } from '../test-db.js';
import { systemScope } from '../../src/storage/db.js';

const one = async (t: TestDb) =>
  t.db.tx(systemScope, async (trx) => (await sql<{ n: number }>`select 1 as n`.execute(trx)).rows[0]!.n);

describe.each(engines)('a transaction inside a transaction %s', (engine) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb(engine);
  });
  afterAll(() => t.drop());

  // On PGlite the inner db.tx queued behind the outer one on the single connection: both waited forever.
  it(`${engineLabel(engine)} throws at once, naming the fix, and the outer transaction rolls back`, async () => {
    const outer = t.db.tx(systemScope, async (trx) => {
      await sql`create temporary table nested_probe (n int)`.execute(trx);
      return t.db.tx(systemScope, async () => 'inner ran');
    });
    await expect(outer).rejects.toThrow(/db\.tx called inside a transaction.*pass its trx/);
    expect(await one(t)).toBe(1);
  });

  it(`${engineLabel(engine)} refuses the owner's connection inside a transaction too`, async () => {
    await expect(t.db.tx(systemScope, () => t.db.asOwner('SELECT 1'))).rejects.toThrow(/db\.asOwner called inside/);
  });

  it(`${engineLabel(engine)} lets work a transaction leaves behind open its own later, and transactions side by side`, async () => {
    let later: Promise<number> | undefined;
    await t.db.tx(systemScope, async () => {
      later = new Promise((resolve, reject) => setTimeout(() => one(t).then(resolve, reject), 10));
    });
    expect(await later).toBe(1);
    expect(await Promise.all([one(t), one(t), one(t)])).toEqual([1, 1, 1]);
  });
});
