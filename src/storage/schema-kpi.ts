import type { ColumnType } from 'kysely';
import type { CaseKind, Channel, Complexity } from '../core/case/types.js';

/** Kysely's view of the KPI rollup (migration 0014); written only through civicgrid_kpi_rollup_case. */
export type KpiRollupTable = {
  region_path: string;
  unit_id: number;
  category_code: string;
  kind: CaseKind;
  channel: Channel;
  complexity: Complexity;
  kpi: string;
  /** CST day numbers (days since 1970-01-01). */
  lo: number;
  hi: number;
  stock: boolean;
  numerator: number;
  denominator: number;
};

export type KpiCaseRollupTable = {
  case_id: number;
  region_path: string;
  key: ColumnType<Record<string, unknown>, string, string>;
  cells: ColumnType<Record<string, unknown>[], string, string>;
};

export type KpiSchema = {
  kpi_rollup: KpiRollupTable;
  kpi_case_rollup: KpiCaseRollupTable;
};
