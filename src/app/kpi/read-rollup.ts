import { cstDayOfMs } from '../../core/deadline/cst.js';
import type { KpiDefinition } from '../../core/kpi/definitions.js';
import type { Figure } from '../../core/kpi/inputs.js';
import type { Period } from '../../core/kpi/period.js';
import { figureFromRollup } from '../../core/kpi/rollup.js';
import type { KpiQuery } from '../../contract/kpi.js';
import type { DaySpan, RollupFilter, Sums } from '../../storage/kpi-rollup.repo.js';

/** A period of whole CST days as the rollup's day numbers. */
export const daySpan = (p: Period): DaySpan => ({ a: cstDayOfMs(p.from.getTime()), b: cstDayOfMs(p.to.getTime()) });

/** The query's case filters, which the rollup keeps as dimensions. */
export const rollupFilter = (q: KpiQuery): RollupFilter => ({
  kind: q.kind,
  channel: q.channel,
  complexity: q.complexity,
  categoryCode: q.categoryCode,
  unit: q.unit,
});

/** A figure from the rollup's sums (none: an empty figure). */
export const figureOfSums = (def: KpiDefinition, p: Period, s: Sums | undefined): Figure =>
  figureFromRollup(def, p, s?.numerator ?? 0, s?.denominator ?? 0);
