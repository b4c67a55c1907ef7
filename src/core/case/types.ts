// The vocabulary of a case's lifecycle: what a case is, who acts on it, and the state it carries.
// Only what the state machine needs lives here; titles, parties and attachments stay in the app layer.

export const CASE_KINDS = ['appeal', 'dispute', 'petition', 'hazard'] as const;
export type CaseKind = (typeof CASE_KINDS)[number];

/** `transfer` is a case handed over by a court, police, procuratorate or petition bureau (诉调/公调/检调/访调 对接). */
export const CHANNELS = ['grid', 'hotline', 'walk_in', 'online', 'letter', 'transfer'] as const;
export type Channel = (typeof CHANNELS)[number];

/** Who handed a transferred case over: 诉调 / 公调 / 检调 / 访调 对接. */
export const TRANSFER_SOURCES = ['court', 'police', 'procuratorate', 'petition_bureau'] as const;
export type TransferSource = (typeof TRANSFER_SOURCES)[number];

/** The channels a partner system (Open311, a hotline's or a court's system) files through, in the order forms offer them. */
export const PARTNER_CHANNELS = ['hotline', 'online', 'transfer'] as const satisfies readonly Channel[];
export type PartnerChannel = (typeof PARTNER_CHANNELS)[number];

export const COMPLEXITIES = ['general', 'major', 'special'] as const;
export type Complexity = (typeof COMPLEXITIES)[number];

/**
 * Statuses a case rests in. Send-back (退回), escalation (提级) and reopening (重办) are events, not
 * statuses: a sent-back case rests in `received` at its centre again, an escalated one in `dispatched`
 * at the parent centre, a reopened one in `in_progress` at its last lead unit.
 */
