import { describe, expect, it } from 'vitest';
import type { Figure } from './inputs.js';
import { periodOf } from './period.js';
import { rankByScore, rankPeers, rankWithinClasses, wilsonLowerBound } from './ranking.js';

const fig = (numerator: number, denominator: number): Figure => ({
  definition: 'satisfaction',
  period: periodOf('month', '2026-03-01'),
  numerator,
  denominator,
  value: denominator ? numerator / denominator : null,
  numeratorMembers: [],
  denominatorMembers: [],
});

describe('fair rankings', () => {
  it.each([
    [0, 0, 0],
    [2, 2, 0.342],
    [388, 400, 0.9483],
    [50, 100, 0.4038],
    [0, 10, 0],
  ])('the Wilson lower bound of %i of %i is %f', (hits, n, bound) => {
    expect(wilsonLowerBound(hits, n)).toBeCloseTo(bound, 3);
  });

  it('puts 97 % of 400 above 100 % of 2, shows the raw figures, and leaves empty rows unranked', () => {
    const ranked = rankPeers(
      [
        { key: 'small', figure: fig(2, 2) },
        { key: 'large', figure: fig(388, 400) },
        { key: 'empty', figure: fig(0, 0) },
        { key: 'middle', figure: fig(45, 50) },
      ],
      'rate',
    );
    expect(ranked.map((r) => [r.key, r.rank])).toEqual([
      ['large', 1],
      ['middle', 2],
      ['small', 3],
      ['empty', null],
    ]);
    expect(ranked[2]!.figure.value).toBe(1);
  });

  it('ranks a rate where lower is better by the confident share of good outcomes', () => {
    const ranked = rankPeers(
      [
        { key: 'few-back', figure: fig(1, 200) },
        { key: 'none-of-three', figure: fig(0, 3) },
      ],
      'rate',
      true,
    );
    expect(ranked.map((r) => r.key)).toEqual(['few-back', 'none-of-three']);
  });

  it('gives ties the same rank', () => {
    const ranked = rankPeers(
      [
        { key: 'a', figure: fig(5, 10) },
        { key: 'b', figure: fig(5, 10) },
        { key: 'c', figure: fig(1, 10) },
      ],
      'rate',
    );
    expect(ranked.map((r) => r.rank)).toEqual([1, 1, 3]);
  });
});

describe('ranking within peer classes', () => {
  const rows = [
    { key: 'a', score: 0.9 },
    { key: 'b', score: 0.5 },
    { key: 'c', score: 0.7 },
    { key: 'd', score: 0.7 },
    { key: 'e', score: null },
    { key: 'f', score: 0.99 },
  ];
  const classes: Record<string, number> = { a: 1, b: 1, c: 2, d: 2, e: 2 };

  it('ranks each row among its class only, ties sharing a rank; a row of no class has none', () => {
    const r = rankWithinClasses(rows, (k) => classes[k] ?? null);
    expect(Object.fromEntries(r)).toEqual({ a: 1, b: 2, c: 1, d: 1, e: null, f: null });
  });

  it('agrees with the overall ranking when every row is in one class', () => {
    const r = rankWithinClasses(rows, () => 7);
    expect(Object.fromEntries(r)).toEqual(Object.fromEntries(rankByScore(rows).map((x) => [x.key, x.rank])));
  });
});
