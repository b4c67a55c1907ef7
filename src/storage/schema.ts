import type { ColumnType, Generated } from 'kysely';

/** Kysely's view of the tables; snake_case as in SQL, mapped to camelCase in the repositories. */
type Timestamp = ColumnType<Date, Date | string, Date | string>;

export type RegionsTable = {
  code: string;
  parent_code: string | null;
  level: number;
  name: string;
  path: string;
  geometry: unknown | null;
  created_at: Generated<Date>;
};

export type UnitTypesTable = {
  code: string;
  name_zh: string;
  name_en: string;
  is_service_centre: Generated<boolean>;
  sort: Generated<number>;
};

export type UnitsTable = {
  id: Generated<number>;
  type_code: string;
  region_code: string;
  region_path: string;
  name: string;
  phone: string | null;
  disabled: Generated<boolean>;
  created_at: Timestamp;
};

export type UsersTable = {
  id: Generated<number>;
  username: string;
  display_name: string;
  unit_id: number;
  grid_code: string | null;
  scope_path: string;
  roles: string[];
  password_hash: string;
  disabled: Generated<boolean>;
  failed_logins: Generated<number>;
  locked_until: Timestamp | null;
  created_at: Timestamp;
};

export type SessionsTable = {
  token_hash: string;
  user_id: number;
  created_at: Timestamp;
  last_seen_at: Timestamp;
};

export type CategoriesTable = {
  code: string;
  parent_code: string | null;
  path: string;
  name_zh: string;
  name_en: string;
  sort: Generated<number>;
  disabled: Generated<boolean>;
};

export type AuditLogTable = {
  id: Generated<number>;
  at: Timestamp;
  actor_id: number | null;
  actor_name: string;
  action: string;
  target: string;
  outcome: 'ok' | 'denied' | 'failed';
  request_id: string | null;
  details: ColumnType<Record<string, unknown>, string | undefined, never>;
  prev_hash: Generated<string>;
  hash: Generated<string>;
};

export type Schema = {
  regions: RegionsTable;
  unit_types: UnitTypesTable;
  units: UnitsTable;
  users: UsersTable;
  sessions: SessionsTable;
  categories: CategoriesTable;
  audit_log: AuditLogTable;
};
