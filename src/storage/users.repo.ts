import { sql } from 'kysely';
import type { Tx } from './db.js';
import { inSubtree, likeEscape } from './like.js';
import type { User } from '../contract/users.js';
import type { Role } from '../contract/common.js';
import type { Actor } from '../core/auth/actor.js';

function userQuery(trx: Tx) {
  return trx
    .selectFrom('users as s')
    .innerJoin('units as u', 'u.id', 's.unit_id')
    .select([
      's.id',
      's.username',
      's.display_name',
      's.unit_id',
      's.grid_code',
      's.roles',
      's.disabled',
      's.created_at',
      's.scope_path',
      'u.name as unit_name',
    ]);
}
type UserRow = Awaited<ReturnType<ReturnType<typeof userQuery>['executeTakeFirstOrThrow']>>;

export type UserWithScope = User & { scopePath: string };

const toUser = (r: UserRow): UserWithScope => ({
  id: Number(r.id),
  username: r.username,
  displayName: r.display_name,
  unitId: Number(r.unit_id),
  unitName: r.unit_name,
  gridCode: r.grid_code,
  roles: r.roles as Role[],
  disabled: r.disabled,
  createdAt: new Date(r.created_at).toISOString(),
  scopePath: r.scope_path,
});

export async function getUser(trx: Tx, id: number): Promise<UserWithScope | undefined> {
  const r = await userQuery(trx).where('s.id', '=', id).executeTakeFirst();
  return r && toUser(r);
}

export type UserFilter = { unitId?: number; role?: Role; q?: string; scopePath?: string };

