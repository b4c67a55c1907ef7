import type { ColumnType, Generated } from 'kysely';
import type { CaseKind, Complexity } from '../core/case/types.js';
import type { CalendarSource, DayKind } from '../core/deadline/calendar.js';
import type { CardColour } from '../core/deadline/cards.js';
import type { StageName, TimeUnit } from '../core/deadline/policy.js';
import type { ExtensionStatus } from '../core/deadline/stage-clock.js';
import type { TimeMeasure } from '../core/deadline/working-time.js';
import type { DeliveryChannel } from '../core/notify/delivery.js';

/** Kysely's view of the deadline, card and notification tables (migration 0003). */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json<T> = ColumnType<T, string, string>;

export type CalendarDaysTable = {
  date: ColumnType<Date, string, string>;
  kind: DayKind;
  name: string | null;
  source: CalendarSource;
  updated_at: Timestamp;
};

export type DeadlinePoliciesTable = {
  id: Generated<number>;
  /** The jurisdiction that set the row ('' = the deployment's top). */
  region_path: string;
  kind: CaseKind | null;
  complexity: Complexity | null;
  stage: StageName;
  amount: number;
  unit: TimeUnit;
  max_extension_amount: number | null;
  max_extension_unit: TimeUnit | null;
  roll_to_working_day: Generated<boolean>;
  source: string | null;
  updated_at: Timestamp;
};

export type CardRulesTable = {
  /** The jurisdiction that set the row ('' = the deployment's top). */
  region_path: string;
  blue_passed_fraction: number | null;
  blue_working_days_left: number | null;
  yellow_overdue_ms: Generated<number>;
  red_overdue_fraction: number | null;
  red_overdue_working_days: number | null;
  backlog_green_days: Generated<number>;
  backlog_yellow_days: Generated<number>;
  backlog_red_days: Generated<number>;
  backlog_difficult_raise: Generated<number>;
  updated_at: Timestamp;
};

export type AssignmentStagesTable = {
  case_id: number;
  seq: number;
  stage: string;
  unit_id: number;
  unit_level: number;
  unit_path: string;
  region_path: string;
  policy: Json<Record<string, unknown>>;
  start_at: Timestamp;
  measure: TimeMeasure;
  allowed_ms: ColumnType<number, number, number>;
  due_at: Timestamp | null;
  suspended_at: Timestamp | null;
  remaining_ms: number | null;
  extended: Generated<number>;
  completed_at: Timestamp | null;
  next_card_at: Timestamp | null;
  issued: Generated<string[]>;
  provisional: Generated<boolean>;
};

export type CardsTable = {
  id: Generated<number>;
  case_id: number;
  seq: number;
  stage: string;
  colour: CardColour;
  issued_at: Timestamp;
  due_at: Timestamp;
  unit_id: number;
  supervisor_level: number;
  supervisor_region_path: string;
  region_path: string;
  cleared_at: Timestamp | null;
};

export type ExtensionRequestsTable = {
  id: Generated<number>;
  case_id: number;
  seq: number;
  stage: string;
  unit_id: number;
  unit_level: number;
  unit_path: string;
  region_path: string;
  requested_by: number;
  requested_at: Timestamp;
  amount: number;
  unit: string;
  reason: string;
  status: ExtensionStatus;
  decided_by: number | null;
  decided_at: Timestamp | null;
  decision_note: string | null;
  due_before: Timestamp | null;
  due_after: Timestamp | null;
};

export type OutboxTable = {
  id: Generated<number>;
  topic: string;
  channel: Generated<DeliveryChannel>;
  webhook_id: number | null;
  payload: Json<Record<string, unknown>>;
  created_at: Timestamp;
  available_at: Timestamp;
  attempts: Generated<number>;
  delivered_at: Timestamp | null;
  dead_at: Timestamp | null;
  last_error: string | null;
  idempotency_key: string;
  /** The case's region for a message and its SMS, the webhook's for a delivery; NULL: no region (migration 0008). */
  region_path: string | null;
};

export type InboxMessagesTable = {
  id: Generated<number>;
  user_id: number;
  outbox_id: number;
  topic: string;
  title: string;
  body: string;
  data: Json<Record<string, unknown>>;
  created_at: Timestamp;
  read_at: Timestamp | null;
};

export type WebhooksTable = {
  id: Generated<number>;
  url: string;
  secret: string;
  topics: string[];
  enabled: Generated<boolean>;
  created_at: Timestamp;
  /** The registering administrator's jurisdiction (migration 0008). */
  region_path: string;
};

/** The tables of migration 0003, merged into Schema. */
export type DeadlineSchema = {
  calendar_days: CalendarDaysTable;
  deadline_policies: DeadlinePoliciesTable;
  card_rules: CardRulesTable;
  assignment_stages: AssignmentStagesTable;
  cards: CardsTable;
  extension_requests: ExtensionRequestsTable;
  outbox: OutboxTable;
  inbox_messages: InboxMessagesTable;
  webhooks: WebhooksTable;
};
