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
import { presentRule } from './present.js';

/** The rules in the order they are tried (tens of rows: not paged). */
export async function listDispatchRules(ctx: Ctx): Promise<DispatchRule[]> {
  return readAs(ctx, 'dispatch_rule.read', 'dispatch_rules', async (trx) => (await listRuleRows(trx)).map(presentRule));
}

/** Adds a rule at the given place in the order (last by default); the rules after it move down. */
export async function createDispatchRule(ctx: Ctx, input: CreateDispatchRuleInput): Promise<DispatchRule> {
  return writeAs(ctx, 'dispatch_rule.write', 'dispatch_rule.create', 'dispatch_rules', async (trx) => {
    await lockDispatchRules(trx);
    await checkReferences(trx, input);
    const rules = await listRuleRows(trx);
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
      position: rules.length + 1,
      at: ctx.deps.clock.now(),
    });
    await writeRuleOrder(trx, placeAt([...rules, { id, position: rules.length + 1 }], id, input.position));
    return { value: await present(trx, id), target: `dispatch_rule:${id}`, details: { ...input } };
  });
}

/** Changes a rule's conditions, target, fallback or name, enables or disables it, or moves it in the order. */
export async function updateDispatchRule(ctx: Ctx, id: number, input: UpdateDispatchRuleInput): Promise<DispatchRule> {
  return writeAs(ctx, 'dispatch_rule.write', 'dispatch_rule.update', `dispatch_rule:${id}`, async (trx) => {
    await lockDispatchRules(trx);
    const before = await getDispatchRule(trx, id);
    if (!before) throw notFound('dispatch rule', id);
    await checkReferences(trx, input);
    const { position, targetLevel, ...fields } = input;
    await updateRuleRow(trx, id, {
      ...fields,
      targetLevel: targetLevel as RegionLevel | undefined,
      at: ctx.deps.clock.now(),
    });
    if (position !== undefined) await writeRuleOrder(trx, placeAt(await listRuleRows(trx), id, position));
    return { value: await present(trx, id), details: { changed: input, before: presentRule(before) } };
  });
}

/** Removes a rule; the ones after it move up. Decisions already on cases keep their explanation text. */
export async function deleteDispatchRule(ctx: Ctx, id: number): Promise<void> {
  return writeAs(ctx, 'dispatch_rule.write', 'dispatch_rule.delete', `dispatch_rule:${id}`, async (trx) => {
    await lockDispatchRules(trx);
    const before = await getDispatchRule(trx, id);
    if (!before || !(await deleteRuleRow(trx, id))) throw notFound('dispatch rule', id);
    await writeRuleOrder(trx, await listRuleRows(trx));
    return { value: undefined, details: { deleted: presentRule(before) } };
  });
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

async function present(trx: Tx, id: number): Promise<DispatchRule> {
  const rule: StoredDispatchRule | undefined = await getDispatchRule(trx, id);
  if (!rule) throw notFound('dispatch rule', id);
  return presentRule(rule);
}
