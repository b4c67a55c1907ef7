/**
 * Petition backlog colours (信访积案 红黄绿) for the backlog board and the assessment figures.
 * An open petition is a backlog case once it is older than the first threshold; older ones turn
 * yellow, then red; a case marked difficult (疑难) is raised by `difficultRaise` colours (and a
 * young difficult case enters the board). Defaults are house defaults: 90 days is the 60-day
 * handling limit plus the 30-day maximum extension of 信访工作条例; 180 and 365 are half a year
 * and a year. Administrators set their own.
 */
import { DomainError } from '../errors.js';
import { MAX_BACKLOG_DAYS, MAX_DIFFICULT_RAISE } from './bounds.js';
import { cstDayOfMs, instantMs } from './cst.js';

import type { BacklogColour } from './vocabulary.js';

export { BACKLOG_COLOURS, type BacklogColour } from './vocabulary.js';

/** Age thresholds in calendar days (ascending) and how far a difficult case is raised. */
export type BacklogRules = {
  readonly greenFromDays: number;
  readonly yellowFromDays: number;
  readonly redFromDays: number;
  readonly difficultRaise: number;
};

/** The default backlog thresholds. */
export const DEFAULT_BACKLOG_RULES: BacklogRules = Object.freeze({
  greenFromDays: 90,
  yellowFromDays: 180,
  redFromDays: 365,
  difficultRaise: 1,
});

const COLOURS: readonly BacklogColour[] = ['green', 'yellow', 'red'];

/** An open petition as the backlog board sees it. */
export type OpenPetition = { readonly receivedAt: Date; readonly difficult: boolean };

/** Age of a case in whole CST calendar days on `now` (the day it was received is day 0). */
export function ageInDays(receivedAt: Date, now: Date): number {
  return cstDayOfMs(instantMs(now)) - cstDayOfMs(instantMs(receivedAt));
}

/** Checks thresholds (whole days in [0, MAX_BACKLOG_DAYS], ascending) and the raise; returns them or throws ValidationFailed. */
export function validateBacklogRules(rules: BacklogRules): BacklogRules {
  const { greenFromDays: g, yellowFromDays: y, redFromDays: r, difficultRaise } = rules;
  const day = (n: number) => Number.isInteger(n) && n >= 0 && n <= MAX_BACKLOG_DAYS;
  const raiseOk = Number.isInteger(difficultRaise) && difficultRaise >= 0 && difficultRaise <= MAX_DIFFICULT_RAISE;
  if (!(day(g) && day(y) && day(r) && g <= y && y <= r) || !raiseOk) {
    throw new DomainError(
      'ValidationFailed',
      `backlog thresholds must be whole days up to ${MAX_BACKLOG_DAYS}, ascending, and the raise 0–${MAX_DIFFICULT_RAISE}`,
      { ...rules },
    );
  }
  return rules;
}

/** The backlog colour of an open petition at `now`, or null when it is not (yet) a backlog case. */
export function backlogColour(
  petition: OpenPetition,
  now: Date,
  rules: BacklogRules = DEFAULT_BACKLOG_RULES,
): BacklogColour | null {
  const { greenFromDays: g, yellowFromDays: y, redFromDays: r, difficultRaise } = validateBacklogRules(rules);
  const age = ageInDays(petition.receivedAt, now);
  let level = age >= r ? 2 : age >= y ? 1 : age >= g ? 0 : -1;
  if (petition.difficult) level += difficultRaise;
  return level < 0 ? null : COLOURS[Math.min(level, 2)]!;
}
