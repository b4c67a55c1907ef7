/**
 * Supervision cards (督办牌) as data and pure instants. Default rules (issue 4, editable):
 * blue when 80 % of the stage's time has passed or less than one working day is left;
 * yellow when the stage is overdue; red when overdue by more than half its allowed time or
 * by more than 3 working days. Fractions are taken in the stage's own measure (working time for
 * working-day limits, wall time otherwise); "working days" are always working time.
 * Every colour has one instant; a card is due when now ≥ its instant, so a sweeper stores the
 * next un-issued instant in an indexed column and catches up after downtime.
 */
import { DomainError } from '../errors.js';
import { MAX_CARD_WORKING_DAYS, MAX_RED_OVERDUE_FRACTION, MAX_YELLOW_OVERDUE_MS } from './bounds.js';
import type { Calendar } from './calendar.js';
import { DAY_MS, instantMs } from './cst.js';
import { advanceBy, measureBetween, type TimeMeasure } from './working-time.js';

import { CARD_COLOURS, type CardColour } from './vocabulary.js';

export { CARD_COLOURS, type CardColour } from './vocabulary.js';

/** The most severe of some cards' colours (red over yellow over blue), or null for none: a case's standing on lists. */
export function worstColour(colours: Iterable<CardColour>): CardColour | null {
  let worst = -1;
  for (const c of colours) worst = Math.max(worst, CARD_COLOURS.indexOf(c));
  return worst < 0 ? null : CARD_COLOURS[worst]!;
}

/** Card rules; a null criterion is switched off, and a colour with no criterion is never issued. */
export type CardRules = {
  readonly blue: { readonly passedFraction: number | null; readonly workingDaysLeft: number | null };
  readonly yellow: { readonly overdueMs: number };
  readonly red: { readonly overdueFraction: number | null; readonly overdueWorkingDays: number | null };
};

/** The default card rules of issue 4. */
export const DEFAULT_CARD_RULES: CardRules = Object.freeze({
  blue: { passedFraction: 0.8, workingDaysLeft: 1 },
  yellow: { overdueMs: 0 },
  red: { overdueFraction: 0.5, overdueWorkingDays: 3 },
});

/** Checks rules against bounds.ts (blue's fraction in [0, 1]); returns them or throws ValidationFailed. */
export function validateCardRules(rules: CardRules): CardRules {
  const checks: ReadonlyArray<readonly [string, number | null, number]> = [
    ['blue.passedFraction', rules.blue.passedFraction, 1],
    ['blue.workingDaysLeft', rules.blue.workingDaysLeft, MAX_CARD_WORKING_DAYS],
    ['yellow.overdueMs', rules.yellow.overdueMs, MAX_YELLOW_OVERDUE_MS],
    ['red.overdueFraction', rules.red.overdueFraction, MAX_RED_OVERDUE_FRACTION],
    ['red.overdueWorkingDays', rules.red.overdueWorkingDays, MAX_CARD_WORKING_DAYS],
  ];
  for (const [field, value, max] of checks) {
    if (value !== null && !(Number.isFinite(value) && value >= 0 && value <= max)) {
      throw new DomainError('ValidationFailed', `card rule ${field} out of range: ${value}`, { field, value });
    }
  }
  return rules;
}

/** What cards need of a stage; a StageClock fits. allowedMs defaults to start→due in the measure. */
export type CardStage = {
  readonly start: Date;
  readonly due: Date | null;
  readonly measure?: TimeMeasure;
  readonly allowedMs?: number;
};

/** The instant each colour becomes due; null when its rule is switched off. */
export type CardInstants = { readonly blue: Date | null; readonly yellow: Date; readonly red: Date | null };

const earliest = (xs: readonly (Date | null)[]): Date | null =>
  xs.reduce<Date | null>((a, x) => (x && (!a || x.getTime() < a.getTime()) ? x : a), null);

/** The instants at which blue, yellow and red become due for a running stage (blue ≤ yellow ≤ red). */
export function cardInstants(
  stage: CardStage & { readonly due: Date },
  cal: Calendar,
  rules: CardRules = DEFAULT_CARD_RULES,
): CardInstants {
  const measure = stage.measure ?? 'elapsed';
  const allowed = Math.max(0, stage.allowedMs ?? measureBetween(cal, measure, stage.start, stage.due));
  const due = stage.due;
  const effectiveStart = advanceBy(cal, measure, due, -allowed);
  const { passedFraction, workingDaysLeft } = rules.blue;
  const byFraction = passedFraction === null ? null : advanceBy(cal, measure, due, -(1 - passedFraction) * allowed);
  const byDaysLeft = workingDaysLeft === null ? null : advanceBy(cal, 'working_time', due, -workingDaysLeft * DAY_MS);
  // "Less than one working day left" only counts for a stage longer than that, else a 2-hour
  // hazard stage would turn blue the moment it starts.
  const leadApplies = byDaysLeft !== null && byDaysLeft.getTime() > effectiveStart.getTime();
  const blueAt = earliest([byFraction, leadApplies ? byDaysLeft : null]);
  const yellow = new Date(instantMs(due) + Math.max(0, rules.yellow.overdueMs));
  const { overdueFraction, overdueWorkingDays } = rules.red;
  const redAt = earliest([
    overdueFraction === null ? null : advanceBy(cal, measure, due, overdueFraction * allowed),
    overdueWorkingDays === null ? null : advanceBy(cal, 'working_time', due, overdueWorkingDays * DAY_MS),
  ]);
  return {
    blue: blueAt && (blueAt.getTime() > yellow.getTime() ? yellow : blueAt),
    yellow,
    red: redAt && (redAt.getTime() < yellow.getTime() ? yellow : redAt),
  };
}

/** Colours due at `now` and not yet issued, least severe first; none while suspended (due null). */
export function cardsDue(
  stage: CardStage,
  cal: Calendar,
  rules: CardRules,
  now: Date,
  alreadyIssued: Iterable<CardColour>,
): CardColour[] {
  const { due } = stage;
  if (due === null) return [];
  const issued = new Set(alreadyIssued);
  const at = cardInstants({ ...stage, due }, cal, rules);
  return CARD_COLOURS.filter((c) => !issued.has(c) && at[c] !== null && at[c].getTime() <= instantMs(now));
}

/** The earliest instant of a colour not yet issued: the value of the sweeper's indexed column; null = nothing pending. */
export function nextCardAt(
  stage: CardStage,
  cal: Calendar,
  rules: CardRules,
  alreadyIssued: Iterable<CardColour>,
): Date | null {
  const { due } = stage;
  if (due === null) return null;
  const issued = new Set(alreadyIssued);
  const at = cardInstants({ ...stage, due }, cal, rules);
  return earliest(CARD_COLOURS.filter((c) => !issued.has(c)).map((c) => at[c]));
}
