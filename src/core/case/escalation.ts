// Escalation (提级): a case climbs to the service centre of the parent level. By hand a leader may
// escalate; the rule of the four-level linkage makes it due when a case has been sent back or redone
// three times, or passed among units three times with none taking the lead. The county is the final
// stop (终点站, DESIGN.md): it must conclude, so nothing is due, or possible, at county level or above.
import type { CaseState, CaseStatus } from './types.js';

export const ESCALATION_THRESHOLD = 3;
/** Region level of the county: the final stop. */
export const FINAL_LEVEL = 3;

export type EscalationTrigger = 'send_backs' | 'redos' | 'transfers';

/** Statuses from which a case may climb: anything not yet concluded. */
export const ESCALATABLE: readonly CaseStatus[] = ['received', 'dispatched', 'signed', 'in_progress', 'suspended'];

/**
 * The level a case belongs to: its centre's. A case climbs by changing centre, so a county centre that
 * dispatched down to a village still owns the case, and the county concludes it (it does not climb
 * to the township, which would be a descent).
 */
export const currentLevel = (s: CaseState): number => s.centre.unitLevel;

/** The level an escalation must go to (the parent of the centre's), or null at the final stop. */
export const escalationTargetLevel = (s: CaseState): number | null => (canClimb(s) ? currentLevel(s) - 1 : null);

/** True when the case's centre sits below the county and so has a parent level to climb to. */
export function canClimb(s: CaseState): boolean {
  return currentLevel(s) > FINAL_LEVEL;
}

/** Which automatic rule makes escalation due now, or null when none does. */
export function escalationTrigger(s: CaseState): EscalationTrigger | null {
  if (!ESCALATABLE.includes(s.status) || !canClimb(s)) return null;
  if (s.streak.sendBacks >= ESCALATION_THRESHOLD) return 'send_backs';
  if (s.streak.redos >= ESCALATION_THRESHOLD) return 'redos';
  if (s.streak.transfers >= ESCALATION_THRESHOLD) return 'transfers';
  return null;
}

/** True when the case must be escalated before anything else may happen to it (except merging). */
export const escalationDue = (s: CaseState): boolean => escalationTrigger(s) !== null;
