// Case events (流转记录): the append-only history. Each carries enough data to rebuild the state
// (see evolve.ts), so the log is the source of truth and every KPI is a query over it.
import type { EscalationTrigger } from './escalation.js';
import type {
  CaseKind,
  CaseStatus,
  Channel,
  Complexity,
  Evaluator,
  HandlingMode,
  Outcome,
  Rating,
  ReopenReason,
  SendBackReason,
  UnitRef,
} from './types.js';

export type CoTaskSpec = { unit: UnitRef; task: string };

export type ReceivedData = {
  id: number;
  kind: CaseKind;
  channel: Channel;
  complexity: Complexity;
  categoryCode: string;
  regionPath: string;
  centre: UnitRef;
};

/** What happened, with its payload; `type` is the discriminant. */
export type EventBody =
  | { type: 'received'; data: ReceivedData }
  | { type: 'dispatched'; data: { unit: UnitRef; task: string | null; explanation: string | null } }
  | { type: 'redispatched'; data: { unit: UnitRef; task: string | null; explanation: string | null } }
  | { type: 'signed'; data: { seq: number } }
  | { type: 'handling_started'; data: { mode: Exclude<HandlingMode, 'joint'> } }
  | { type: 'joint_requested'; data: { leadTask: string | null; coUnits: CoTaskSpec[] } }
  | { type: 'co_task_signed'; data: { seq: number } }
  | { type: 'co_task_replied'; data: { seq: number; reply: string } }
  | { type: 'co_task_closed'; data: { seq: number; note: string | null } }
  | { type: 'escalated'; data: { to: UnitRef; trigger: EscalationTrigger | 'manual'; task: string | null } }
  | { type: 'sent_back'; data: { seq: number; reasonCode: SendBackReason; note: string | null } }
  | { type: 'transferred'; data: { to: UnitRef; note: string; task: string | null } }
  | { type: 'suspended'; data: { reason: string } }
  | { type: 'resumed'; data: { note: string | null } }
  | { type: 'resolved'; data: { outcome: Outcome } }
  | { type: 'evaluated'; data: { rating: Rating; by: Evaluator; note: string | null } }
  | { type: 'reopened'; data: { reason: ReopenReason; note: string | null; unit: UnitRef } }
  | { type: 'closed'; data: { note: string | null } }
  | { type: 'merged'; data: { into: number; note: string | null } }
  | { type: 'deadline_recounted'; data: DeadlineRecount };

/** A stage's deadline before and after a calendar year's schedule was entered or changed (instants as ISO text). */
export type RecountedStage = {
  seq: number;
  stage: string;
  dueBefore: string | null;
  dueAfter: string | null;
  provisionalBefore: boolean;
  provisionalAfter: boolean;
};
/** What a `deadline_recounted` event records: the calendar year that changed and every stage it moved. */
export type DeadlineRecount = { year: number; stages: RecountedStage[] };

/** Every event type, in lifecycle order: what the public timeline words and the KPI queries are keyed by. */
export const EVENT_TYPES = [
  'received',
  'dispatched',
  'redispatched',
  'signed',
  'handling_started',
  'joint_requested',
  'co_task_signed',
  'co_task_replied',
  'co_task_closed',
  'escalated',
  'sent_back',
  'transferred',
  'suspended',
  'resumed',
  'resolved',
  'evaluated',
  'reopened',
  'closed',
  'merged',
  'deadline_recounted',
] as const satisfies readonly EventBody['type'][];
export type CaseEventType = (typeof EVENT_TYPES)[number];
type Assert<T extends true> = T;
/** Compile-time: every event body's type is in EVENT_TYPES (`satisfies` above checks the other way). */
export type EveryEventTypeListed = Assert<[Exclude<EventBody['type'], CaseEventType>] extends [never] ? true : false>;

/** Whether a stored event's type is one the core knows (the log is text in the database). */
export const isEventType = (type: string): type is CaseEventType => (EVENT_TYPES as readonly string[]).includes(type);

/**
 * Who, when, from which status to which. `version` is the case version the event produced: one event
 * per successful action, so (case id, version) is a natural unique key for the store.
 */
export type EventHead = {
  at: Date;
  version: number;
  actorUserId: number;
  actorUnitId: number;
  fromStatus: CaseStatus | null;
  toStatus: CaseStatus;
  reason?: string;
};

export type CaseEvent = EventHead & EventBody;
