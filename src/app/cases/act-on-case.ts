import type { Ctx } from '../context.js';
import { refreshKpiRollup } from '../kpi/maintain-rollup.js';
import { readAs, writeAs } from '../context.js';
import type { ActionBodies, CaseDetail } from '../../contract/cases.js';
import { perform, type ActionInputs, type ActionName } from '../../core/case/index.js';
import { DomainError, notFound } from '../../core/errors.js';
import { caseExists, caseRegionPath, lockCase } from '../../storage/cases.repo.js';
import { insertCaseLinks } from '../../storage/case-links.repo.js';
import type { UnitInfo } from '../../storage/unit-refs.repo.js';
import { caseActor, toRef } from './case-actor.js';
import { centresAlong, unitsById } from './centres.js';
import { commitTransition, must } from './commit-transition.js';
import { loadPolicies } from '../deadlines/track-stages.js';
import { caseDetail } from './case-detail.js';
import type { UnitRef } from '../../core/case/index.js';

/**
 * Carries out one lifecycle action on a case: the core decides, this stores the new state, its
 * assignments, its events and the audit record in one transaction under the case's row lock.
 * A stale expectedVersion answers StaleVersion (409) and changes nothing.
 */
export async function actOnCase<K extends ActionName>(
  ctx: Ctx,
  caseId: number,
  action: K,
  body: ActionBodies[K],
): Promise<CaseDetail> {
  const regionPath = await readAs(ctx, 'case.read', `case:${caseId}`, async (trx) => {
    const path = await caseRegionPath(trx, caseId);
    if (path === undefined) throw notFound('case', caseId);
    return path;
  });
  const centres = await centresAlong(ctx.deps.db, regionPath);
  const units = onCasePath(await unitsById(ctx.deps.db, unitIdsIn(body)), regionPath);
  return writeAs(ctx, 'case.act', `case.${action}`, `case:${caseId}`, async (trx) => {
    const before = await lockCase(trx, caseId);
    if (!before) throw notFound('case', caseId);
    const into = mergeTarget(body);
    if (into !== null && !(await caseExists(trx, into))) throw notFound('case', into);
    const input = coreInput(action, body, units, centres, before.centre.unitLevel);
    const now = ctx.deps.clock.now();
    const transition = must(perform(action, before, caseActor(ctx.actor), input, now));
    const policies = await loadPolicies(trx);
    const after = await commitTransition(trx, before, transition, centres, now, policies);
    if (into !== null) {
      await insertCaseLinks(trx, caseId, before.regionPath, [{ relatedId: into, kind: 'merged', score: null }], now);
    }
    await refreshKpiRollup(trx, [caseId], policies.calendar);
    return {
      value: await caseDetail(trx, ctx, caseId),
      details: { fromVersion: before.version, toVersion: after.version, status: after.status },
      regionPath: before.regionPath,
    };
  });
}

/** The units a body names by id: the target of dispatch, transfer or co-task closing, and joint handling's co-units. */
function unitIdsIn(body: ActionBodies[ActionName]): number[] {
  return [...('unitId' in body ? [body.unitId] : []), ...('coUnits' in body ? body.coUnits.map((c) => c.unitId) : [])];
}

/** The case a merge folds this one into (only the merge body has `into`); null for every other action. */
const mergeTarget = (body: ActionBodies[ActionName]): number | null => ('into' in body ? body.into : null);

/**
 * The named units that can take the case: enabled and at or above its region. The others are left
 * out before anything is decided, so a unit of another branch, a disabled one and an id never issued
 * meet one answer (the organisation chart is read with the system's scope and must not leak).
 */
function onCasePath(units: Map<number, UnitInfo>, caseRegionPath: string): Map<number, UnitInfo> {
  return new Map([...units].filter(([, u]) => caseRegionPath.startsWith(u.regionPath)));
}

/** What turning a body into the core's input needs: unit references by id, and the parent level's centre. */
type Refs = { unit(id: number, field?: string): UnitRef; parentCentre(): UnitRef };

/** Bodies that already are the core's input (the compiler checks each is assignable). */
const asIs = <B extends { expectedVersion: number }>(body: B) => body;
/** Dispatch and re-dispatch: the chosen unit and its task. */
const toUnit = (b: ActionBodies['dispatch'], r: Refs): ActionInputs['dispatch'] => ({
  expectedVersion: b.expectedVersion,
  unit: r.unit(b.unitId),
  task: b.task ?? null,
  explanation: null,
});

/** Each action's HTTP body (unit ids) as the core's input (unit references); escalation targets the parent level's centre. */
const toCoreInput: { [K in ActionName]: (body: ActionBodies[K], refs: Refs) => ActionInputs[K] } = {
  dispatch: toUnit,
  redispatch: toUnit,
  transfer: (b, r) => ({
    expectedVersion: b.expectedVersion,
    to: r.unit(b.unitId),
    note: b.note,
    task: b.task ?? null,
  }),
  request_joint: (b, r) => ({
    expectedVersion: b.expectedVersion,
    leadTask: b.leadTask ?? null,
    coUnits: b.coUnits.map((c) => ({ unit: r.unit(c.unitId, 'coUnits'), task: c.task })),
  }),
  escalate: (b, r) => ({ expectedVersion: b.expectedVersion, to: r.parentCentre(), task: b.task ?? null }),
  sign: asIs,
  start_handling: asIs,
  sign_co_task: asIs,
  reply_co_task: asIs,
  close_co_task: asIs,
  send_back: asIs,
  suspend: asIs,
  resume: asIs,
  resolve: asIs,
  evaluate: asIs,
  reopen: asIs,
  close: asIs,
  merge: asIs,
};

function coreInput<K extends ActionName>(
  action: K,
  body: ActionBodies[K],
  units: Map<number, UnitInfo>,
  centres: Map<number, UnitInfo>,
  centreLevel: number,
): ActionInputs[K] {
  const refs: Refs = {
    unit: (id, field = 'unitId') => {
      const u = units.get(id);
      if (!u)
        throw new DomainError('ValidationFailed', `unit ${id} does not exist or does not serve this case's region`, {
          field,
        });
      return toRef(u);
    },
    parentCentre: () => {
      const to = centres.get(centreLevel - 1);
      if (!to) throw new DomainError('Unprocessable', 'the parent level has no service centre to escalate to');
      return toRef(to);
    },
  };
  return toCoreInput[action](body, refs);
}
