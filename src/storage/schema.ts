import type { ColumnType, Generated } from 'kysely';
import type { PublicSchema } from './schema-public.js';
import type { DeadlineSchema } from './schema-deadlines.js';
import type { AuditOutcome } from '../core/audit.js';
import type {
  AssignmentRole,
  AssignmentState,
  CaseKind,
  CaseLinkKind,
  Channel,
  Complexity,
  PartyRole,
  TransferSource,
} from '../core/case/types.js';
import type { Fallback } from '../core/dispatch/types.js';
import type { SignInSchema } from './schema-sign-in.js';
import type { AssessmentSchema } from './schema-assessment.js';
import type { KpiSchema } from './schema-kpi.js';

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
  outcome: AuditOutcome;
  request_id: string | null;
  details: ColumnType<Record<string, unknown>, string | undefined, never>;
  prev_hash: Generated<string>;
  hash: Generated<string>;
  /** The region path of the record's target; NULL for system work (migration 0008). */
  region_path: string | null;
};

export type CasesTable = {
  id: number;
  tracking_code: string;
  kind: CaseKind;
  channel: Channel;
  complexity: Complexity;
  category_code: string;
  region_code: string;
  region_path: string;
  title: string;
  description: string;
  address: string | null;
  lat: number | null;
  lng: number | null;
  transfer_source: TransferSource | null;
  transfer_ref: string | null;
  attachments: ColumnType<unknown[], string, string>;
  status: string;
  version: number;
  centre_unit_id: number;
  lead_unit_id: number | null;
  state: ColumnType<unknown, string, string>;
  repeat_of: number | null;
  merged_into: number | null;
  difficult: Generated<boolean>;
  idempotency_scope: string;
  idempotency_key: string;
  created_by: number | null;
  received_at: Timestamp;
  updated_at: Timestamp;
  resolved_at: Timestamp | null;
  closed_at: Timestamp | null;
};

export type CasePartiesTable = {
  id: Generated<number>;
  case_id: number;
  role: PartyRole;
  name: string;
  phone_enc: string | null;
  id_number_enc: string | null;
  address_enc: string | null;
  email_enc: string | null;
  email_hash: string | null;
  phone_hash: string | null;
  id_number_hash: string | null;
  phone_last4_hash: string | null;
  region_path: string;
  created_at: Timestamp;
};

export type AssignmentsTable = {
  case_id: number;
  seq: number;
  unit_id: number;
  role: AssignmentRole;
  state: AssignmentState;
  task: string | null;
  reply: string | null;
  region_path: string;
  assigned_at: Timestamp;
  signed_at: Timestamp | null;
  ended_at: Timestamp | null;
};

export type CaseEventsTable = {
  case_id: number;
  version: number;
  type: string;
  at: Timestamp;
  actor_user_id: number | null;
  actor_unit_id: number | null;
  from_status: string | null;
  to_status: string;
  reason: string | null;
  data: ColumnType<Record<string, unknown>, string, string>;
  region_path: string;
};

export type CaseLinksTable = {
  case_id: number;
  related_id: number;
  kind: CaseLinkKind;
  score: number | null;
  region_path: string;
  created_at: Timestamp;
};

export type DispatchRulesTable = {
  id: Generated<number>;
  /** The jurisdiction that set the rule ('' = the deployment's top). */
  region_path: string;
  position: number;
  name: string;
  kind: CaseKind | null;
  category_code: string | null;
  complexity: Complexity | null;
  channel: Channel | null;
  cross_region: boolean | null;
  target_unit_type: string;
  target_level: number;
  fallback: Fallback;
  enabled: Generated<boolean>;
  updated_at: Timestamp;
};

export type Schema = DeadlineSchema &
  PublicSchema &
  SignInSchema &
  AssessmentSchema &
  KpiSchema & {
    regions: RegionsTable;
    unit_types: UnitTypesTable;
    units: UnitsTable;
    users: UsersTable;
    sessions: SessionsTable;
    categories: CategoriesTable;
    audit_log: AuditLogTable;
    cases: CasesTable;
    case_parties: CasePartiesTable;
    assignments: AssignmentsTable;
    case_events: CaseEventsTable;
    case_links: CaseLinksTable;
    dispatch_rules: DispatchRulesTable;
  };
