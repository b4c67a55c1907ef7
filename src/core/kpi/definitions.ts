// The KPI catalogue (DESIGN.md "KPIs", docs/kpi.md): each figure a pure function over case facts with a
// written definition. The texts are the ones docs/kpi.md prints; doc.test.ts keeps the two in step.
import { COUNT_DEFINITIONS } from './count-definitions.js';
import type { Figure, KpiInput } from './inputs.js';
import type { KpiDefinition } from './measure-kit.js';
import type { Period } from './period.js';
import { RATE_DEFINITIONS } from './rate-definitions.js';

export type { KpiDefinition, KpiKind } from './measure-kit.js';

export const KPI_DEFINITIONS: readonly KpiDefinition[] = [...RATE_DEFINITIONS, ...COUNT_DEFINITIONS];

const byId = new Map(KPI_DEFINITIONS.map((d) => [d.id, d]));
export const KPI_IDS = KPI_DEFINITIONS.map((d) => d.id);

export function kpiDefinition(id: string): KpiDefinition | undefined {
  return byId.get(id);
}

/** Computes one figure over the input for the period, with its drill-down lists. */
export function computeFigure(def: KpiDefinition, input: KpiInput, period: Period): Figure {
  const m = def.measure(input, period);
  const numerator = def.kind === 'mean' ? (m.amounts ?? []).reduce((a, b) => a + b, 0) : m.numerator.length;
  return {
    ...figureFromSums(def, period, numerator, m.denominator.length),
    numeratorMembers: m.numerator,
    denominatorMembers: m.denominator,
  };
}

/** A figure from its sums (a count's numerator is its denominator; an empty rate has no value), without members. */
export function figureFromSums(def: KpiDefinition, period: Period, numerator: number, denominator: number): Figure {
  const value = def.kind === 'count' ? denominator : denominator === 0 ? null : numerator / denominator;
  return {
    definition: def.id,
    period,
    numerator: def.kind === 'count' ? denominator : numerator,
    denominator,
    value,
    numeratorMembers: [],
    denominatorMembers: [],
  };
}
