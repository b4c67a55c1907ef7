import type { ColumnType, Generated } from 'kysely';
import type { SignInStep } from '../core/auth/sign-in.js';

/** Kysely's view of the sign-in tables (migration 0009): throttling and two-factor sign-in. */
type Timestamp = ColumnType<Date, Date | string, Date | string>;

export type LoginThrottleTable = {
  key: string;
  attempts: number;
  window_started_at: Timestamp;
  locked_until: Timestamp | null;
};

export type UserTotpTable = {
  user_id: number;
  secret_enc: string;
  confirmed_at: Timestamp | null;
  last_time_step: number | null;
  created_at: Timestamp;
};

export type UserRecoveryCodesTable = {
  id: Generated<number>;
  user_id: number;
  code_hash: string;
  used_at: Timestamp | null;
};

export type LoginChallengesTable = {
  token_hash: string;
  user_id: number;
  purpose: SignInStep;
  created_at: Timestamp;
  expires_at: Timestamp;
};

export type SignInSchema = {
  login_throttle: LoginThrottleTable;
  user_totp: UserTotpTable;
  user_recovery_codes: UserRecoveryCodesTable;
  login_challenges: LoginChallengesTable;
};
