// Fair rankings of peer regions (or units): a rate from a handful of cases is not evidence of a good
// record, so regions are ranked by the Wilson score interval's lower bound at 95 % — the share a region
// can claim with confidence given its volume — and the raw rate and volume are shown beside it.
// (Chosen over Bayesian shrinkage: it needs no prior from the peers, so a region's score does not move
// when another region's cases change.)
import type { Figure } from './inputs.js';

const Z95 = 1.959963984540054;

/** The lower bound of the Wilson score interval for `hits` out of `n` (0 when n is 0). */
export function wilsonLowerBound(hits: number, n: number, z = Z95): number {
  if (n <= 0) return 0;
  const p = hits / n;
  const z2 = z * z;
  const centre = p + z2 / (2 * n);
  const margin = z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return Math.max(0, (centre - margin) / (1 + z2 / n));
}

export type RankedRow = {
  key: string;
  figure: Figure;
  /** The score the rank follows: the Wilson lower bound for a rate, the value itself otherwise. */
  score: number | null;
  rank: number | null;
};

/**
 * Ranks peers by a figure. Rates rank by their Wilson lower bound (higher is better unless `lowerIsBetter`,
 * e.g. the send-back rate, where the upper bound's complement is used so small volumes are not flattered
 * either way); counts and means rank by value. Rows without a value get no rank and go last; ties share
 * a rank (1, 2, 2, 4).
 */
export function rankPeers(
  rows: readonly { key: string; figure: Figure }[],
  kind: 'rate' | 'mean' | 'count',
  lowerIsBetter = false,
): RankedRow[] {
  const scored = rows.map(({ key, figure }) => {
    if (figure.value === null) return { key, figure, score: null };
    if (kind !== 'rate') return { key, figure, score: lowerIsBetter ? -figure.value : figure.value };
    const n = figure.denominator;
    const score = lowerIsBetter ? wilsonLowerBound(n - figure.numerator, n) : wilsonLowerBound(figure.numerator, n);
    return { key, figure, score };
  });
  return rankByScore(scored);
}

/**
 * Orders rows by score, best first, and numbers them: rows without a score get no rank and go last;
 * ties share a rank (1, 2, 2, 4); equal scores are ordered by key.
 */
export function rankByScore<T extends { key: string; score: number | null }>(
  rows: readonly T[],
): (T & { rank: number | null })[] {
  const ordered = [...rows].sort(
    (a, b) =>
      (b.score ?? Number.NEGATIVE_INFINITY) - (a.score ?? Number.NEGATIVE_INFINITY) || a.key.localeCompare(b.key),
  );
  // A tie takes the rank of the first row with its score.
  return ordered.map((row) => ({
    ...row,
    rank: row.score === null ? null : ordered.findIndex((r) => r.score === row.score) + 1,
  }));
}

/**
 * The rank of each row among the rows of its peer class (一类/二类/三类地区), by the same score; rows of no
 * class get null. A region with 2 cases ranks only against the regions its administrator grouped it with.
 */
export function rankWithinClasses<T extends { key: string; score: number | null }>(
  rows: readonly T[],
  classOf: (key: string) => number | null,
): Map<string, number | null> {
  const byClass = new Map<number, T[]>();
  for (const r of rows) {
    const c = classOf(r.key);
    if (c !== null) byClass.set(c, [...(byClass.get(c) ?? []), r]);
  }
  const out = new Map<string, number | null>(rows.map((r) => [r.key, null]));
  for (const members of byClass.values()) for (const r of rankByScore(members)) out.set(r.key, r.rank);
  return out;
}

/** Rates where a lower value is the better record. */
export const LOWER_IS_BETTER = new Set(['send_back', 'repeat_visit', 'escalation']);
