import type { Ctx } from '../context.js';
import { readAs, writeAs } from '../context.js';
import type { CreateDispatchRuleInput, DispatchRule, UpdateDispatchRuleInput } from '../../contract/dispatch.js';
import type { RegionLevel } from '../../core/region/levels.js';
import { DomainError, notFound } from '../../core/errors.js';
import type { Tx } from '../../storage/db.js';
import { getCategory } from '../../storage/categories.repo.js';
import { listUnitTypes } from '../../storage/units.repo.js';
import {
  deleteDispatchRule as deleteRuleRow,
  getDispatchRule,
  insertDispatchRule,
  listDispatchRules as listRuleRows,
  lockDispatchRules,
  updateDispatchRule as updateRuleRow,
  writeRuleOrder,
  type StoredDispatchRule,
} from '../../storage/dispatch-rules.repo.js';
import { applyingTo, configPathOf, requireOwn } from '../config/jurisdiction.js';
import { presentRule } from './present.js';

/**
 * The rules that apply to the caller in the order they are tried: their jurisdiction's own, then
 * each jurisdiction's above (marked inherited), each by position (tens of rows: not paged).
 */
export async function listDispatchRules(ctx: Ctx): Promise<DispatchRule[]> {
  return readAs(ctx, 'dispatch_rule.read', 'dispatch_rules', async (trx) =>
    (await applyingTo(trx, ctx.actor, await listRuleRows(trx))).map(presentRule),
  );
}

/** Adds a rule of the caller's own jurisdiction at a place in its order (last by default); the ones after it move down. */
export async function createDispatchRule(ctx: Ctx, input: CreateDispatchRuleInput): Promise<DispatchRule> {
  const own = configPathOf(ctx.actor);
  return writeAs(ctx, 'dispatch_rule.write', 'dispatch_rule.create', 'dispatch_rules', async (trx) => {
    await lockDispatchRules(trx);
    await checkReferences(trx, input);
    const rules = await listRuleRows(trx, own);
    const id = await insertDispatchRule(trx, {
      name: input.name,
      kind: input.kind ?? null,
      categoryCode: input.categoryCode ?? null,
      complexity: input.complexity ?? null,
      channel: input.channel ?? null,
      crossRegion: input.crossRegion ?? null,
      targetUnitType: input.targetUnitType,
      targetLevel: input.targetLevel as RegionLevel,
      fallback: input.fallback,
      enabled: input.enabled,
      regionPath: own,
      position: rules.length + 1,
      at: ctx.deps.clock.now(),
    });
    await writeRuleOrder(trx, placeAt([...rules, { id, position: rules.length + 1 }], id, input.position));
    return {
      value: await present(ctx, trx, id),
      target: `dispatch_rule:${id}`,
      details: { ...input },
      regionPath: own || null,
    };
  });
}

/**
 * Changes a rule of the caller's own jurisdiction: conditions, target, fallback, name, enabled, or
 * its place in that jurisdiction's order. A rule the caller cannot see answers 404; an inherited one 403.
 */
export async function updateDispatchRule(ctx: Ctx, id: number, input: UpdateDispatchRuleInput): Promise<DispatchRule> {
  return writeAs(ctx, 'dispatch_rule.write', 'dispatch_rule.update', `dispatch_rule:${id}`, async (trx) => {
    await lockDispatchRules(trx);
    const before = await ownRule(ctx, trx, id);
    await checkReferences(trx, input);
    const { position, targetLevel, ...fields } = input;
    await updateRuleRow(trx, id, {
      ...fields,
      targetLevel: targetLevel as RegionLevel | undefined,
      at: ctx.deps.clock.now(),
    });
    if (position !== undefined)
      await writeRuleOrder(trx, placeAt(await listRuleRows(trx, before.regionPath), id, position));
    return {
      value: await present(ctx, trx, id),
      details: { changed: input, before: presentRule({ ...before, ...ownOrigin }) },
      regionPath: before.regionPath || null,
    };
  });
}

/** Removes a rule of the caller's own jurisdiction; the ones after it move up. Decisions on cases keep their explanation. */
export async function deleteDispatchRule(ctx: Ctx, id: number): Promise<void> {
  return writeAs(ctx, 'dispatch_rule.write', 'dispatch_rule.delete', `dispatch_rule:${id}`, async (trx) => {
    await lockDispatchRules(trx);
    const before = await ownRule(ctx, trx, id);
    if (!(await deleteRuleRow(trx, id))) throw notFound('dispatch rule', id);
    await writeRuleOrder(trx, await listRuleRows(trx, before.regionPath));
    return {
      value: undefined,
      details: { deleted: presentRule({ ...before, ...ownOrigin }) },
      regionPath: before.regionPath || null,
    };
  });
}

const ownOrigin = { regionCode: null, regionName: null, inherited: false };

/** A rule the caller may change: 404 when RLS hides it (another branch's, or none), 403 when another jurisdiction set it. */
async function ownRule(ctx: Ctx, trx: Tx, id: number): Promise<StoredDispatchRule> {
  const rule = await getDispatchRule(trx, id);
  if (!rule) throw notFound('dispatch rule', id);
  requireOwn(ctx, rule.regionPath, `dispatch rule ${id}`);
  return rule;
}

/** The order with one rule moved to a 1-based place (clamped to the list); without a place it stays. */
export function placeAt<T extends { id: number }>(ordered: readonly T[], id: number, position?: number): T[] {
  const moving = ordered.find((r) => r.id === id);
  if (!moving || position === undefined) return [...ordered];
  const rest = ordered.filter((r) => r.id !== id);
  const at = Math.min(Math.max(position, 1), rest.length + 1) - 1;
  return [...rest.slice(0, at), moving, ...rest.slice(at)];
}

/** The category and unit type a rule names must exist: a typo would silently never match. */
async function checkReferences(
  trx: Tx,
  input: { categoryCode?: string | null; targetUnitType?: string },
): Promise<void> {
  if (input.categoryCode && !(await getCategory(trx, input.categoryCode))) {
    throw new DomainError('ValidationFailed', `unknown category ${input.categoryCode}`, { field: 'categoryCode' });
  }
  if (input.targetUnitType !== undefined && !(await listUnitTypes(trx)).some((t) => t.code === input.targetUnitType)) {
    throw new DomainError('ValidationFailed', `unknown unit type ${input.targetUnitType}`, { field: 'targetUnitType' });
  }
}

async function present(ctx: Ctx, trx: Tx, id: number): Promise<DispatchRule> {
  const rule: StoredDispatchRule | undefined = await getDispatchRule(trx, id);
  if (!rule) throw notFound('dispatch rule', id);
  const [shown] = await applyingTo(trx, ctx.actor, [rule]);
  return presentRule(shown ?? { ...rule, ...ownOrigin });
}
