import type { Tx } from '../../storage/db.js';
import { makeCalendar, type Calendar } from '../../core/deadline/calendar.js';
import { DEFAULT_CARD_RULES, type CardRules } from '../../core/deadline/cards.js';
import { DEFAULT_BACKLOG_RULES, type BacklogRules } from '../../core/deadline/backlog.js';
import { DEFAULT_POLICY_TABLE } from '../../core/deadline/default-policies.js';
import type { PolicyTable } from '../../core/deadline/policy.js';
import { readCalendarDays, readCardRules, readPolicies } from '../../storage/deadline-reference.repo.js';

/** What the deadline use cases need, read once per transaction: the calendar, the policy table, the card and backlog rules. */
export type LoadedPolicies = {
  calendar: Calendar;
  policies: PolicyTable;
  cardRules: CardRules;
  backlogRules: BacklogRules;
};

/**
 * Reads the calendar, the policy table and the card rules in the caller's transaction. Before the
 * seed ran (an empty table) the core defaults apply, so a stage can always be timed.
 */
export async function loadPolicies(trx: Tx): Promise<LoadedPolicies> {
  const [days, policies, rules] = await Promise.all([readCalendarDays(trx), readPolicies(trx), readCardRules(trx)]);
  return {
    calendar: makeCalendar(days),
    policies: policies.length ? policies : DEFAULT_POLICY_TABLE,
    cardRules: rules?.cards ?? DEFAULT_CARD_RULES,
    backlogRules: rules?.backlog ?? DEFAULT_BACKLOG_RULES,
  };
}
