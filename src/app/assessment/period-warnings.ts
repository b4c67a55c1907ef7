import { warningsWithin } from '../../storage/assessment.repo.js';
import { type Ctx, readAs } from '../context.js';

/** The safety-index warnings raised for periods inside `period`, in a region's subtree (the bulletin's 预警). */
export function periodWarnings(ctx: Ctx, regionPath: string, period: { from: string; to: string }) {
  return readAs(ctx, 'kpi.read', `assessment-warnings:${regionPath}`, (trx) =>
    warningsWithin(trx, regionPath, new Date(period.from), new Date(period.to)),
  );
}
export type PeriodWarning = Awaited<ReturnType<typeof periodWarnings>>[number];
