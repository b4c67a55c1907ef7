import type { Calendar } from '../../core/deadline/calendar.js';
import { workingMsBetween } from '../../core/deadline/working-time.js';
import { caseFacts } from '../../core/kpi/case-facts.js';
import { caseRollup, END_OF_TIME, rollupKeyOf } from '../../core/kpi/rollup.js';
import type { Tx } from '../../storage/db.js';
import { type CaseRollup, lockCaseRollups, storeCaseRollups } from '../../storage/kpi-rollup.repo.js';
import { kpiSourceOfCases } from '../../storage/kpi.repo.js';

/**
 * Brings the rollup in line with the cases' current events, stage clocks, cards and extension requests,
 * in the caller's transaction: every use case that changes one of them calls this before it commits, so
 * the rollup never differs from the cases it sums. Each case's rows come from the core's `caseRollup`.
 * Call it once per transaction, after the transaction's own changes: it takes the cases' rollup locks,
 * and reading after them is what makes concurrent changes to one case add up (kpi-rollup.repo.ts).
 */
export async function refreshKpiRollup(trx: Tx, caseIds: readonly number[], calendar: Calendar): Promise<void> {
  const ids = [...new Set(caseIds)].sort((a, b) => a - b);
  if (ids.length === 0) return;
  await lockCaseRollups(trx, ids);
  const source = await kpiSourceOfCases(trx, ids, END_OF_TIME);
  const byCase = <T extends { caseId: number }>(xs: readonly T[]) => {
    const m = new Map<number, T[]>();
    for (const x of xs) {
      if (!m.has(x.caseId)) m.set(x.caseId, []);
      m.get(x.caseId)!.push(x);
    }
    return m;
  };
  const stages = byCase(source.stages);
  const cards = byCase(source.cards);
  const extensions = byCase(source.extensions);
  const workingMs = (a: Date, b: Date) => workingMsBetween(calendar, a, b);
  const out: CaseRollup[] = [];
  for (const h of source.histories) {
    const facts = caseFacts(h.events, h.repeatOf);
    const id = facts.caseId;
    const cells = caseRollup(
      { facts, stages: stages.get(id) ?? [], cards: cards.get(id) ?? [], extensions: extensions.get(id) ?? [] },
      workingMs,
    );
    out.push({ caseId: id, key: rollupKeyOf(facts), cells });
  }
  await storeCaseRollups(trx, out);
}
