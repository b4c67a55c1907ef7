// An assessment scheme (考核方案) behind the safety index (平安指数): indicators, each with a weight, a
// direction and a scoring rule. The shape is the contract's; the rules that tie the parts together are here.
import { DomainError } from '../errors.js';
import { kpiDefinition } from '../kpi/definitions.js';

/**
 * Where an indicator's raw value comes from: a KPI of the catalogue, or an aggregate figure imported per
 * region and period from another system. Survey results join as a third kind once surveys exist.
 */
export const INDICATOR_SOURCES = ['kpi', 'import'] as const;
export type IndicatorSourceKind = (typeof INDICATOR_SOURCES)[number];
export type IndicatorSource = { kind: 'kpi'; kpi: string } | { kind: 'import'; indicator: string };

export const DIRECTIONS = ['higher', 'lower'] as const;
/** Whether a higher or a lower raw value is the better record. */
export type Direction = (typeof DIRECTIONS)[number];

export const SCORING_RULES = ['minmax', 'target'] as const;
/**
 * How a raw value becomes a score of 0–100: `minmax` places it between the worst and the best of the
 * peers; `target` gives 100 at the target or better and 0 at `worst` or beyond, linearly between.
 */
export type ScoringRule = { kind: 'minmax' } | { kind: 'target'; target: number; worst: number };

export type Component = {
  key: string;
  name: string;
  nameEn?: string | null;
  source: IndicatorSource;
  /** Percent of the index; the weights of a scheme sum to 100. */
  weight: number;
  direction: Direction;
  rule: ScoringRule;
};

/** A region warns when its index is below `below`, or fell by more than `drop` points since the period before. */
export type WarningRule = { below: number | null; drop: number | null };

export type SchemeDefinition = { components: Component[]; warning: WarningRule };

const WEIGHT_TOLERANCE = 1e-6;

/** Refuses a definition whose parts do not fit together (the contract has checked each part's shape). */
export function checkScheme(def: SchemeDefinition): SchemeDefinition {
  const fail = (message: string, details: Record<string, unknown> = {}) => {
    throw new DomainError('ValidationFailed', message, details);
  };
  if (def.components.length === 0) fail('a scheme needs at least one indicator');
  const keys = new Set<string>();
  for (const c of def.components) {
    if (keys.has(c.key)) fail(`indicator key ${c.key} is used twice`, { key: c.key });
    keys.add(c.key);
    if (!(c.weight > 0)) fail(`the weight of ${c.key} must be above 0`, { key: c.key });
    if (c.source.kind === 'kpi' && !kpiDefinition(c.source.kpi))
      fail(`no KPI ${c.source.kpi} in the catalogue`, { key: c.key, kpi: c.source.kpi });
    if (c.rule.kind === 'target') {
      const { target, worst } = c.rule;
      const ordered = c.direction === 'higher' ? worst < target : worst > target;
      if (!ordered)
        fail(
          `${c.key}: the worst value must lie on the ${c.direction === 'higher' ? 'low' : 'high'} side of the target`,
          {
            key: c.key,
          },
        );
    }
  }
  const total = def.components.reduce((s, c) => s + c.weight, 0);
  if (Math.abs(total - 100) > WEIGHT_TOLERANCE) fail(`the weights sum to ${total}, not 100`, { total });
  const { below, drop } = def.warning;
  if (below !== null && !(below >= 0 && below <= 100)) fail('the warning threshold is an index of 0–100');
  if (drop !== null && !(drop > 0 && drop <= 100)) fail('the warning drop is a number of index points above 0');
  return def;
}
