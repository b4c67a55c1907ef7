import type { Tx } from '../../storage/db.js';
import { caseActions, type CaseState, type Result, type Transition } from '../../core/case/index.js';
import { DomainError } from '../../core/errors.js';
import { saveTransition } from '../../storage/cases.repo.js';
import type { UnitInfo } from '../../storage/unit-refs.repo.js';
import { trackStages, type LoadedPolicies } from '../deadlines/track-stages.js';
import { centreActor, toRef } from './case-actor.js';

/** Unwraps a core result, or throws its typed error. */
export function must<T>(r: Result<T>): T {
  if (!r.ok) throw r.error;
  return r.value;
}

/**
 * Stores a transition, then carries out an escalation the rules have made due (sent back or redone
 * three times, or passed among three units with no lead): the centre escalates to the service centre
 * of the parent level in the same transaction, so the case never rests in a state that owes one.
 */
export async function commitTransition(
  trx: Tx,
  before: CaseState,
  t: Transition,
  centres: Map<number, UnitInfo>,
  now: Date,
  policies: LoadedPolicies,
): Promise<CaseState> {
  await saveTransition(trx, before, t.state, t.events);
  // Version 0 is the row intake writes before its first transition: the case had no stages yet.
  await trackStages(trx, before.version === 0 ? null : before, t.state, now, policies);
  if (!t.escalationDue) return t.state;
  const centre = centres.get(t.state.centre.unitLevel) ?? {
    ...t.state.centre,
    name: '',
    typeCode: 'service_centre',
    regionCode: '',
  };
  const parent = centres.get(t.state.centre.unitLevel - 1);
  if (!parent) return t.state;
  const r = caseActions.escalate(
    t.state,
    centreActor(centre),
    { expectedVersion: t.state.version, to: toRef(parent), task: null },
    now,
  );
  if (!r.ok) {
    // The county is the final stop: an owed escalation there is reported by the figures, not forced.
    if (r.error.code === 'InvalidTransition') return t.state;
    throw new DomainError(r.error.code, `automatic escalation failed: ${r.error.message}`);
  }
  await saveTransition(trx, t.state, r.value.state, r.value.events);
  await trackStages(trx, t.state, r.value.state, now, policies);
  return r.value.state;
}
