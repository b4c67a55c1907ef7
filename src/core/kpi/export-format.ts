// The events export (GET /api/kpi/events, `civicgrid export events`): its columns and its kinds of line,
// described once here; docs/kpi.md prints these texts, scripts/kpi-recompute.mjs reads the format.

/** The columns of the CSV export, in order (the NDJSON lines carry the same keys), with what each holds. */
export const EXPORT_FIELDS = [
  ['record', 'the kind of line (below)'],
  ['case_id', 'the case the line belongs to (empty on the export and day lines)'],
  ['version', "an event's position in its case's history (1 = received)"],
  ['type', "an event's type, a stage's name, a card's colour, a day's kind (working or rest), the period kind"],
  [
    'at',
    'the instant (ISO 8601, UTC) of an event, a stage start, a card, a decision; a CST date on day lines; the as-of instant on the export line',
  ],
  ['actor_unit_id', 'the unit that acted (events)'],
  ['from_status', 'the case status before the event'],
  ['to_status', 'the case status after the event'],
  ['reason', 'the reason an actor gave (events that take one)'],
  ['data', "the event's payload, or the stage, card or extension record, as JSON"],
] as const;

export const EXPORT_COLUMNS = EXPORT_FIELDS.map(([name]) => name);
export type ExportColumn = (typeof EXPORT_FIELDS)[number][0];

/** The kinds of line, in the order they appear. */
export const EXPORT_RECORDS = [
  ['export', 'first line: the region (data.region), the period (data.from, data.to) and the as-of instant (at)'],
  [
    'day',
    'one per CST day from the earliest case received to the as-of day: working or rest, as the figures counted it',
  ],
  ['case', 'one per case: data.repeatOf, the earlier case it repeats (null for a first visit)'],
  ['event', "one per case event, the case's whole history as of the export"],
  [
    'stage',
    'one per timed stage of an assignment: data.seq, stage, unitId, startAt, dueAt (null while suspended), completedAt',
  ],
  ['card', 'one per supervision card: data.seq, colour, issuedAt'],
  ['extension', 'one per extension request: data.requestingUnitId, decidedAt, approved, deciderUnitId'],
] as const;
