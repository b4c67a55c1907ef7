import type { ColumnType, Generated } from 'kysely';
import type { PartnerChannel, TransferSource } from '../core/case/types.js';

/** Kysely's view of the public portal and partner tables (migrations 0004 and 0011). */
type Timestamp = ColumnType<Date, Date | string, Date | string>;

export type CaseUrgesTable = {
  id: Generated<number>;
  case_id: number;
  urged_on: ColumnType<Date, string, string>;
  at: Timestamp;
  note: string | null;
  unit_id: number | null;
  region_path: string;
};

export type PartnerKeysTable = {
  id: Generated<number>;
  name: string;
  key_hash: string;
  key_prefix: string;
  channel: PartnerChannel;
  transfer_source: TransferSource | null;
  region_code: string;
  region_path: string;
  created_by: number | null;
  created_at: Timestamp;
  revoked_at: Timestamp | null;
  last_used_at: Timestamp | null;
};

export type Open311RequestsTable = {
  case_id: number;
  token: string;
  partner_key_id: number | null;
  region_path: string;
  created_at: Timestamp;
  /** What the client sent beyond the case's fields (migration 0011). */
  attributes: ColumnType<Record<string, unknown>, string | undefined, string>;
};

/** Form tokens that have filed their case (migration 0011). */
export type SpentFormTokensTable = { token_id: string; expires_at: Timestamp };

export type PublicSchema = {
  case_urges: CaseUrgesTable;
  partner_keys: PartnerKeysTable;
  open311_requests: Open311RequestsTable;
  spent_form_tokens: SpentFormTokensTable;
};
