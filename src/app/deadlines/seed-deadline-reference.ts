import type { Tx } from '../../storage/db.js';
import { DEFAULT_CARD_RULES } from '../../core/deadline/cards.js';
import { DEFAULT_BACKLOG_RULES } from '../../core/deadline/backlog.js';
import { DEFAULT_POLICY_TABLE } from '../../core/deadline/default-policies.js';
import {
  hasPolicies,
  readCalendarDays,
  replacePolicies,
  upsertCalendarDays,
  writeCardRules,
} from '../../storage/deadline-reference.repo.js';
import { recountYear } from './recount-stages.js';
import { calendarRowsFromChineseDays } from '../../storage/seed/calendar-from-chinese-days.js';

/**
 * The calendar from chinese-days (only dates never set: administrators' edits are kept), and the
 * default policies and card rules when none are stored yet (so an administrator's deletions stay
 * deleted). A year the seed brings for the first time (a newer chinese-days) recounts the running
 * stages that were counted into it, as an administrator's entry would. Safe to run again.
 */
export async function seedDeadlineReference(trx: Tx, at: Date = new Date()): Promise<void> {
  // `at` stamps updated_at of reference rows and the recount's events; no deadline depends on it.
  const yearOf = (d: { date: string }) => Number(d.date.slice(0, 4));
  const before = new Set((await readCalendarDays(trx)).map(yearOf));
  const rows = calendarRowsFromChineseDays().map((d) => ({ ...d, source: 'chinese-days' as const }));
  await upsertCalendarDays(trx, rows, at);
  // A fresh install has no stages, so this reads nothing then.
  if (before.size > 0)
    for (const year of new Set(rows.map(yearOf).filter((y) => !before.has(y))))
      await recountYear(trx, { userId: 0, unitId: 0 }, year, at);
  if (!(await hasPolicies(trx))) await replacePolicies(trx, '', DEFAULT_POLICY_TABLE, at);
  await writeCardRules(trx, '', { cards: DEFAULT_CARD_RULES, backlog: DEFAULT_BACKLOG_RULES }, at, true);
}
