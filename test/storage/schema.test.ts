import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemScope } from '../../src/storage/db.js';
import {
  checkLists,
  dumpSchema,
  schemaColumns,
  schemaDumpFile,
  type CheckList,
  type SchemaColumn,
} from '../../src/storage/schema-dump.js';
import { createTestDb, engineLabel, engines, type TestDb } from '../test-db.js';
import { readKyselySchema } from './kysely-types.js';

const typed = readKyselySchema(path.resolve(import.meta.dirname, '../../src/storage/schema.ts'));

/** Tables in the database that the Kysely types leave out on purpose, each with its reason. */
const untypedTables: Record<string, string> = {
  schema_migrations: 'migrate.ts writes and reads it with plain SQL on the owner connection, before Kysely exists',
  audit_head: 'only the audit_chain trigger moves it; audit.repo reads it once through a typed raw query',
};

/** Columns an insert may omit although they have no default: a BEFORE INSERT trigger fills them. */
const filledByTrigger: Record<string, string[]> = { audit_log: ['id', 'prev_hash', 'hash'] };

/** Which TypeScript kinds each database type may be read as (pg and PGlite parse date and bigint as these). */
const readAs: Record<string, string[]> = {
  text: ['string'],
  bigint: ['number'],
  integer: ['number'],
  smallint: ['number'],
  'double precision': ['number'],
  real: ['number'],
  boolean: ['boolean'],
  'timestamp with time zone': ['Date'],
  date: ['Date'],
  jsonb: ['json', 'unknown'],
  'text[]': ['string[]'],
};

const describeType = (kinds: string[], nullable: boolean) =>
  `${kinds.join(' | ') || 'never'}${nullable ? ' | null' : ''}`;

describe.each(engines)('the migrated schema %s', (engine) => {
  let t: TestDb;
  let dump: string;
  let columns: SchemaColumn[];
  let checks: CheckList[];

  beforeAll(async () => {
    t = await createTestDb(engine);
    [dump, columns, checks] = await t.db.tx(systemScope, async (trx) =>
      Promise.all([dumpSchema(trx), schemaColumns(trx), checkLists(trx)]),
    );
  });
  afterAll(() => t.drop());

  it(`matches the committed dump ${engineLabel(engine)}`, () => {
    const committed = readFileSync(schemaDumpFile, 'utf8');
    expect(
      dump,
      'The migrated schema differs from src/storage/schema.txt: run `npm run schema:dump` and commit the file.',
    ).toBe(committed);
  });

  it(`has every table and column of the Kysely types, with a compatible type and nullability ${engineLabel(engine)}`, () => {
    const problems: string[] = [];
    for (const c of typed) {
      const db = columns.find((d) => d.table === c.table && d.name === c.name);
      const where = `${c.table}.${c.name}`;
      if (!db) {
        problems.push(`${where} is in the Kysely types but not in the database`);
        continue;
      }
      const said = describeType(c.kinds, c.nullable);
      const accepted = readAs[db.type];
      if (!accepted) problems.push(`${where}: the test does not know how ${db.type} is read; add it to readAs`);
      else if (c.kinds.length !== 1 || !accepted.includes(c.kinds[0]!)) {
        problems.push(`${where} is ${db.type} in the database, ${said} in the types`);
      }
      // unknown absorbs null, so an unknown column may stand for a nullable one or not
      if (c.kinds[0] !== 'unknown' && c.nullable !== !db.notNull) {
        problems.push(`${where} is ${db.notNull ? 'not null' : 'nullable'} in the database, ${said} in the types`);
      }
      const filled = db.default !== null || db.identity !== '' || filledByTrigger[c.table]?.includes(c.name);
      if (c.generated && !filled) problems.push(`${where} may be omitted on insert, but nothing fills it`);
      const list = checks.find((k) => k.table === c.table && k.column === c.name);
      if (c.literals && list && c.literals.join() !== [...list.values].sort().join()) {
        problems.push(
          `${where} is one of ${c.literals.join(', ')} in the types, ${list.constraint} allows ${list.values.join(', ')}`,
        );
      }
    }
    expect(problems).toEqual([]);
  });

  it(`has no table or column that the Kysely types leave out without a reason ${engineLabel(engine)}`, () => {
    const typedTables = new Set(typed.map((c) => c.table));
    const missing = columns
      .filter((d) => !(d.table in untypedTables))
      .filter((d) => !typed.some((c) => c.table === d.table && c.name === d.name))
      .map((d) => `${d.table}.${d.name}${typedTables.has(d.table) ? '' : ' (the whole table is untyped)'}`);
    expect(missing, 'add them to src/storage/schema*.ts, or to untypedTables here with the reason').toEqual([]);
    const stale = Object.keys(untypedTables).filter((name) => !columns.some((d) => d.table === name));
    expect(stale, 'untypedTables names tables the database no longer has').toEqual([]);
  });
});
