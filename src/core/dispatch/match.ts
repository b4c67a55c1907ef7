import type { DispatchFacts, DispatchRule } from './types.js';

/**
 * Whether a rule's conditions hold for a case. A null condition matches anything; the category
 * matches its subtree by path, so a rule for 'labour/' takes 'labour/labour_wage_arrears/' too
 * (paths end in '/', so 'labour/' never matches a sibling 'labour_x/').
 */
export function ruleMatches(rule: DispatchRule, facts: DispatchFacts): boolean {
  return (
    (rule.kind === null || rule.kind === facts.kind) &&
    (rule.category === null || facts.categoryPath.startsWith(rule.category.path)) &&
    (rule.complexity === null || rule.complexity === facts.complexity) &&
    (rule.channel === null || rule.channel === facts.channel) &&
    (rule.crossRegion === null || rule.crossRegion === facts.crossRegion)
  );
}

/**
 * Rules in the order they are tried: the nearest jurisdiction's first (a county's rules before the
 * province's before the top's, see region/nearest.ts), then by position, ties by id, so the order
 * never depends on input order.
 */
export function orderRules(rules: readonly DispatchRule[]): DispatchRule[] {
  const depth = (r: DispatchRule) => (r.regionPath ?? '').length;
  return [...rules].sort((a, b) => depth(b) - depth(a) || a.position - b.position || a.id - b.id);
}

/**
 * The first enabled rule that matches, or null. With the case's region path, only the rules set at
 * that path or above it take part: a sibling county's rules never route this county's cases.
 */
export function firstMatch(rules: readonly DispatchRule[], facts: DispatchFacts, casePath = ''): DispatchRule | null {
  const applies = (r: DispatchRule) => casePath.startsWith(r.regionPath ?? '');
  return orderRules(rules).find((r) => r.enabled && applies(r) && ruleMatches(r, facts)) ?? null;
}
