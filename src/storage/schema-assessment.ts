import type { ColumnType, Generated } from 'kysely';
import type { PeriodKind } from '../core/kpi/period.js';
import type { WarningReason } from '../core/assessment/warnings.js';

/** Kysely's view of the assessment tables (migration 0015): peer classes, schemes, imported figures, runs. */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json<T> = ColumnType<T, string, string>;

export type PeerClassesTable = {
  id: Generated<number>;
  owner_code: string;
  region_path: string;
  level: number;
  name: string;
  name_en: string | null;
  updated_at: Timestamp;
};

export type PeerClassMembersTable = {
  class_id: number;
  owner_code: string;
  level: number;
  region_code: string;
  region_path: string;
};

export type AssessmentSchemesTable = {
  id: Generated<number>;
  owner_code: string;
  region_path: string;
  year: number;
  name: string;
  created_at: Timestamp;
};

export type AssessmentSchemeVersionsTable = {
  scheme_id: number;
  version: number;
  region_path: string;
  definition: Json<unknown>;
  created_at: Timestamp;
  created_by: string;
  used_at: Timestamp | null;
};

export type IndicatorValuesTable = {
  indicator: string;
  region_code: string;
  region_path: string;
  period_kind: PeriodKind;
  period_from: Timestamp;
  value: number;
  source: string;
  imported_at: Timestamp;
};

export type AssessmentRunsTable = {
  id: Generated<number>;
  scheme_id: number;
  version: number;
  region_path: string;
  period_kind: PeriodKind;
  period_from: Timestamp;
  period_to: Timestamp;
  computed_at: Timestamp;
  computed_by: string;
};

export type AssessmentScoresTable = {
  run_id: number;
  region_code: string;
  region_path: string;
  index_value: number | null;
  coverage: number;
  rank: number | null;
  components: Json<unknown[]>;
};

export type AssessmentWarningsTable = {
  id: Generated<number>;
  run_id: number;
  scheme_id: number;
  region_code: string;
  region_path: string;
  reason: WarningReason;
  index_value: number;
  previous_value: number | null;
  limit_value: number;
  created_at: Timestamp;
};

export type AssessmentSchema = {
  peer_classes: PeerClassesTable;
  peer_class_members: PeerClassMembersTable;
  assessment_schemes: AssessmentSchemesTable;
  assessment_scheme_versions: AssessmentSchemeVersionsTable;
  indicator_values: IndicatorValuesTable;
  assessment_runs: AssessmentRunsTable;
  assessment_scores: AssessmentScoresTable;
  assessment_warnings: AssessmentWarningsTable;
};
