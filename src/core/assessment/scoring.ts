// The safety index (平安指数): each indicator's raw value scored 0–100 by its rule and direction, the index
// the weighted mean of the scores. Pure: the caller brings the raw values of every peer region.
import type { Component, SchemeDefinition, ScoringRule } from './scheme.js';
import { rankByScore } from '../kpi/ranking.js';

/** A raw value as measured: a KPI carries its numerator and denominator, an imported figure only the value. */
export type RawValue = { value: number | null; numerator?: number; denominator?: number };

export type ComponentScore = {
  key: string;
  raw: RawValue;
  /** 0–100, or null when the region has no value for the indicator. */
  score: number | null;
  weight: number;
  direction: Component['direction'];
  rule: ScoringRule;
};

export type RegionScore = {
  region: string;
  /** The weighted mean of the scores the region has (0–100); null when it has none. */
  index: number | null;
  /** The share of the weights (percent) whose indicators had a value: below 100 the index rests on fewer. */
  coverage: number;
  rank: number | null;
  components: ComponentScore[];
};

const clamp = (x: number) => Math.min(100, Math.max(0, x));

/** One raw value's score against the peers' values of the same indicator. */
export function scoreValue(c: Pick<Component, 'direction' | 'rule'>, value: number, peers: readonly number[]): number {
  const better = c.direction === 'higher' ? 1 : -1;
  if (c.rule.kind === 'target') {
    const { target, worst } = c.rule;
    return clamp(((value - worst) / (target - worst)) * 100);
  }
  const lo = Math.min(value, ...peers);
  const hi = Math.max(value, ...peers);
  // Every peer alike: no one is behind.
  if (hi === lo) return 100;
  return clamp((better > 0 ? (value - lo) / (hi - lo) : (hi - value) / (hi - lo)) * 100);
}

/**
 * Scores every region under the scheme: for each indicator, each region's raw value against the other
 * regions' (min–max) or the target; the index weighs the scores a region has, so a missing figure neither
 * counts as zero nor hides (coverage says how much of the weight stood behind the index). Ranked by index,
 * ties sharing a rank.
 */
export function scoreRegions(
  def: SchemeDefinition,
  regions: readonly { region: string; values: Readonly<Record<string, RawValue>> }[],
): RegionScore[] {
  const present = (key: string) =>
    regions.map((r) => r.values[key]?.value).filter((v): v is number => v !== null && v !== undefined);
  const peersOf = new Map(def.components.map((c) => [c.key, present(c.key)]));
  const scored = regions.map(({ region, values }) => {
    const components = def.components.map((c): ComponentScore => {
      const raw = values[c.key] ?? { value: null };
      const score = raw.value === null ? null : scoreValue(c, raw.value, peersOf.get(c.key)!);
      return { key: c.key, raw, score, weight: c.weight, direction: c.direction, rule: c.rule };
    });
    const counted = components.filter((c) => c.score !== null);
    const weight = counted.reduce((s, c) => s + c.weight, 0);
    const index = weight === 0 ? null : counted.reduce((s, c) => s + c.weight * c.score!, 0) / weight;
    return { key: region, region, index, coverage: weight, components, score: index };
  });
  return rankByScore(scored).map(({ key: _, score: __, ...r }) => r);
}
