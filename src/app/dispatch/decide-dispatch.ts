import type { Tx } from '../../storage/db.js';
import type { CaseKind, Channel, Complexity } from '../../core/case/types.js';
import { decide, type DispatchDecision } from '../../core/dispatch/index.js';
import { DomainError, notFound } from '../../core/errors.js';
import { getCategory } from '../../storage/categories.repo.js';
import { listDispatchRules } from '../../storage/dispatch-rules.repo.js';
import { regionsOnPath, unitTypeLabels, unitsAtRegions } from '../../storage/dispatch-routing.repo.js';

/** What automatic dispatch needs to know about a (real or hypothetical) case. */
export type CaseFacts = {
  kind: CaseKind;
  categoryCode: string;
  complexity: Complexity;
  channel: Channel;
  regionCode: string;
  /** The matter spans several regions (跨区域); false when not said. */
  crossRegion?: boolean;
};

/**
 * Decides where a case goes by the dispatch rules, with the explanation in zh-CN and en. Reads the
 * rules, the category's path, the regions of the case's path and the units on them in the given
 * transaction: units are under row-level security, so the caller picks a scope that sees the whole
 * path (a county department is outside a village clerk's jurisdiction; intake and the dry-run use
 * the system scope after their own checks). `unit` is null only when no service centre serves the
 * path at all. NotFound for an unknown region, ValidationFailed for an unknown category.
 */
export async function decideDispatch(trx: Tx, facts: CaseFacts): Promise<DispatchDecision> {
  const category = await getCategory(trx, facts.categoryCode);
  if (!category)
    throw new DomainError('ValidationFailed', `unknown category ${facts.categoryCode}`, { field: 'categoryCode' });
  const path = await regionsOnPath(trx, facts.regionCode);
  if (!path) throw notFound('region', facts.regionCode);
  const [rules, units, typeNames] = [
    await listDispatchRules(trx),
    await unitsAtRegions(
      trx,
      path.map((r) => r.code),
    ),
    await unitTypeLabels(trx),
  ];
  return decide({
    facts: {
      kind: facts.kind,
      categoryPath: category.path,
      complexity: facts.complexity,
      channel: facts.channel,
      crossRegion: facts.crossRegion ?? false,
    },
    path,
    units,
    rules,
    typeNames,
  });
}
