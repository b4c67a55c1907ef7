// Period-on-period (环比) and year-on-year (同比) change, and breakdowns by region, unit or dimension.
import type { CaseFacts } from './case-facts.js';
import { computeFigure, type KpiDefinition } from './definitions.js';
import type { Figure, KpiInput } from './inputs.js';
import { type Period, previousPeriod, samePeriodLastYear } from './period.js';

/**
 * A change between two figures: for a rate, the difference in percentage points; for a count or a mean,
 * the relative change. Null when either side has no value or a relative change would divide by zero.
 */
export function changeBetween(def: KpiDefinition, now: Figure, then: Figure): number | null {
  if (now.value === null || then.value === null) return null;
  if (def.kind === 'rate') return (now.value - then.value) * 100;
  return then.value === 0 ? null : (now.value - then.value) / then.value;
}

export type FigureWithChange = {
  figure: Figure;
  previous: Figure;
  lastYear: Figure;
  periodOnPeriod: number | null;
  yearOnYear: number | null;
};

/** The figure for the period with the one before it and the same period a year earlier. */
export function figureWithChange(def: KpiDefinition, input: KpiInput, period: Period): FigureWithChange {
  return withChange(def, comparedPeriods(period), (p) => computeFigure(def, input, p));
}

/** The periods a figure is compared with: itself, the one before (环比), the same a year earlier (同比). */
export const comparedPeriods = (period: Period): [Period, Period, Period] => [
  period,
  previousPeriod(period),
  samePeriodLastYear(period),
];

/** The figure for the periods `comparedPeriods` gives and its changes, however a figure is computed. */
export function withChange(
  def: KpiDefinition,
  periods: [Period, Period, Period],
  figureOf: (p: Period, i: number) => Figure,
): FigureWithChange {
  const [figure, previous, lastYear] = periods.map(figureOf) as [Figure, Figure, Figure];
  return {
    figure,
    previous,
    lastYear,
    periodOnPeriod: changeBetween(def, figure, previous),
    yearOnYear: changeBetween(def, figure, lastYear),
  };
}

export const DIMENSIONS = ['kind', 'channel', 'categoryCode', 'complexity'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/**
 * The figure for each group of cases: by a dimension of the case, or by a key the caller computes (the
 * child region a case's path falls under, for a drill-down from county to townships). Items outside
 * every group (a key of null) are left out; the groups' denominators sum to the whole's when every case
 * has a key.
 */
export function breakdown(
  def: KpiDefinition,
  input: KpiInput,
  period: Period,
  keyOf: Dimension | ((f: CaseFacts) => string | null),
): Map<string, Figure> {
  const key = typeof keyOf === 'function' ? keyOf : (f: CaseFacts) => String(f[keyOf]);
  const groups = new Map<string, Set<number>>();
  for (const f of input.facts) {
    const k = key(f);
    if (k === null) continue;
    if (!groups.has(k)) groups.set(k, new Set());
    groups.get(k)!.add(f.caseId);
  }
  const out = new Map<string, Figure>();
  for (const [k, ids] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
    const only = <T extends { caseId: number }>(xs: readonly T[]) => xs.filter((x) => ids.has(x.caseId));
    out.set(
      k,
      computeFigure(
        def,
        {
          ...input,
          facts: only(input.facts),
          stages: only(input.stages),
          cards: only(input.cards),
          extensions: only(input.extensions),
        },
        period,
      ),
    );
  }
  return out;
}

/** The child region a case belongs to, one level below `parentPath` (a materialised path such as `32/3201/`). */
export const childRegionOf =
  (parentPath: string) =>
  (f: CaseFacts): string | null => {
    if (!f.regionPath.startsWith(parentPath)) return null;
    const rest = f.regionPath.slice(parentPath.length);
    const child = rest.split('/')[0];
    return child ? child : null;
  };
