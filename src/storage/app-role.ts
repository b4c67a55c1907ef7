import type { MigrationRunner } from './migrate.js';

/** The role the migrations create and grant every privilege and policy to. */
export const defaultAppRole = 'civicgrid_app';

/**
 * A role name the application may interpolate into `SET ROLE` and `GRANT`: an unquoted PostgreSQL
 * identifier (lower case, digits, underscore; at most 63 bytes), so no quoting or escaping is needed.
 */
export function assertRoleName(role: string): void {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(role))
    throw new Error(
      `DATABASE_APP_ROLE '${role}' is not a plain role name: use lower-case letters, digits and _ (at most 63), starting with a letter or _`,
    );
}

type RoleRow = { rolsuper: boolean; rolbypassrls: boolean };

/**
 * Makes the configured application role able to work as civicgrid_app, as the owner, at start:
 * the migrations grant tables, functions and sequences to civicgrid_app only, so another role is
 * made a member of it (`GRANT civicgrid_app TO role`) and inherits exactly those privileges; the
 * policies apply to every role that is neither superuser nor BYPASSRLS. The role must exist (the
 * administrator creates it, with the password and connection limits they choose), and start-up
 * fails with the reason when it is missing, bypasses row-level security, or cannot be switched to.
 */
export async function prepareAppRole(owner: MigrationRunner, role: string): Promise<void> {
  assertRoleName(role);
  const found = (await owner.query('SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = $1', [role])).rows[0] as
    | RoleRow
    | undefined;
  if (!found)
    throw new Error(
      `DATABASE_APP_ROLE ${role} does not exist: create it (CREATE ROLE ${role} NOLOGIN) or leave the setting unset to use ${defaultAppRole}`,
    );
  if (found.rolsuper || found.rolbypassrls)
    throw new Error(
      `DATABASE_APP_ROLE ${role} is a superuser or has BYPASSRLS: row-level security would not apply to it; use a role with neither`,
    );
  if (role !== defaultAppRole && !(await memberOfAppRole(owner, role))) {
    // Under the migrations' advisory lock: two servers starting at once would race on pg_auth_members.
    try {
      await owner.exec(`BEGIN; SELECT pg_advisory_xact_lock(7419001); GRANT ${defaultAppRole} TO ${role}; COMMIT`);
    } catch (e) {
      await owner.exec('ROLLBACK').catch(() => undefined);
      throw e;
    }
    if (!(await memberOfAppRole(owner, role)))
      throw new Error(
        `DATABASE_APP_ROLE ${role} does not inherit the privileges of ${defaultAppRole} (a NOINHERIT role?): ALTER ROLE ${role} INHERIT`,
      );
  }
  try {
    await owner.exec(`SET ROLE ${role}; RESET ROLE`);
  } catch (e) {
    throw new Error(
      `the database user cannot SET ROLE ${role} (${(e as Error).message}): GRANT ${role} TO the user the server connects as`,
    );
  }
}

/** Whether the role holds civicgrid_app's privileges without switching to it (membership that inherits). */
async function memberOfAppRole(owner: MigrationRunner, role: string): Promise<boolean> {
  const r = await owner.query(`SELECT pg_has_role($1, '${defaultAppRole}', 'USAGE') AS ok`, [role]);
  return (r.rows[0] as { ok: boolean }).ok;
}
