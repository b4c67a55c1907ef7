import { notFound } from '../../core/errors.js';
import { appendAudit } from '../../storage/audit.repo.js';
import { systemScope } from '../../storage/db.js';
import { caseIdsInSubtree, clearRollup, countCasesInSubtree } from '../../storage/kpi-rollup.repo.js';
import { regionByCode } from '../../storage/region-tree.repo.js';
import { loadPolicies } from '../deadlines/load-policies.js';
import type { Deps } from '../deps.js';
import { refreshKpiRollup } from './maintain-rollup.js';

export type RebuildOptions = {
  /** A region whose subtree is rebuilt; everything when absent. */
  regionCode?: string;
  /** Cases per transaction. */
  batchSize?: number;
  onProgress?: (p: { done: number; total: number }) => void;
};

/**
 * `civicgrid kpi rebuild`: forgets the rollup of the subtree and recomputes it from the event log, the
 * stage clocks, cards and extension requests, a batch of cases per transaction, through the same
 * refresh the use cases call. Safe beside running servers: a case changed during the rebuild refreshes
 * against what it contributes at that moment (nothing, until its batch comes), so nothing is counted
 * twice; figures read while it runs are missing the cases not yet rebuilt.
 */
export async function rebuildKpiRollup(deps: Deps, opts: RebuildOptions = {}): Promise<{ cases: number }> {
  const path = opts.regionCode
    ? (await deps.db.tx(systemScope, (trx) => regionByCode(trx, opts.regionCode!)))?.path
    : '';
  if (path === undefined) throw notFound('region', opts.regionCode!);
  const total = await deps.db.tx(systemScope, async (trx) => {
    await clearRollup(trx, path);
    return countCasesInSubtree(trx, path);
  });
  let after = 0;
  let done = 0;
  opts.onProgress?.({ done, total });
  for (;;) {
    const ids = await deps.db.tx(systemScope, async (trx) => {
      const page = await caseIdsInSubtree(trx, path, after, opts.batchSize ?? 500);
      if (page.length > 0) await refreshKpiRollup(trx, page, (await loadPolicies(trx)).calendar);
      return page;
    });
    if (ids.length === 0) break;
    after = ids.at(-1)!;
    done += ids.length;
    opts.onProgress?.({ done, total: Math.max(total, done) });
  }
  await deps.db.tx(systemScope, (trx) =>
    appendAudit(trx, {
      at: deps.clock.now(),
      actorId: null,
      actorName: 'system:operator',
      action: 'kpi.rebuild',
      target: opts.regionCode ? `region:${opts.regionCode}` : 'kpi',
      outcome: 'ok',
      requestId: null,
      details: { cases: done },
      regionPath: path || null,
    }),
  );
  return { cases: done };
}
