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
  const denominator = m.denominator.length;
  const value = def.kind === 'count' ? denominator : denominator === 0 ? null : numerator / denominator;
  return {
    definition: def.id,
    period,
    numerator: def.kind === 'count' ? denominator : numerator,
    denominator,
    value,
    numeratorMembers: m.numerator,
    denominatorMembers: m.denominator,
  };
}
