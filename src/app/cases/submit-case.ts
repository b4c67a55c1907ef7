import { randomBytes } from 'node:crypto';
import type { Ctx } from '../context.js';
import { refreshKpiRollup } from '../kpi/maintain-rollup.js';
import { readAs, writeAs } from '../context.js';
import type { CaseDetail, SubmitCaseInput } from '../../contract/cases.js';
import { caseActions, receive } from '../../core/case/index.js';
import { covers } from '../../core/auth/actor.js';
import { DomainError, isDomainError, notFound } from '../../core/errors.js';
import { formatTrackingCode, TRACKING_CODE_BYTES } from '../../core/tracking/tracking-code.js';
import { systemScope, type Tx } from '../../storage/db.js';
import { findByIdempotencyKey, insertCase, nextCaseId } from '../../storage/cases.repo.js';
import { insertParties } from '../../storage/parties.repo.js';
import { getCategory } from '../../storage/categories.repo.js';
import { regionByCode } from '../../storage/region-tree.repo.js';
import type { UnitInfo } from '../../storage/unit-refs.repo.js';
import { decideDispatch } from '../dispatch/decide-dispatch.js';
import { caseActor, centreActor, toRef } from './case-actor.js';
import { centresAlong, unitsById } from './centres.js';
import { commitTransition, must } from './commit-transition.js';
import { loadPolicies } from '../deadlines/track-stages.js';
import { contactHashes, protectParties } from './protect-parties.js';
import { findRelated, saveLinks } from './link-repeats.js';
import { caseDetail } from './case-detail.js';

/** What a channel adds to the intake's transaction (the portal spends its form token there, Open311 stores its token). */
export type IntakeExtras = { inTransaction?: (trx: Tx, caseId: number) => Promise<void> };

/**
 * One-stop intake (一站式接收): registers a case from any channel at its receiving centre and
 * dispatches it at once by the rules, with the explanation on its history. A retry with the same
 * idempotency key returns the first case and creates nothing (phones retry on a bad signal).
 */
export async function submitCase(
  ctx: Ctx,
  input: SubmitCaseInput,
  idempotencyKey: string,
  extras: IntakeExtras = {},
): Promise<CaseDetail> {
  const scope = `user:${ctx.actor.userId}`;
  const existing = await readAs(ctx, 'case.submit', 'cases', (trx) => findByIdempotencyKey(trx, scope, idempotencyKey));
  if (existing) return readAs(ctx, 'case.read', `case:${existing}`, (trx) => caseDetail(trx, ctx, existing));
  const region = await ctx.deps.db.tx(systemScope, (trx) => regionByCode(trx, input.regionCode));
  if (!region || !covers(ctx.actor, region.path)) throw notFound('region', input.regionCode);
  const centres = await centresAlong(ctx.deps.db, region.path);
  const centre = receivingCentre(ctx, centres);
  const decision = await ctx.deps.db.tx(systemScope, (trx) =>
    decideDispatch(trx, { ...input, regionCode: region.code }),
  );
  const target = decision.unit ? (await unitsById(ctx.deps.db, [decision.unit.id])).get(decision.unit.id) : undefined;
  const now = ctx.deps.clock.now();
  const hashes = contactHashes(ctx.deps.crypto, input.parties);
  const related = await findRelated(ctx.deps.db, {
    regionPath: region.path,
    text: `${input.title} ${input.description}`,
    hashes,
    at: now,
  });
  try {
    return await writeAs(ctx, 'case.submit', 'case.submit', `region:${input.regionCode}`, async (trx) => {
      const category = await getCategory(trx, input.categoryCode);
      if (!category || category.disabled)
        throw new DomainError('ValidationFailed', `unknown category ${input.categoryCode}`, { field: 'categoryCode' });
      const id = await nextCaseId(trx);
      const policies = await loadPolicies(trx);
      const received = must(
        receive(
          {
            id,
            kind: input.kind,
            channel: input.channel,
            complexity: input.complexity,
            categoryCode: input.categoryCode,
            regionPath: region.path,
            centre: toRef(centre),
          },
          caseActor(ctx.actor),
          now,
        ),
      );
      const parties = protectParties(ctx.deps.crypto, id, input.parties);
      await insertCase(
        trx,
        {
          id,
          trackingCode: formatTrackingCode(randomBytes(TRACKING_CODE_BYTES)),
          regionCode: region.code,
          title: input.title,
          description: input.description,
          address: input.address ?? null,
          lat: input.point?.lat ?? null,
          lng: input.point?.lng ?? null,
          transferSource: input.transfer?.source ?? null,
          transferRef: input.transfer?.reference ?? null,
          attachments: input.attachments,
          repeatOf: null,
          idempotencyScope: scope,
          idempotencyKey,
          createdBy: ctx.actor.userId > 0 ? ctx.actor.userId : null,
        },
        { ...received.state, version: 0 },
      );
      await commitTransition(trx, { ...received.state, version: 0 }, received, centres, now, policies);
      await insertParties(trx, region.path, now, parties);
      let state = received.state;
      if (target) {
        const explanation = decision.explanation.zh;
        const dispatched = must(
          caseActions.dispatch(
            state,
            centreActor(centre),
            { expectedVersion: state.version, unit: toRef(target), task: null, explanation },
            now,
          ),
        );
        // The core keeps one explanation text; the English one and the rule id ride along in the event's data.
        const events = dispatched.events.map(
          (e) =>
            ({
              ...e,
              data: { ...e.data, explanationEn: decision.explanation.en, ruleId: decision.rule?.id ?? null },
            }) as unknown as typeof e,
        );
        state = await commitTransition(trx, state, { ...dispatched, events }, centres, now, policies);
      }
      await saveLinks(trx, id, region.path, related, now);
      await extras.inTransaction?.(trx, id);
      await refreshKpiRollup(trx, [id], policies.calendar);
      return {
        value: await caseDetail(trx, ctx, id),
        target: `case:${id}`,
        details: {
          caseId: id,
          channel: input.channel,
          dispatchedTo: target?.unitId ?? null,
          repeatOf: related.repeatOf?.id ?? null,
          cluster: related.cluster?.ids.length ?? 0,
        },
        regionPath: region.path,
      };
    });
  } catch (e) {
    // Two retries racing past the check: the loser meets the unique key and answers with the winner.
    if (isUniqueViolation(e)) {
      const id = await ctx.deps.db.tx(systemScope, (trx) => findByIdempotencyKey(trx, scope, idempotencyKey));
      if (id) return readAs(ctx, 'case.read', `case:${id}`, (trx) => caseDetail(trx, ctx, id));
    }
    throw e;
  }
}

/**
 * The centre that receives the case: the submitter's own unit when it is a service centre on the
 * case's path (a township window), otherwise the county centre, the final stop that dispatches.
 */
function receivingCentre(ctx: Ctx, centres: Map<number, UnitInfo>) {
  const own = [...centres.values()].find((c) => c.unitId === ctx.actor.unitId);
  const centre = own ?? centres.get(3) ?? [...centres.values()].sort((a, b) => b.unitLevel - a.unitLevel)[0];
  if (!centre)
    throw new DomainError(
      'Unprocessable',
      'no service centre serves this region yet; an administrator must create one',
    );
  return centre;
}

// Storage translates the unique key's 23505 into AlreadyExists and keeps the SQLSTATE in the details.
const isUniqueViolation = (e: unknown) => isDomainError(e) && e.details?.sqlState === '23505';
