// The early warning of a scheme (预警): a region whose index falls below the threshold, or drops by more
// than the set amount from the period before, is flagged; the app tells its leaders and the level above.
import type { WarningRule } from './scheme.js';

export const WARNING_REASONS = ['below_threshold', 'dropped'] as const;
export type WarningReason = (typeof WARNING_REASONS)[number];

export type Warning = {
  region: string;
  reason: WarningReason;
  index: number;
  previous: number | null;
  /** The threshold crossed, or the drop allowed. */
  limit: number;
};

/** The warnings of one period, given each region's index now and in the period before (null: none). */
export function warningsFor(
  rule: WarningRule,
  now: readonly { region: string; index: number | null }[],
  before: ReadonlyMap<string, number | null>,
): Warning[] {
  const out: Warning[] = [];
  for (const { region, index } of now) {
    if (index === null) continue;
    const previous = before.get(region) ?? null;
    if (rule.below !== null && index < rule.below)
      out.push({ region, reason: 'below_threshold', index, previous, limit: rule.below });
    if (rule.drop !== null && previous !== null && previous - index > rule.drop)
      out.push({ region, reason: 'dropped', index, previous, limit: rule.drop });
  }
  return out;
}
