import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestDb, engineLabel, engines, type TestDb } from '../test-db.js';
import { makeUnit, seedWorld, world } from '../factories.js';
import { systemScope, type Tx } from '../../src/storage/db.js';
import { translateDbError } from '../../src/storage/db-errors.js';
import { DomainError } from '../../src/core/errors.js';
import { statusFor } from '../../src/http/error-map.js';
import { exitCodeFor } from '../../src/cli/error-map.js';

/** Database refusals leave `db.tx` as DomainErrors, translated once in storage, so HTTP and the CLI agree. */
describe.each(engines)('database errors are translated in storage %s', (engine) => {
  let t: TestDb;
  const failing = (t: TestDb, fn: (trx: Tx) => Promise<unknown>) =>
    t.db.tx(systemScope, fn).then(
      () => {
        throw new Error('the statement was expected to fail');
      },
      (e: unknown) => e,
    );

  beforeAll(async () => {
    t = await createTestDb(engine);
    await seedWorld(t.db);
  });
  afterAll(() => t.drop());

  const cases: [string, string, (trx: Tx) => Promise<unknown>, string][] = [
    [
      'a duplicate key (23505)',
      'AlreadyExists',
      (trx) => trx.insertInto('unit_types').values({ code: 'service_centre', name_zh: 'x', name_en: 'x' }).execute(),
      '23505',
    ],
    [
      'a reference to nothing (23503)',
      'Unprocessable',
      (trx) =>
        trx
          .insertInto('units')
          .values({
            type_code: 'no_such_type',
            region_code: world.countyA.code,
            region_path: 'x/',
            name: 'x',
            created_at: new Date(),
          })
          .execute(),
      '23503',
    ],
    [
      'removing what others refer to (23503)',
      'Conflict',
      (trx) => trx.deleteFrom('unit_types').where('code', '=', 'service_centre').execute(),
      '23503',
    ],
    [
      'a NUL character in text (22021)',
      'ValidationFailed',
      (trx) => trx.insertInto('unit_types').values({ code: 'nul', name_zh: 'a\u0000b', name_en: 'x' }).execute(),
      '22021',
    ],
    [
      'a number out of range (22003)',
      'ValidationFailed',
      (trx) =>
        trx
          .insertInto('unit_types')
          .values({ code: 'big', name_zh: 'x', name_en: 'x', sort: 2 ** 40 })
          .execute(),
      '22003',
    ],
    [
      'a serialization failure (40001)',
      'Conflict',
      (trx) => sql`DO $$ BEGIN RAISE EXCEPTION 'racing' USING ERRCODE = 'serialization_failure'; END $$`.execute(trx),
      '40001',
    ],
    [
      'a deadlock (40P01)',
      'Conflict',
      (trx) => sql`DO $$ BEGIN RAISE EXCEPTION 'racing' USING ERRCODE = 'deadlock_detected'; END $$`.execute(trx),
      '40P01',
    ],
  ];

  it.each(cases)(`${engineLabel(engine)} %s → %s`, async (_, code, statement, sqlState) => {
    if (sqlState === '23503' && code === 'Conflict') await makeUnit(t.db, 'countyA');
    const e = await failing(t, statement);
    expect(e).toBeInstanceOf(DomainError);
    expect(e).toMatchObject({ code, details: { sqlState } });
    // The caller's message names no table, column or constraint.
    expect((e as DomainError).message).not.toMatch(/unit_types|units|constraint|_fkey|_pkey/);
    // HTTP and the CLI map the same code in their own tables.
    expect(statusFor[(e as DomainError).code]).toBeLessThan(500);
    expect(exitCodeFor(e)).not.toBe(70);
  });

  it(`${engineLabel(engine)} leaves defects and DomainErrors as they are`, async () => {
    const syntax = await failing(t, (trx) => sql`SELEC 1`.execute(trx));
    expect(syntax).not.toBeInstanceOf(DomainError);
    expect((syntax as { code?: string }).code).toBe('42601');
    const own = new DomainError('NotFound', 'case 1 not found');
    expect(
      await failing(t, async () => {
        throw own;
      }),
    ).toBe(own);
  });
});

describe('translateDbError', () => {
  it('logs the server’s words once, with the constraint, and returns the DomainError', () => {
    const lines: Record<string, unknown>[] = [];
    const raw = Object.assign(new Error('duplicate key value violates unique constraint "units_pkey"'), {
      code: '23505',
      constraint: 'units_pkey',
      table: 'units',
    });
    const e = translateDbError(raw, { warn: (_msg, data) => lines.push(data ?? {}) });
    expect(e).toMatchObject({ code: 'AlreadyExists', details: { sqlState: '23505' } });
    expect(lines).toEqual([expect.objectContaining({ sqlState: '23505', constraint: 'units_pkey', table: 'units' })]);
  });

  it('passes on what is not a database refusal', () => {
    const plain = new Error('boom');
    const connection = Object.assign(new Error('write EPIPE'), { code: 'EPIPE' });
    expect(translateDbError(plain)).toBe(plain);
    expect(translateDbError(connection)).toBe(connection);
  });
});
