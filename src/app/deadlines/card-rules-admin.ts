import type { Ctx } from '../context.js';
import { readAs, writeAs } from '../context.js';
import type { CardRuleList, CardRules } from '../../contract/deadlines.js';
import { notFound } from '../../core/errors.js';
import { DEFAULT_CARD_RULES, validateCardRules } from '../../core/deadline/cards.js';
import { DEFAULT_BACKLOG_RULES, validateBacklogRules } from '../../core/deadline/backlog.js';
import type { Tx } from '../../storage/db.js';
import { deleteCardRules as deleteRow, readCardRules, writeCardRules } from '../../storage/deadline-reference.repo.js';
import { rearmRunningStagesUnder } from '../../storage/stages.repo.js';
import { applyingTo, configPathOf } from '../config/jurisdiction.js';

/**
 * The card rules and backlog thresholds that apply to the caller, nearest first: the first row is
 * the one in force in their jurisdiction, the others are inherited. Before the seed ran, the core's
 * defaults (as the top's).
 */
export async function getCardRules(ctx: Ctx): Promise<CardRuleList> {
  return readAs(ctx, 'deadline.read', 'card-rules', (trx) => cardRuleList(ctx, trx));
}

async function cardRuleList(ctx: Ctx, trx: Tx): Promise<CardRuleList> {
  const rows = await applyingTo(trx, ctx.actor, await readCardRules(trx));
  const items = rows.map(({ regionPath: _r, updatedAt: _u, ...row }) => row as CardRuleList['items'][number]);
  if (!rows.some((r) => r.regionPath === ''))
    items.push({
      cards: DEFAULT_CARD_RULES,
      backlog: DEFAULT_BACKLOG_RULES,
      regionCode: null,
      regionName: null,
      inherited: configPathOf(ctx.actor) !== '',
    } as CardRuleList['items'][number]);
  return { items };
}

/**
 * Sets the card rules of the caller's own jurisdiction (an override for their subtree, or the top's
 * at a root); audited. Issued cards stay. The running stages of the subtree were armed under the old
 * rules, so they are re-armed to their start in the same transaction: the next sweep claims each
 * once, issues what the new rules say is owed and stores the new next instant (a rare admin act).
 */
export async function putCardRules(ctx: Ctx, input: CardRules): Promise<CardRuleList> {
  validateCardRules(input.cards);
  validateBacklogRules(input.backlog);
  const own = configPathOf(ctx.actor);
  return writeAs(ctx, 'deadline.write', 'card-rules.replace', 'card-rules', async (trx) => {
    await writeCardRules(trx, own, input, ctx.deps.clock.now());
    const rearmed = await rearmRunningStagesUnder(trx, own);
    return {
      value: await cardRuleList(ctx, trx),
      details: { ...(input as unknown as Record<string, unknown>), rearmed },
      regionPath: own || null,
    };
  });
}

/** Removes the caller's own card rules, so their jurisdiction inherits again; re-arms its running stages. 404 when it has none. */
export async function deleteCardRules(ctx: Ctx): Promise<CardRuleList> {
  const own = configPathOf(ctx.actor);
  return writeAs(ctx, 'deadline.write', 'card-rules.delete', 'card-rules', async (trx) => {
    if (!(await deleteRow(trx, own))) throw notFound('card rules of', own || 'the top');
    const rearmed = await rearmRunningStagesUnder(trx, own);
    return { value: await cardRuleList(ctx, trx), details: { rearmed }, regionPath: own || null };
  });
}
