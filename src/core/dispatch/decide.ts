import { explain } from './explain.js';
import { firstMatch } from './match.js';
import { attemptsFor, resolveUnit } from './resolve.js';
import type { DispatchDecision, DispatchInput } from './types.js';

/**
 * Decides where a case goes: the first enabled rule that matches its facts names a unit type at a
 * level of the case's region path; if none is there the rule's fallback is followed, then the county
 * service centre (the final stop), then the nearest service centre above it. Pure: the same input
 * always gives the same decision, explained in zh-CN and en.
 */
export function decide(input: DispatchInput): DispatchDecision {
  const casePath = input.path.map((r) => `${r.code}/`).join('');
  const rule = firstMatch(input.rules, input.facts, casePath);
  const { unit, steps } = resolveUnit(attemptsFor(rule), input.path, input.units);
  const via = unit ? steps[steps.length - 1]!.via : 'none';
  const explanation = explain({ rule, steps, unit, via }, input.typeNames);
  return { unit, rule: rule && { id: rule.id, position: rule.position, name: rule.name }, via, steps, explanation };
}