export const CASE_STATUSES = [
  'received',
  'dispatched',
  'signed',
  'in_progress',
  'suspended',
  'resolved',
  'evaluated',
  'closed',
  'merged',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** Statuses in which a lead unit has signed for the case and holds it (办理中). */
export const HANDLING_STATUSES: readonly CaseStatus[] = ['signed', 'in_progress', 'suspended'];

export const ROLES = [
  'admin',
  'security',
  'auditor',
  'dispatcher',
  'clerk',
  'gridworker',
  'mediator',
  'leader',
] as const;
export type Role = (typeof ROLES)[number];

/** Who acts: a user of a unit; `scopePath` is the materialised region path of their jurisdiction. */
export type Actor = {
  userId: number;
  unitId: number;
  unitLevel: number;
  roles: readonly Role[];
  scopePath: string;
};

/** A unit as the case machine needs it: identity, region level (1 province … 7 micro-grid) and region path. */
export type UnitRef = { unitId: number; unitLevel: number; regionPath: string };

export const ASSIGNMENT_ROLES = ['lead', 'co'] as const;
export type AssignmentRole = (typeof ASSIGNMENT_ROLES)[number];
/** open = awaiting sign-for; signed = being handled; replied / closed = finished (a reply, or closed without one). */
export const ASSIGNMENT_STATES = ['open', 'signed', 'replied', 'closed'] as const;
export type AssignmentState = (typeof ASSIGNMENT_STATES)[number];

/** A case's task at one unit (交办); `seq` numbers a case's assignments from 1 in the order they were made. */
export type Assignment = UnitRef & {
  seq: number;
  role: AssignmentRole;
  state: AssignmentState;
  task: string | null;
  reply: string | null;
  assignedAt: Date;
  signedAt: Date | null;
  endedAt: Date | null;
};

/** How a lead unit handles a case: on site, online, or jointly with co-units (会办, by request_joint). */
export const HANDLING_MODES = ['on_site', 'online', 'joint'] as const;
export type HandlingMode = (typeof HANDLING_MODES)[number];

/**
 * How a case was concluded (办结). A failed mediation guides the parties to litigation or arbitration
 * (人民调解法 第二十六条); an agreement may be written or oral (同法 第二十八条); a petition not accepted is
 * answered with its reason (《信访工作条例》).
 */
export type Outcome =
  | { kind: 'mediated'; agreement: Agreement; summary: string }
  | { kind: 'not_mediated'; guidance: Guidance; summary: string }
  | { kind: 'answered'; summary: string }
  | { kind: 'not_accepted'; reason: string };
export const OUTCOME_KINDS = [
  'mediated',
  'not_mediated',
  'answered',
  'not_accepted',
] as const satisfies readonly Outcome['kind'][];
export type OutcomeKind = (typeof OUTCOME_KINDS)[number];
type Assert<T extends true> = T;
/** Compile-time: every outcome's kind is in OUTCOME_KINDS (`satisfies` above checks the other way). */
export type EveryOutcomeKindListed = Assert<[Exclude<Outcome['kind'], OutcomeKind>] extends [never] ? true : false>;
export const AGREEMENTS = ['written', 'oral'] as const;
export type Agreement = (typeof AGREEMENTS)[number];
export const GUIDANCES = ['litigation', 'arbitration'] as const;
export type Guidance = (typeof GUIDANCES)[number];

export const RATINGS = ['satisfied', 'basically_satisfied', 'dissatisfied'] as const;
export type Rating = (typeof RATINGS)[number];
/** Whether the resident rated the case themselves or staff recorded it on a return visit (回访). */
export const EVALUATORS = ['resident', 'staff'] as const;
export type Evaluator = (typeof EVALUATORS)[number];
export type Evaluation = { rating: Rating; by: Evaluator; note: string | null; at: Date; actorUserId: number };

export const SEND_BACK_REASONS = [
  'not_responsible',
  'outside_region',
  'insufficient_information',
  'duplicate',
  'other',
] as const;
export type SendBackReason = (typeof SEND_BACK_REASONS)[number];

export const REOPEN_REASONS = ['dissatisfied', 'repeat_visit'] as const;
export type ReopenReason = (typeof REOPEN_REASONS)[number];

/** The parties to a case (当事人): who asks, and who is asked of. */
export const PARTY_ROLES = ['applicant', 'respondent'] as const;
export type PartyRole = (typeof PARTY_ROLES)[number];

/** Links between cases: the same person again (重访), a burst in one township (疑似群体性), a merged duplicate. */
export const CASE_LINK_KINDS = ['repeat', 'cluster', 'merged'] as const;
export type CaseLinkKind = (typeof CASE_LINK_KINDS)[number];

/** Totals over the case's life; they feed the send-back, repeat-visit and escalation rates. */
export type Counters = { sendBacks: number; redos: number; transfers: number; escalations: number };

/**
 * Counts since the case last climbed a level, for the automatic escalation rule; `transfers` also
 * restarts when a unit takes the lead (starts handling), since the rule is about passing it on unled.
 */
export type Streak = { sendBacks: number; redos: number; transfers: number };

export type CaseState = {
  id: number;
  kind: CaseKind;
  channel: Channel;
  complexity: Complexity;
  categoryCode: string;
  regionPath: string;
  status: CaseStatus;
  /** The service centre that dispatches the case now: send-backs return here; escalation replaces it. */
  centre: UnitRef;
  assignments: readonly Assignment[];
  handlingMode: HandlingMode | null;
  outcome: Outcome | null;
  evaluations: readonly Evaluation[];
  suspension: { reason: string; since: Date } | null;
  mergedInto: number | null;
  counters: Counters;
  streak: Streak;
  /** Optimistic concurrency: the number of successful actions so far (intake is 1). */
  version: number;
  receivedAt: Date;
  updatedAt: Date;
  resolvedAt: Date | null;
  closedAt: Date | null;
};

export const ACTION_NAMES = [
  'dispatch',
  'redispatch',
  'sign',
  'start_handling',
  'request_joint',
  'sign_co_task',
  'reply_co_task',
  'close_co_task',
  'escalate',
  'send_back',
  'transfer',
  'suspend',
  'resume',
  'resolve',
  'evaluate',
  'reopen',
  'close',
  'merge',
] as const;
export type ActionName = (typeof ACTION_NAMES)[number];
