import type { Tx } from '../../storage/db.js';
import { DEFAULT_CARD_RULES } from '../../core/deadline/cards.js';
import { DEFAULT_BACKLOG_RULES } from '../../core/deadline/backlog.js';
import { DEFAULT_POLICY_TABLE } from '../../core/deadline/default-policies.js';
import {
  hasPolicies,
  replacePolicies,
  upsertCalendarDays,
  writeCardRules,
} from '../../storage/deadline-reference.repo.js';
import { calendarRowsFromChineseDays } from '../../storage/seed/calendar-from-chinese-days.js';

/**
 * The calendar from chinese-days (administrators' edits are kept), and the default policies and
 * card rules when none are stored yet (so an administrator's deletions stay deleted). Safe to run again.
 */
export async function seedDeadlineReference(trx: Tx, at: Date = new Date()): Promise<void> {
  // `at` only stamps updated_at of reference rows; no deadline depends on it.
  await upsertCalendarDays(
    trx,
    calendarRowsFromChineseDays().map((d) => ({ ...d, source: 'chinese-days' as const })),
    at,
  );
  if (!(await hasPolicies(trx))) await replacePolicies(trx, DEFAULT_POLICY_TABLE, at);
  await writeCardRules(trx, { cards: DEFAULT_CARD_RULES, backlog: DEFAULT_BACKLOG_RULES }, at, true);
}
