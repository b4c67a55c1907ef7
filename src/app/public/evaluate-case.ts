import { refreshKpiRollup } from '../kpi/maintain-rollup.js';
import type { Deps } from '../deps.js';
import type { PublicCaseView, PublicEvaluateInput } from '../../contract/public.js';
import { caseActions, reviveState } from '../../core/case/index.js';
import { DomainError, notFound } from '../../core/errors.js';
import { systemScope } from '../../storage/db.js';
import { lockCase } from '../../storage/cases.repo.js';
import { publicCaseById } from '../../storage/public-cases.repo.js';
import { writeAs } from '../context.js';
import { centreActor } from '../cases/case-actor.js';
import { centresAlong, unitsById } from '../cases/centres.js';
import { commitTransition, must } from '../cases/commit-transition.js';
import { loadPolicies } from '../deadlines/track-stages.js';
import type { PublicGuards } from './public-guards.js';
import { findResidentCase } from './resident-lookup.js';
import { publicView } from './public-view.js';
import { publicCtx } from './public-actor.js';

/**
 * A resident rates their resolved case. Residents have no account, so the case's centre records
 * the evaluation for them (`by: 'resident'`), as staff do for a rating given on the hotline; a
 * dissatisfied rating then reopens the case for a redo by its last lead unit, in the same transaction.
 */
export async function evaluateCase(
  deps: Deps,
  guards: PublicGuards,
  ip: string,
  input: PublicEvaluateInput,
  requestId: string | null,
): Promise<PublicCaseView> {
  const row = await findResidentCase(deps, guards, ip, input);
  const seen = reviveState(row.state);
  if (seen.status !== 'resolved')
    throw new DomainError('InvalidTransition', 'only a resolved case can be rated', { status: seen.status });
  const centre = (await unitsById(deps.db, [seen.centre.unitId])).get(seen.centre.unitId);
  if (!centre) throw notFound('unit', seen.centre.unitId);
  const centres = await centresAlong(deps.db, row.region_path);
  const ctx = publicCtx(deps, centre, requestId);
  await writeAs(ctx, 'case.act', 'case.evaluate', `case:${row.id}`, async (trx) => {
    const before = await lockCase(trx, Number(row.id));
    if (!before) throw notFound('case', Number(row.id));
    const now = deps.clock.now();
    const policies = await loadPolicies(trx);
    const acting = centreActor(centre);
    const note = input.comment?.trim() || null;
    const evaluated = must(
      caseActions.evaluate(
        before,
        acting,
        { expectedVersion: before.version, rating: input.rating, by: 'resident', note },
        now,
      ),
    );
    let state = await commitTransition(trx, before, evaluated, centres, now, policies);
    if (input.rating === 'dissatisfied') {
      const reopened = must(
        caseActions.reopen(
          state,
          acting,
          { expectedVersion: state.version, reason: 'dissatisfied', note: '群众评价不满意，重新办理' },
          now,
        ),
      );
      state = await commitTransition(trx, state, reopened, centres, now, policies);
    }
    await refreshKpiRollup(trx, [before.id], policies.calendar);
    return {
      value: null,
      details: { rating: input.rating, by: 'resident', status: state.status },
      regionPath: before.regionPath,
    };
  });
  return deps.db.tx(systemScope, async (trx) =>
    publicView(trx, await publicCaseById(trx, Number(row.id)), deps.clock.now()),
  );
}
