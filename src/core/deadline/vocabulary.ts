// The words of time limits and supervision, one array each (the types derive from them). A module of
// constants only, so the web app can import it without the calendar arithmetic that uses them.

/** Timed stage of an assignment: 签收, 办理, 会办答复, 回访. */
export const STAGE_NAMES = ['sign_for', 'handle', 'co_reply', 'return_visit'] as const;
export type StageName = (typeof STAGE_NAMES)[number];

/** Unit of a time limit. */
export const TIME_UNITS = ['hour', 'calendar_day', 'working_day'] as const;
export type TimeUnit = (typeof TIME_UNITS)[number];

/** How a stage's time is measured: wall clock, or time inside working days (working-time.ts). */
export const TIME_MEASURES = ['elapsed', 'working_time'] as const;
export type TimeMeasure = (typeof TIME_MEASURES)[number];

/** Supervision card colours (督办牌) in escalating order: least severe first. */
export const CARD_COLOURS = ['blue', 'yellow', 'red'] as const;
export type CardColour = (typeof CARD_COLOURS)[number];

/** Petition backlog colours (信访积案 红黄绿), least severe first. */
export const BACKLOG_COLOURS = ['green', 'yellow', 'red'] as const;
export type BacklogColour = (typeof BACKLOG_COLOURS)[number];

/** Whether a calendar day is worked or rested. */
export const DAY_KINDS = ['workday', 'holiday'] as const;
export type DayKind = (typeof DAY_KINDS)[number];

/** Where a calendar override came from: the seed (the `chinese-days` package) or an administrator, whose edit a re-seed keeps. */
export const CALENDAR_SOURCES = ['chinese-days', 'admin'] as const;
export type CalendarSource = (typeof CALENDAR_SOURCES)[number];

/** Where an extension request (延期申请) stands: waiting for a leader, approved, or refused. */
export const EXTENSION_STATUSES = ['requested', 'approved', 'refused'] as const;
export type ExtensionStatus = (typeof EXTENSION_STATUSES)[number];
