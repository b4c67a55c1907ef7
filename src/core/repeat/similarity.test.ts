import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { bestMatch, similarity } from './similarity.js';

describe('similarity', () => {
  it.each([
    ['楼上漏水导致天花板发霉', '楼上住户漏水，天花板发霉严重', 0.3, 1],
    ['楼上漏水导致天花板发霉', '工地拖欠农民工工资三个月', 0, 0.05],
    ['', '任何文字', 0, 0],
  ])('%s ~ %s within [%d, %d]', (a, b, lo, hi) => {
    const s = similarity(a, b);
    expect(s).toBeGreaterThanOrEqual(lo);
    expect(s).toBeLessThanOrEqual(hi);
  });

  it('is symmetric, bounded, and 1 on itself', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 2 }), fc.string(), (a, b) => {
        const s = similarity(a, b);
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThanOrEqual(1);
        expect(s).toBeCloseTo(similarity(b, a));
      }),
    );
    expect(similarity('邻里噪音纠纷', '邻里噪音纠纷')).toBe(1);
  });

  it('picks the most similar candidate above the threshold', () => {
    const m = bestMatch(
      '楼上漏水天花板发霉',
      [
        { id: 1, text: '拖欠工资' },
        { id: 2, text: '楼上漏水' },
        { id: 3, text: '楼上漏水天花板发霉了' },
      ],
      0.25,
    );
    expect(m?.id).toBe(3);
    expect(bestMatch('楼上漏水', [{ id: 1, text: '拖欠工资' }], 0.25)).toBeNull();
  });
});
