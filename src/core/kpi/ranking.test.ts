import { describe, expect, it } from 'vitest';
import type { Figure } from './inputs.js';
import { periodOf } from './period.js';
import { rankPeers, wilsonLowerBound } from './ranking.js';

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
