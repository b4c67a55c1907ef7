import { fileURLToPath } from 'node:url';
import { sql, type RawBuilder } from 'kysely';
import type { Tx } from './db.js';

/** The committed dump: review sees every schema change in it. */
export const schemaDumpFile = fileURLToPath(new URL('./schema.txt', import.meta.url));

/**
 * The schema as text, read from the catalogs (not pg_dump, which neither engine ships alike): tables with
 * their columns, constraints, indexes, row-level security, policies, triggers and grants; sequences,
 * functions, and the grants on the schema. Everything is sorted by name in the "C" collation and printed
 * with the server's own deparsers, so PGlite and PostgreSQL give the same text for the same migrations.
 * `npm run schema:dump` writes it to src/storage/schema.txt; test/storage/schema.test.ts compares.
 */
export async function dumpSchema(trx: Tx): Promise<string> {
  const rows = async <R>(q: RawBuilder<R>) => (await q.execute(trx)).rows;
  const by = <R, K extends string>(list: R[], key: (r: R) => K) => {
    const m = new Map<K, R[]>();
    for (const r of list) m.set(key(r), [...(m.get(key(r)) ?? []), r]);
    return m;
  };

  const tables = await rows(sql<{ name: string; kind: string; rls: boolean; forced: boolean }>`
    SELECT c.relname AS name, c.relkind AS kind, c.relrowsecurity AS rls, c.relforcerowsecurity AS forced
    FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p', 'v', 'm')
    ORDER BY c.relname COLLATE "C"`);
  const columns = by(await schemaColumns(trx), (c) => c.table);
  const constraints = by(
    await rows(sql<{ table: string; name: string; def: string }>`
      SELECT r.relname AS table, k.conname AS name, pg_get_constraintdef(k.oid) AS def
      FROM pg_constraint k JOIN pg_class r ON r.oid = k.conrelid
      -- PostgreSQL 18 also keeps NOT NULL as constraints ('n'); the columns already say it
      WHERE r.relnamespace = 'public'::regnamespace AND k.contype <> 'n'
      ORDER BY k.conname COLLATE "C"`),
    (r) => r.table,
  );
  const indexes = by(
    await rows(sql<{ table: string; def: string }>`
      SELECT r.relname AS table, pg_get_indexdef(i.indexrelid) AS def
      FROM pg_index i JOIN pg_class r ON r.oid = i.indrelid JOIN pg_class x ON x.oid = i.indexrelid
      WHERE r.relnamespace = 'public'::regnamespace
        -- a primary key's or unique constraint's index is already said by its constraint
        AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid AND k.contype IN ('p', 'u', 'x'))
      ORDER BY x.relname COLLATE "C"`),
    (r) => r.table,
  );
  const policies = by(
    await rows(sql<{ table: string; line: string }>`
      SELECT r.relname AS table,
        p.polname || ' ' || CASE p.polpermissive WHEN true THEN 'permissive' ELSE 'restrictive' END
        || ' for ' || CASE p.polcmd WHEN '*' THEN 'all' WHEN 'r' THEN 'select' WHEN 'a' THEN 'insert'
          WHEN 'w' THEN 'update' ELSE 'delete' END
        || ' to ' || (SELECT string_agg(n, ', ' ORDER BY n COLLATE "C") FROM (SELECT CASE WHEN o = 0 THEN 'public'
          ELSE pg_get_userbyid(o)::text END AS n FROM unnest(p.polroles) o) s)
        || coalesce(' using ' || pg_get_expr(p.polqual, p.polrelid), '')
        || coalesce(' with check ' || pg_get_expr(p.polwithcheck, p.polrelid), '') AS line
      FROM pg_policy p JOIN pg_class r ON r.oid = p.polrelid
      WHERE r.relnamespace = 'public'::regnamespace ORDER BY p.polname COLLATE "C"`),
    (r) => r.table,
  );
  const triggers = by(
    await rows(sql<{ table: string; def: string }>`
      SELECT r.relname AS table, pg_get_triggerdef(t.oid) AS def
      FROM pg_trigger t JOIN pg_class r ON r.oid = t.tgrelid
      WHERE r.relnamespace = 'public'::regnamespace AND NOT t.tgisinternal ORDER BY t.tgname COLLATE "C"`),
    (r) => r.table,
  );
  const grants = by(
    await rows(sql<{ object: string; line: string }>`
      SELECT c.relname AS object, ${grantee} || ': ' || string_agg(a.privilege_type, ', ' ORDER BY a.privilege_type COLLATE "C") AS line
      FROM pg_class c, aclexplode(coalesce(c.relacl, acldefault('r', c.relowner))) a
      WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p', 'v', 'm', 'S') AND a.grantee <> c.relowner
      GROUP BY c.relname, a.grantee ORDER BY c.relname COLLATE "C", (${grantee}) COLLATE "C"`),
    (r) => r.object,
  );
  const columnGrants = by(
    await rows(sql<{ object: string; line: string }>`
      SELECT c.relname AS object, ${grantee} || ' on column ' || t.attname || ': '
        || string_agg(a.privilege_type, ', ' ORDER BY a.privilege_type COLLATE "C") AS line
      FROM pg_attribute t JOIN pg_class c ON c.oid = t.attrelid, aclexplode(t.attacl) a
      WHERE c.relnamespace = 'public'::regnamespace AND t.attacl IS NOT NULL
      GROUP BY c.relname, t.attname, a.grantee
      ORDER BY c.relname COLLATE "C", t.attname COLLATE "C", (${grantee}) COLLATE "C"`),
    (r) => r.object,
  );

  const out: string[] = [
    '-- The schema after every migration, read from the catalogs of an empty database (src/storage/schema-dump.ts).',
    '-- Do not edit: after adding a migration run `npm run schema:dump` and commit this file with it.',
  ];
  for (const t of tables) {
    const kind = { r: 'table', p: 'partitioned table', v: 'view', m: 'materialized view' }[t.kind] ?? t.kind;
    const rls = t.rls ? ` (row level security${t.forced ? ', forced' : ''})` : '';
    out.push('', `${kind} ${t.name}${rls}`);
    for (const c of columns.get(t.name) ?? []) out.push(`  ${columnLine(c)}`);
    for (const k of constraints.get(t.name) ?? []) out.push(`  constraint ${k.name} ${k.def}`);
    for (const i of indexes.get(t.name) ?? []) out.push(`  ${i.def}`);
    for (const p of policies.get(t.name) ?? []) out.push(`  policy ${p.line}`);
    for (const g of triggers.get(t.name) ?? []) out.push(`  ${g.def}`);
    for (const g of [...(grants.get(t.name) ?? []), ...(columnGrants.get(t.name) ?? [])]) out.push(`  grant ${g.line}`);
  }
  if (tables.some((t) => t.kind === 'v' || t.kind === 'm')) {
    const views = await rows(sql<{ name: string; def: string }>`
      SELECT c.relname AS name, pg_get_viewdef(c.oid) AS def FROM pg_class c
      WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('v', 'm') ORDER BY c.relname COLLATE "C"`);
    for (const v of views) out.push('', `view ${v.name} as`, v.def.trim());
  }

  const sequences = await rows(sql<{ name: string; line: string }>`
    SELECT c.relname AS name, c.relname || ' ' || format_type(s.seqtypid, NULL)
      || coalesce(' owned by ' || d.refobjid::regclass::text || '.' || a.attname, '') AS line
    FROM pg_sequence s JOIN pg_class c ON c.oid = s.seqrelid
    LEFT JOIN pg_depend d ON d.objid = c.oid AND d.classid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')
    LEFT JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
    WHERE c.relnamespace = 'public'::regnamespace ORDER BY c.relname COLLATE "C"`);
  out.push('');
  for (const s of sequences) out.push(`sequence ${s.line}${grantsOf(grants, s.name)}`);

  const functions = await rows(sql<{ head: string; grants: string; body: string }>`
    SELECT p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ') returns '
        || pg_get_function_result(p.oid) || ' language ' || l.lanname
        || CASE p.provolatile WHEN 'i' THEN ' immutable' WHEN 's' THEN ' stable' ELSE ' volatile' END
        || CASE WHEN p.prosecdef THEN ' security definer' ELSE '' END
        || coalesce(' set ' || array_to_string(p.proconfig, ', '), '') AS head,
      (SELECT string_agg(g, '; ' ORDER BY g COLLATE "C") FROM (SELECT ${grantee} || ': ' || a.privilege_type AS g
        FROM aclexplode(coalesce(p.proacl, acldefault('f', p.proowner))) a WHERE a.grantee <> p.proowner) s) AS grants,
      p.prosrc AS body
    FROM pg_proc p JOIN pg_language l ON l.oid = p.prolang
    WHERE p.pronamespace = 'public'::regnamespace
      AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')
    ORDER BY p.proname COLLATE "C", pg_get_function_identity_arguments(p.oid) COLLATE "C"`);
  for (const f of functions) {
    out.push('', `function ${f.head}`, `  grant ${f.grants ?? 'none'}`, `  $$${f.body.replace(/\s+$/, '')}$$`);
  }

  const schemaGrants = await rows(sql<{ line: string }>`
    SELECT ${grantee} || ': ' || string_agg(a.privilege_type, ', ' ORDER BY a.privilege_type COLLATE "C") AS line
    FROM pg_namespace n, aclexplode(n.nspacl) a
    WHERE n.nspname = 'public' AND a.grantee <> n.nspowner
    GROUP BY a.grantee ORDER BY (${grantee}) COLLATE "C"`);
  out.push('', 'schema public');
  for (const g of schemaGrants) out.push(`  grant ${g.line}`);

  const roles = await rows(sql<{ line: string }>`
    SELECT r.rolname || CASE WHEN r.rolsuper THEN ' superuser' ELSE ' nosuperuser' END
      || CASE WHEN r.rolbypassrls THEN ' bypassrls' ELSE ' nobypassrls' END
      || CASE WHEN r.rolcanlogin THEN ' login' ELSE ' nologin' END AS line
    FROM pg_roles r
    -- roles are cluster-wide: only those this schema grants to, not whatever else the server holds
    WHERE r.oid IN (
      SELECT a.grantee FROM pg_class c, aclexplode(c.relacl) a WHERE c.relnamespace = 'public'::regnamespace
      UNION SELECT a.grantee FROM pg_proc p, aclexplode(p.proacl) a WHERE p.pronamespace = 'public'::regnamespace
      UNION SELECT a.grantee FROM pg_namespace n, aclexplode(n.nspacl) a WHERE n.nspname = 'public')
      AND r.oid NOT IN (SELECT c.relowner FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace)
      AND r.rolname !~ '^pg_'
    ORDER BY r.rolname COLLATE "C"`);
  out.push('');
  for (const r of roles) out.push(`role ${r.line}`);
  return `${out.join('\n')}\n`;
}