export async function listUsers(trx: Tx, f: UserFilter, page: number, pageSize: number) {
  let q = userQuery(trx);
  if (f.unitId) q = q.where('s.unit_id', '=', f.unitId);
  if (f.role) q = q.where(sql<boolean>`${f.role} = ANY(s.roles)`);
  if (f.q)
    q = q.where((eb) =>
      eb.or([eb('s.username', 'like', `%${likeEscape(f.q!)}%`), eb('s.display_name', 'like', `%${likeEscape(f.q!)}%`)]),
    );
  if (f.scopePath) q = q.where(inSubtree('s.scope_path', f.scopePath));
  const [rows, count] = await Promise.all([
    q
      .orderBy('s.id')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    q
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(toUser), total: Number(count.n) };
}

export type NewUser = {
  username: string;
  displayName: string;
  unitId: number;
  gridCode: string | null;
  scopePath: string;
  roles: Role[];
  passwordHash: string;
  at: Date;
};

export async function insertUser(trx: Tx, u: NewUser): Promise<number> {
  const r = await trx
    .insertInto('users')
    .values({
      username: u.username,
      display_name: u.displayName,
      unit_id: u.unitId,
      grid_code: u.gridCode,
      scope_path: u.scopePath,
      roles: u.roles,
      password_hash: u.passwordHash,
      created_at: u.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(r.id);
}

export type UserPatch = Partial<{
  display_name: string;
  unit_id: number;
  grid_code: string | null;
  scope_path: string;
  roles: Role[];
  disabled: boolean;
  password_hash: string;
}>;

export async function updateUserRow(trx: Tx, id: number, patch: UserPatch): Promise<void> {
  if (Object.keys(patch).length === 0) return;
  await trx.updateTable('users').set(patch).where('id', '=', id).execute();
}

/** An account's id by its username, or undefined. */
export async function userIdByName(trx: Tx, username: string): Promise<number | undefined> {
  const r = await trx.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst();
  return r && Number(r.id);
}

export async function usernameTaken(trx: Tx, username: string): Promise<boolean> {
  return (await trx.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst()) !== undefined;
}

/** What login needs: the secret, the roles (for the second-factor rule), the standing, the jurisdiction (for the audit). */
export async function findLogin(trx: Tx, username: string) {
  const r = await trx
    .selectFrom('users')
    .select(['id', 'username', 'password_hash', 'disabled', 'roles', 'scope_path'])
    .where('username', '=', username)
    .executeTakeFirst();
  return (
    r && {
      id: Number(r.id),
      username: r.username,
      passwordHash: r.password_hash,
      disabled: r.disabled,
      roles: r.roles as Role[],
      scopePath: r.scope_path,
    }
  );
}

/** The enabled accounts with any of the roles at the service centre of a region (who hears of a cluster there). */
export async function serviceCentreStaff(trx: Tx, regionCode: string, roles: readonly Role[]): Promise<number[]> {
  if (roles.length === 0) return [];
  const rows = await trx
    .selectFrom('users as s')
    .innerJoin('units as u', 'u.id', 's.unit_id')
    .select('s.id')
    .where('u.region_code', '=', regionCode)
    .where('u.type_code', '=', 'service_centre')
    .where('s.disabled', '=', false)
    .where((eb) => eb.or(roles.map((role) => eb(eb.val<string>(role), '=', eb.fn.any('s.roles')))))
    .execute();
  return rows.map((r) => Number(r.id));
}

/** Whether any account exists (a fresh installation has none). */
export async function anyUser(trx: Tx): Promise<boolean> {
  return (await trx.selectFrom('users').select('id').limit(1).execute()).length > 0;
}

/** The enabled accounts of a unit with a role (and, given one, serving a grid), oldest first. */
export async function enabledAccountsOf(
  trx: Tx,
  unitId: number,
  role: Role,
  gridCode?: string,
): Promise<{ id: number; username: string }[]> {
  let q = trx
    .selectFrom('users')
    .select(['id', 'username'])
    .where('unit_id', '=', unitId)
    .where('disabled', '=', false)
    .where(sql<boolean>`${role} = ANY(roles)`);
  if (gridCode) q = q.where('grid_code', '=', gridCode);
  return (await q.orderBy('id').execute()).map((r) => ({ id: Number(r.id), username: r.username }));
}

/** An account as the acting user sign-in makes of it: unit, unit level and region, roles, jurisdiction. */
export async function userActor(trx: Tx, userId: number): Promise<Actor | undefined> {
  const r = await trx
    .selectFrom('users as s')
    .innerJoin('units as u', 'u.id', 's.unit_id')
    .innerJoin('regions as g', 'g.code', 'u.region_code')
    .select([
      's.id',
      's.username',
      's.display_name',
      's.unit_id',
      's.roles',
      's.scope_path',
      'u.region_code',
      'g.level',
    ])
    .where('s.id', '=', userId)
    .executeTakeFirst();
  return (
    r && {
      userId: Number(r.id),
      username: r.username,
      displayName: r.display_name,
      unitId: Number(r.unit_id),
      unitLevel: Number(r.level),
      unitRegionCode: r.region_code,
      roles: r.roles as Role[],
      scopePath: r.scope_path,
    }
  );
}

/** Every enabled account holding a role, wherever it works (the administrators a calendar warning goes to). */
export async function enabledWithRole(trx: Tx, role: Role): Promise<number[]> {
  const rows = await trx
    .selectFrom('users')
    .select('id')
    .where('disabled', '=', false)
    .where(sql<boolean>`${role} = ANY(roles)`)
    .orderBy('id')
    .execute();
  return rows.map((r) => Number(r.id));
}

/**
 * The enabled administrators of a jurisdiction: those whose jurisdiction is exactly the path, or for
 * the deployment's top ('') those at a root of the tree. Read with the system's scope (the sweep).
 */
export async function administratorsOf(trx: Tx, regionPath: string): Promise<number[]> {
  const rows = await trx
    .selectFrom('users')
    .select('id')
    .where('disabled', '=', false)
    .where(sql<boolean>`'admin' = ANY(roles)`)
    .where(regionPath === '' ? sql<boolean>`scope_path ~ '^[^/]+/$'` : sql<boolean>`scope_path = ${regionPath}`)
    .orderBy('id')
    .execute();
  return rows.map((r) => Number(r.id));
}
