import { describe, expect, it } from 'vitest';
import { firstMatch, ruleMatches } from './match.js';
import { neighbourFacts, rule } from './dispatch-fixtures.js';
import type { DispatchFacts } from './types.js';

const facts = (over: Partial<DispatchFacts> = {}): DispatchFacts => ({ ...neighbourFacts, ...over });

describe('rule matching', () => {
  it.each([
    ['no conditions', rule(1), facts(), true],
    ['the category itself', rule(1, { category: 'neighbour' }), facts({ categoryPath: 'neighbour/' }), true],
    [
      'a category below it',
      rule(1, { category: 'labour' }),
      facts({ categoryPath: 'labour/labour_wage_arrears/' }),
      true,
    ],
    ['not a sibling sharing a prefix', rule(1, { category: 'labour' }), facts({ categoryPath: 'labour_x/' }), false],
    ['not another category', rule(1, { category: 'labour' }), facts(), false],
    ['the kind', rule(1, { kind: 'dispute' }), facts(), true],
    ['not another kind', rule(1, { kind: 'petition' }), facts(), false],
    ['the complexity', rule(1, { complexity: 'general' }), facts(), true],
    ['not another complexity', rule(1, { complexity: 'major' }), facts(), false],
    ['the channel', rule(1, { channel: 'grid' }), facts(), true],
    ['not another channel', rule(1, { channel: 'hotline' }), facts(), false],
    ['cross-region when asked', rule(1, { crossRegion: true }), facts({ crossRegion: true }), true],
    ['not cross-region when not', rule(1, { crossRegion: true }), facts(), false],
    ['within one region when asked', rule(1, { crossRegion: false }), facts(), true],
    [
      'every condition at once',
      rule(1, { category: 'neighbour', kind: 'dispute', complexity: 'general', channel: 'grid', crossRegion: false }),
      facts(),
      true,
    ],
  ] as const)('matches %s: %s', (_, r, f, expected) => {
    expect(ruleMatches(r, f)).toBe(expected);
  });

  it('takes the first enabled match by position, then id, whatever the input order', () => {
    const rules = [
      rule(3, { position: 2 }),
      rule(2, { position: 1, enabled: false }),
      rule(1, { position: 2 }),
      rule(4, { position: 0, kind: 'petition' }),
    ];
    expect(firstMatch(rules, facts())?.id).toBe(1);
    expect(firstMatch([...rules].reverse(), facts())?.id).toBe(1);
  });

  it('finds nothing when nothing matches or every match is disabled', () => {
    expect(firstMatch([rule(1, { kind: 'hazard' }), rule(2, { enabled: false })], facts())).toBeNull();
    expect(firstMatch([], facts())).toBeNull();
  });
});

describe('rules by jurisdiction (issue 11, point 4)', () => {
  const county = '32/3201/320114/';
  const casePath = `${county}320114001/`;
  it.each([
    [
      "the county's rule over the top's, whatever the positions",
      [rule(1, { position: 1 }), rule(2, { position: 9, regionPath: county })],
      2,
    ],
    [
      "the county's over the city's over the top's",
      [rule(1), rule(2, { regionPath: '32/3201/' }), rule(3, { regionPath: county })],
      3,
    ],
    ['the top when the nearer rules do not match', [rule(1), rule(2, { regionPath: county, kind: 'petition' })], 1],
    [
      "never a sibling county's rule",
      [rule(1, { position: 5 }), rule(2, { position: 1, regionPath: '32/3201/320115/' })],
      1,
    ],
    ['never a rule set below the case', [rule(1), rule(2, { regionPath: `${casePath}999/` })], 1],
  ] as const)('takes %s', (_, rules, expected) => {
    expect(firstMatch(rules, facts(), casePath)?.id).toBe(expected);
  });
});