/** A grantee's name, `public` for the pseudo-role 0; used inside the aclexplode queries above. */
const grantee = sql`CASE WHEN a.grantee = 0 THEN 'public' ELSE pg_get_userbyid(a.grantee)::text END`;

const grantsOf = (grants: Map<string, { line: string }[]>, name: string) => {
  const lines = grants.get(name) ?? [];
  return lines.length ? `; grant ${lines.map((g) => g.line).join('; ')}` : '';
};

export type SchemaColumn = {
  table: string;
  name: string;
  type: string;
  notNull: boolean;
  default: string | null;
  identity: string;
  generated: string;
  collation: string | null;
};

/** Every column of the tables and views in the public schema, in table then column order. */
export async function schemaColumns(trx: Tx): Promise<SchemaColumn[]> {
  const r = await sql<SchemaColumn>`
    SELECT c.relname AS table, a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type,
      a.attnotnull AS "notNull", pg_get_expr(d.adbin, d.adrelid) AS default, a.attidentity AS identity,
      a.attgenerated AS generated,
      CASE WHEN a.attcollation NOT IN (0, t.typcollation) THEN co.collname END AS collation
    FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_type t ON t.oid = a.atttypid
    LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
    LEFT JOIN pg_collation co ON co.oid = a.attcollation
    WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p', 'v', 'm')
      AND a.attnum > 0 AND NOT a.attisdropped
    ORDER BY c.relname COLLATE "C", a.attnum`.execute(trx);
  return r.rows;
}

