import type { Ctx } from '../context.js';
import { readAs, writeAs } from '../context.js';
import type { ActionBodies, CaseActionName, CaseDetail } from '../../contract/cases.js';
import { perform, type ActionInputs } from '../../core/case/index.js';
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
export async function actOnCase<K extends CaseActionName>(
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
    if (action === 'merge' && !(await caseExists(trx, (body as ActionBodies['merge']).into))) {
      throw notFound('case', (body as ActionBodies['merge']).into);
    }
    const input = coreInput(action, body, units, centres, before.centre.unitLevel);
    const now = ctx.deps.clock.now();
    const transition = must(perform(action, before, caseActor(ctx.actor), input, now));
    const after = await commitTransition(trx, before, transition, centres, now, await loadPolicies(trx));
    if (action === 'merge') {
      const into = (body as ActionBodies['merge']).into;
      await insertCaseLinks(trx, caseId, before.regionPath, [{ relatedId: into, kind: 'merged', score: null }], now);
    }
    return {
      value: await caseDetail(trx, ctx, caseId),
      details: { fromVersion: before.version, toVersion: after.version, status: after.status },
      regionPath: before.regionPath,
    };
  });
}

function unitIdsIn(body: unknown): number[] {
  const b = body as { unitId?: number; coUnits?: { unitId: number }[] };
  return [...(b.unitId ? [b.unitId] : []), ...(b.coUnits ?? []).map((c) => c.unitId)];
}

/**
 * The named units that can take the case: enabled and at or above its region. The others are left
 * out before anything is decided, so a unit of another branch, a disabled one and an id never issued
 * meet one answer (the organisation chart is read with the system's scope and must not leak).
 */
function onCasePath(units: Map<number, UnitInfo>, caseRegionPath: string): Map<number, UnitInfo> {
  return new Map([...units].filter(([, u]) => caseRegionPath.startsWith(u.regionPath)));
}

const unit = (units: Map<number, UnitInfo>, id: number, field = 'unitId'): UnitRef => {
  const u = units.get(id);
  if (!u)
    throw new DomainError('ValidationFailed', `unit ${id} does not exist or does not serve this case's region`, {
      field,
    });
  return toRef(u);
};

/** Turns the HTTP body (unit ids) into the core's input (unit references); escalation targets the parent level's centre. */
function coreInput<K extends CaseActionName>(
  action: K,
  body: ActionBodies[K],
  units: Map<number, UnitInfo>,
  centres: Map<number, UnitInfo>,
  centreLevel: number,
): ActionInputs[K] {
  const b = body as Record<string, unknown> & { expectedVersion: number };
  switch (action) {
    case 'dispatch':
    case 'redispatch':
      return {
        expectedVersion: b.expectedVersion,
        unit: unit(units, b.unitId as number),
        task: (b.task as string | null | undefined) ?? null,
        explanation: null,
      } as unknown as ActionInputs[K];
    case 'transfer':
      return {
        expectedVersion: b.expectedVersion,
        to: unit(units, b.unitId as number),
        note: b.note as string,
        task: (b.task as string | null | undefined) ?? null,
      } as unknown as ActionInputs[K];
    case 'request_joint':
      return {
        expectedVersion: b.expectedVersion,
        leadTask: (b.leadTask as string | null | undefined) ?? null,
        coUnits: (b.coUnits as { unitId: number; task: string }[]).map((c) => ({
          unit: unit(units, c.unitId, 'coUnits'),
          task: c.task,
        })),
      } as unknown as ActionInputs[K];
    case 'escalate': {
      const to = centres.get(centreLevel - 1);
      if (!to) throw new DomainError('Unprocessable', 'the parent level has no service centre to escalate to');
      return {
        expectedVersion: b.expectedVersion,
        to: toRef(to),
        task: (b.task as string | null | undefined) ?? null,
      } as unknown as ActionInputs[K];
    }
    default:
      return body as unknown as unknown as ActionInputs[K];
  }
}
