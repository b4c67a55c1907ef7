import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CASE_KINDS, CHANNELS, COMPLEXITIES } from '../case/types.js';
import type { RegionLevel } from '../region/levels.js';
import { decide } from './decide.js';
import { testPath, testTypeNames, unitAt } from './dispatch-fixtures.js';
import { ruleMatches } from './match.js';
import { COUNTY_LEVEL, FALLBACKS, SERVICE_CENTRE, type DispatchInput, type DispatchRule } from './types.js';

const types = Object.keys(testTypeNames);
const categories = [
  { code: 'labour', path: 'labour/', name: { zh: '劳资纠纷', en: 'Labour' } },
  { code: 'labour_wage_arrears', path: 'labour/labour_wage_arrears/', name: { zh: '拖欠工资', en: 'Unpaid wages' } },
  { code: 'neighbour', path: 'neighbour/', name: { zh: '邻里纠纷', en: 'Neighbours' } },
];
const orNull = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: null });
const level = (max: number) => fc.integer({ min: 1, max }).map((l) => l as RegionLevel);

const ruleArb = (id: number): fc.Arbitrary<DispatchRule> =>
  fc.record({
    id: fc.constant(id),
    position: fc.integer({ min: 0, max: 5 }),
    name: fc.constant(`规则${id}`),
    kind: orNull(fc.constantFrom(...CASE_KINDS)),
    category: orNull(fc.constantFrom(...categories)),
    complexity: orNull(fc.constantFrom(...COMPLEXITIES)),
    channel: orNull(fc.constantFrom(...CHANNELS)),
    crossRegion: orNull(fc.boolean()),
    targetUnitType: fc.constantFrom(...types),
    targetLevel: level(5),
    fallback: fc.constantFrom(...FALLBACKS),
    enabled: fc.boolean(),
  });

/** Random rules, a random depth of the test path, and a random subset of every type at every level 1–5 on it. */
const inputArb: fc.Arbitrary<DispatchInput> = fc
  .record({
    rules: fc
      .integer({ min: 0, max: 6 })
      .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => ruleArb(i + 1)))),
    depth: fc.integer({ min: 2, max: 6 }),
    present: fc.subarray(types.flatMap((t) => [1, 2, 3, 4, 5].map((l) => [t, l] as const))),
    facts: fc.record({
      kind: fc.constantFrom(...CASE_KINDS),
      categoryPath: fc.constantFrom('labour/', 'labour/labour_wage_arrears/', 'neighbour/', 'other/'),
      complexity: fc.constantFrom(...COMPLEXITIES),
      channel: fc.constantFrom(...CHANNELS),
      crossRegion: fc.boolean(),
    }),
  })
  .map(({ rules, depth, present, facts }) => ({
    facts,
    rules,
    typeNames: testTypeNames,
    path: testPath.slice(0, depth),
    units: present.filter(([, l]) => l <= depth).map(([t, l]) => unitAt(l as RegionLevel, t)),
  }));

describe('dispatch properties', () => {
  it('names a unit on the case’s path, at or above the rule’s level or a centre at county level or above', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const d = decide(input);
        if (!d.unit) {
          expect(d.via).toBe('none');
          expect(input.units.some((u) => u.typeCode === SERVICE_CENTRE && u.regionLevel <= COUNTY_LEVEL)).toBe(false);
          return;
        }
        expect(input.path.map((r) => r.code)).toContain(d.unit.regionCode);
        const rule = input.rules.find((r) => r.id === d.rule?.id);
        const isUpperCentre = d.unit.typeCode === SERVICE_CENTRE && d.unit.regionLevel <= COUNTY_LEVEL;
        expect(isUpperCentre || (rule !== undefined && d.unit.regionLevel <= rule.targetLevel)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('picks the first enabled matching rule, and explains by it', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const d = decide(input);
        const ordered = [...input.rules].sort((a, b) => a.position - b.position || a.id - b.id);
        const first = ordered.find((r) => r.enabled && ruleMatches(r, input.facts));
        expect(d.rule?.id ?? null).toBe(first?.id ?? null);
        expect(d.explanation.zh.startsWith(first ? `规则 ${first.id}「` : '无匹配规则')).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('gives the same decision for the same input, in whatever order the rules and units come', () => {
    fc.assert(
      fc.property(inputArb, fc.integer(), (input, seed) => {
        const shuffle = <T>(xs: readonly T[]) =>
          xs
            .map((x, i) => [x, Math.sin(seed + i)] as const)
            .sort((a, b) => a[1] - b[1])
            .map(([x]) => x);
        const again = decide({ ...input, rules: shuffle(input.rules), units: shuffle(input.units) });
        expect(again).toEqual(decide(input));
        expect(decide(structuredClone(input))).toEqual(decide(input));
      }),
      { numRuns: 300 },
    );
  });
});