function columnLine(c: SchemaColumn): string {
  return [
    c.name,
    c.type,
    c.collation ? `collate "${c.collation}"` : '',
    c.notNull ? 'not null' : '',
    c.identity === 'a' ? 'generated always as identity' : c.identity === 'd' ? 'generated by default as identity' : '',
    c.default !== null ? `${c.generated === 's' ? 'generated always as' : 'default'} ${c.default}` : '',
  ]
    .filter(Boolean)
    .join(' ');
}

/** A CHECK that holds one column to a list of words: `CHECK (kind IN ('appeal', …))`. */
export type CheckList = { table: string; column: string; constraint: string; values: string[] };

/** Every single-column `IN (…)` CHECK of the public schema, parsed from the server's own text of it. */
export async function checkLists(trx: Tx): Promise<CheckList[]> {
  const r = await sql<{ table: string; constraint: string; def: string }>`
    SELECT c.relname AS table, k.conname AS constraint, pg_get_constraintdef(k.oid) AS def
    FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid
    WHERE c.relnamespace = 'public'::regnamespace AND k.contype = 'c'
    ORDER BY c.relname COLLATE "C", k.conname COLLATE "C"`.execute(trx);
  return r.rows.flatMap((k) => {
    const m = /^CHECK \(\((\w+) = ANY \(ARRAY\[(.*)\]\)\)\)$/.exec(k.def);
    if (!m) return [];
    const values = [...m[2]!.matchAll(/'((?:[^']|'')*)'::text/g)].map((v) => v[1]!.replaceAll("''", "'"));
    return [{ table: k.table, column: m[1]!, constraint: k.constraint, values }];
  });
}
