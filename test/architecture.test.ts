import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..', 'src');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

const importsOf = (text: string) =>
  [...text.matchAll(/^\s*(?:import|export)[^'"]*from\s+['"]([^'"]+)['"]/gm)].map((m) => m[1]!);

const layerOf = (file: string) => path.relative(root, file).split(path.sep)[0]!;

/** A relative import as a path under src/ with the .ts the source file has ('storage/db.ts'). */
const targetOf = (file: string, spec: string) =>
  path
    .relative(root, path.resolve(path.dirname(file), spec))
    .split(path.sep)
    .join('/')
    .replace(/\.js$/, '.ts');

/**
 * Which layers each layer may import (the dependency rule of docs/ARCHITECTURE.md). An entry is a
 * layer (a folder of src/ or a top-level file), or one file of a layer when only that file may be
 * used. http, cli and jobs are adapters: they reach the database only through use cases, so none of
 * them may import src/storage, not even its types (the app layer names what they pass around).
 */
const allowed: Record<string, string[]> = {
  core: ['core', 'contract'],
  // The contract builds its enums from the core's vocabularies (one source for each).
  contract: ['contract', 'core'],
  storage: ['storage', 'core', 'contract'],
  app: ['app', 'core', 'storage', 'contract', 'config.ts'],
  http: ['http', 'app', 'core', 'contract', 'config.ts'],
  cli: ['cli', 'app', 'core', 'contract', 'config.ts', 'wire.ts', 'main.ts'],
  jobs: ['jobs', 'app', 'core', 'contract', 'config.ts'],
  'config.ts': ['core', 'contract'],
  // The wiring opens the database (createDb) and hands the Db to the use cases: storage/db.ts only.
  'wire.ts': ['app', 'core', 'contract', 'config.ts', 'storage/db.ts'],
  'main.ts': ['app', 'core', 'contract', 'config.ts', 'wire.ts', 'http', 'jobs'],
};

const mayImport = (layer: string, target: string) =>
  allowed[layer]!.some((entry) => entry === target || entry === target.split('/')[0]);

/** The source without comments, so a comment that names a query method is not a query. */
const code = (file: string) =>
  readFileSync(file, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:'"`])\/\/.*$/gm, '$1');

/**
 * What building or running SQL looks like: Kysely itself, its query builders and executors, the sql
 * tag and its helpers, a Db's Kysely instance or its owner connection, and storage's SQL fragments.
 */
const queryBuilding: [string, RegExp][] = [
  ['an import from kysely', /from\s+['"]kysely['"]/],
  ['a query builder', /\.\s*(selectFrom|selectNoFrom|insertInto|replaceInto|updateTable|deleteFrom|mergeInto)\s*\(/],
  ['a query executed', /\.\s*(execute|executeTakeFirst|executeTakeFirstOrThrow|executeQuery)\s*\(/],
  ['the sql tag', /\bsql\s*(<[^>]*>)?\s*`|\bsql\s*\.\s*(raw|ref|lit|id|join|table|val)\s*\(/],
  ['a transaction opened on Kysely', /\.\s*transaction\s*\(\s*\)/],
  ["the Db's Kysely instance", /\.\s*kysely\b/],
  ['SQL run as the owner', /\.\s*asOwner\s*\(/],
  ["storage's SQL fragments", /from\s+['"][^'"]*storage\/like\.js['"]/],
];

describe('the dependency rule', () => {
  const all = files(root);
  const sources = all.filter((f) => !f.endsWith('.test.ts'));

  it.each(all.filter((f) => allowed[layerOf(f)]).map((f) => [path.relative(root, f), f]))(
    '%s imports only inward',
    (_, file) => {
      const layer = layerOf(file);
      for (const spec of importsOf(readFileSync(file, 'utf8')).filter((s) => s.startsWith('.'))) {
        const target = targetOf(file, spec);
        expect(mayImport(layer, target), `${path.relative(root, file)} imports ${target}`).toBe(true);
      }
    },
  );

  it('covers every folder and top-level file of src/ with a rule', () => {
    expect(all.map(layerOf).filter((l) => !allowed[l])).toEqual([]);
  });

  it('builds and runs SQL only in src/storage', () => {
    const found = sources
      .filter((f) => layerOf(f) !== 'storage')
      .flatMap((f) => {
        const text = code(f);
        return queryBuilding.filter(([, re]) => re.test(text)).map(([what]) => `${path.relative(root, f)}: ${what}`);
      });
    expect(found).toEqual([]);
  });

  it('keeps the core pure: no node:*, no clock reads', () => {
    for (const file of all.filter((f) => layerOf(f) === 'core' && !f.endsWith('.test.ts'))) {
      const text = readFileSync(file, 'utf8');
      expect(text, file).not.toMatch(/from ['"]node:/);
      expect(text, file).not.toMatch(/Date\.now\(\)|new Date\(\)/);
      expect(text, file).not.toMatch(/process\.env/);
    }
  });

  it('reads the environment only in config.ts', () => {
    const readers = all
      .filter((f) => !f.endsWith('.test.ts') && /process\.env\b/.test(readFileSync(f, 'utf8')))
      .map((f) => path.relative(root, f));
    expect(readers.filter((f) => f !== 'config.ts' && f !== 'main.ts')).toEqual([]);
  });
});

describe('the checks themselves', () => {
  const flagged = (text: string) => queryBuilding.filter(([, re]) => re.test(text)).map(([what]) => what);

  it('see the ways a query is written', () => {
    expect(flagged(`import { sql } from 'kysely';`)).toEqual(['an import from kysely']);
    expect(flagged(`import type { Kysely, Transaction } from "kysely";`)).toEqual(['an import from kysely']);
    expect(flagged("await trx\n  .selectFrom('cases')")).toEqual(['a query builder']);
    expect(flagged("trx.insertInto('x').values(v)")).toEqual(['a query builder']);
    expect(flagged("trx.updateTable('x')")).toEqual(['a query builder']);
    expect(flagged("trx.deleteFrom('x')")).toEqual(['a query builder']);
    expect(flagged('q.executeTakeFirstOrThrow()')).toEqual(['a query executed']);
    expect(flagged('sql`select 1`.execute(trx)')).toEqual(['a query executed', 'the sql tag']);
    expect(flagged('sql<number>`count(*)`')).toEqual(['the sql tag']);
    expect(flagged('sql.ref(column)')).toEqual(['the sql tag']);
    expect(flagged('deps.db.kysely.selectNoFrom')).toEqual(["the Db's Kysely instance"]);
    expect(flagged('db.kysely.transaction().execute(fn)')).toEqual([
      'a query executed',
      'a transaction opened on Kysely',
      "the Db's Kysely instance",
    ]);
    expect(flagged("await deps.db.asOwner('ANALYZE regions')")).toEqual(['SQL run as the owner']);
    expect(flagged("import { inSubtree } from '../../storage/like.js';")).toEqual(["storage's SQL fragments"]);
  });

  it('leave use cases alone', () => {
    expect(flagged("import { listCaseRows } from '../../storage/case-list.repo.js';")).toEqual([]);
    expect(flagged('return deps.db.tx(systemScope, (trx) => caseExists(trx, id));')).toEqual([]);
    expect(flagged('const executed = plan.executeAll; selected.from(x);')).toEqual([]);
  });

  it('read the allowed table by layer and by file', () => {
    expect(mayImport('http', 'storage/db.ts')).toBe(false);
    expect(mayImport('cli', 'storage/audit.repo.ts')).toBe(false);
    expect(mayImport('jobs', 'storage/outbox.repo.ts')).toBe(false);
    expect(mayImport('wire.ts', 'storage/db.ts')).toBe(true);
    expect(mayImport('wire.ts', 'storage/audit.repo.ts')).toBe(false);
    expect(mayImport('app', 'storage/audit.repo.ts')).toBe(true);
  });
});
