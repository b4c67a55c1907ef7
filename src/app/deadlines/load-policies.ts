import type { Tx } from '../../storage/db.js';
import { makeCalendar, type Calendar } from '../../core/deadline/calendar.js';
import {
  DEFAULT_CARD_RULES,
  nextCardAt,
  validateCardRules,
  type CardColour,
  type CardRules,
} from '../../core/deadline/cards.js';
import type { StageClock } from '../../core/deadline/stage-clock.js';
import { DEFAULT_BACKLOG_RULES, validateBacklogRules, type BacklogRules } from '../../core/deadline/backlog.js';
import { DEFAULT_POLICY_TABLE } from '../../core/deadline/default-policies.js';
import {
  policyProblem,
  resolveNearestPolicy,
  type CaseKind,
  type Complexity,
  type DeadlinePolicy,
  type StageName,
} from '../../core/deadline/policy.js';
import { layersAt, nearestFirst } from '../../core/region/nearest.js';
import {
  readCalendarDays,
  readCardRules,
  readPolicies,
  type StoredCardRules,
  type StoredPolicy,
} from '../../storage/deadline-reference.repo.js';

/** A stored configuration row that cannot be used: the sweep passes over it and reports it. */
export type BadConfigRow = {
  table: 'deadline_policies' | 'card_rules';
  regionPath: string;
  updatedAt: Date;
  problem: string;
};

/**
 * What the deadline use cases need, read once per transaction: the calendar, and the policy and
 * card-rule rows of every jurisdiction the transaction sees (resolved per case region by policyAt
 * and cardRulesAt). Rows that fail the core's checks (written before migration 0012's bounds, or
 * directly in storage) are left out of the lookups and listed in `bad`.
 */
export type LoadedPolicies = {
  calendar: Calendar;
  policies: readonly StoredPolicy[];
  cardRules: readonly StoredCardRules[];
  bad: readonly BadConfigRow[];
};

/** Reads the calendar, the policy rows and the card rules in the caller's transaction. */
export async function loadPolicies(trx: Tx): Promise<LoadedPolicies> {
  const [days, policies, rules] = await Promise.all([readCalendarDays(trx), readPolicies(trx), readCardRules(trx)]);
  const bad: BadConfigRow[] = [];
  const goodPolicies = policies.filter((p) => {
    const problem = policyProblem(p);
    if (problem) bad.push({ table: 'deadline_policies', regionPath: p.regionPath, updatedAt: p.updatedAt, problem });
    return problem === null;
  });
  const goodRules = rules.filter((r) => {
    const problem = cardRulesProblem(r);
    if (problem) bad.push({ table: 'card_rules', regionPath: r.regionPath, updatedAt: r.updatedAt, problem });
    return problem === null;
  });
  return { calendar: makeCalendar(days), policies: goodPolicies, cardRules: goodRules, bad };
}

/**
 * The policy of a stage of a case in a region: the nearest jurisdiction's fitting row, then the
 * core defaults (before the seed ran, or when no row fits), so a stage can always be timed.
 */
export function policyAt(
  p: LoadedPolicies,
  regionPath: string,
  kind: CaseKind,
  complexity: Complexity,
  stage: StageName,
): DeadlinePolicy {
  const layers: DeadlinePolicy[][] = [...layersAt(p.policies, regionPath), [...DEFAULT_POLICY_TABLE]];
  return withoutOrigin(resolveNearestPolicy(layers, kind, complexity, stage));
}

/** The card rules that apply in a region: the nearest jurisdiction's row, else the core defaults. */
export function cardRulesAt(p: LoadedPolicies, regionPath: string): CardRules {
  return nearestFirst(p.cardRules, regionPath)[0]?.cards ?? DEFAULT_CARD_RULES;
}

/** The backlog thresholds that apply in a region (they travel with the card rules). */
export function backlogRulesAt(p: LoadedPolicies, regionPath: string): BacklogRules {
  return nearestFirst(p.cardRules, regionPath)[0]?.backlog ?? DEFAULT_BACKLOG_RULES;
}

/**
 * The next card instant of a stage as stored when it is armed (started, suspended, resumed, extended).
 * When the computation throws (a rule that passed its checks but breaks the arithmetic), the stage is
 * armed at its start instead: the sweep then meets it, skips it and reports it, and the case's own
 * action is not refused for a configuration fault.
 */
export function armedAt(
  p: LoadedPolicies,
  regionPath: string,
  clock: StageClock,
  issued: readonly CardColour[],
): Date | null {
  try {
    return nextCardAt(clock, p.calendar, cardRulesAt(p, regionPath), issued);
  } catch {
    return clock.due === null ? null : clock.start;
  }
}

/** Why a stored row of card rules cannot be used, or null. */
export function cardRulesProblem(r: { cards: CardRules; backlog: BacklogRules }): string | null {
  try {
    validateCardRules(r.cards);
    validateBacklogRules(r.backlog);
    return null;
  } catch (e) {
    return (e as Error).message;
  }
}

/** A stored policy as stages keep it (without where and when it was set). */
function withoutOrigin(p: DeadlinePolicy | StoredPolicy): DeadlinePolicy {
  if (!('regionPath' in p)) return p;
  const { regionPath: _r, updatedAt: _u, ...policy } = p;
  return policy;
}
