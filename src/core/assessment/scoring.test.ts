import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkScheme, type Component, type SchemeDefinition } from './scheme.js';
import { scoreRegions, scoreValue } from './scoring.js';
import { warningsFor } from './warnings.js';
import { parseIndicatorCsv } from './indicator-csv.js';

const kpi = (key: string, weight: number, direction: Component['direction'], rule: Component['rule']): Component => ({
  key,
  name: key,
  source: { kind: 'kpi', kpi: 'satisfaction' },
  weight,
  direction,
  rule,
});
const minmax = { kind: 'minmax' } as const;
const scheme = (components: Component[], warning = { below: null, drop: null }): SchemeDefinition => ({
  components,
  warning,
});

describe('scoring one value', () => {
  it.each([
    // direction, rule, value, peers, score
    ['higher', minmax, 0.9, [0.5, 0.9, 0.7], 100],
    ['higher', minmax, 0.5, [0.5, 0.9, 0.7], 0],
    ['higher', minmax, 0.7, [0.5, 0.9, 0.7], 50],
    ['lower', minmax, 0.5, [0.5, 0.9, 0.7], 100],
    ['lower', minmax, 0.8, [0.5, 0.9, 0.7], 25],
    ['higher', minmax, 3, [3, 3], 100],
    ['higher', { kind: 'target', target: 0.95, worst: 0.75 }, 0.85, [], 50],
    ['higher', { kind: 'target', target: 0.95, worst: 0.75 }, 0.99, [], 100],
    ['higher', { kind: 'target', target: 0.95, worst: 0.75 }, 0.6, [], 0],
    ['lower', { kind: 'target', target: 2, worst: 10 }, 4, [], 75],
    ['lower', { kind: 'target', target: 2, worst: 10 }, 1, [], 100],
    ['lower', { kind: 'target', target: 2, worst: 10 }, 12, [], 0],
  ] as const)('%s is better, %j: %f among %j scores %f', (direction, rule, value, peers, score) => {
    expect(scoreValue({ direction, rule }, value, peers)).toBeCloseTo(score, 9);
  });
});

describe('the index', () => {
  const def = scheme([
    kpi('sat', 60, 'higher', minmax),
    {
      ...kpi('crime', 40, 'lower', { kind: 'target', target: 2, worst: 10 }),
      source: { kind: 'import', indicator: 'crime' },
    },
  ]);

  it('weighs every component, shows raw value, score and weight, and ranks by index', () => {
    const r = scoreRegions(def, [
      { region: 'A', values: { sat: { value: 0.9, numerator: 90, denominator: 100 }, crime: { value: 4 } } },
      { region: 'B', values: { sat: { value: 0.5, numerator: 5, denominator: 10 }, crime: { value: 1 } } },
      { region: 'C', values: { sat: { value: 0.7 } } },
    ]);
    expect(r.map((x) => [x.region, x.rank, Number(x.index!.toFixed(9)), x.coverage])).toEqual([
      ['A', 1, 90, 100],
      ['C', 2, 50, 60],
      ['B', 3, 40, 100],
    ]);
    expect(r[0]!.components).toEqual([
      {
        key: 'sat',
        raw: { value: 0.9, numerator: 90, denominator: 100 },
        score: 100,
        weight: 60,
        direction: 'higher',
        rule: minmax,
      },
      { key: 'crime', raw: { value: 4 }, score: 75, weight: 40, direction: 'lower', rule: def.components[1]!.rule },
    ]);
    // C has no crime figure: its index rests on the 60 % it has, and says so; it is not scored as zero.
    expect(r[1]!.components[1]!.score).toBeNull();
  });

  it('gives no index to a region with no values', () => {
    expect(scoreRegions(def, [{ region: 'A', values: {} }])[0]).toMatchObject({ index: null, rank: null, coverage: 0 });
  });
});

describe('checking a scheme', () => {
  it.each([
    [[kpi('a', 50, 'higher', minmax), kpi('b', 40, 'higher', minmax)], 'sum to 90'],
    [[kpi('a', 50, 'higher', minmax), kpi('a', 50, 'higher', minmax)], 'used twice'],
    [[kpi('a', 100, 'higher', { kind: 'target', target: 1, worst: 2 })], 'low side'],
    [[kpi('a', 100, 'lower', { kind: 'target', target: 2, worst: 1 })], 'high side'],
    [[{ ...kpi('a', 100, 'higher', minmax), source: { kind: 'kpi', kpi: 'no_such' } }], 'no KPI no_such'],
    [[], 'at least one'],
  ] as const)('refuses %j (%s)', (components, message) => {
    expect(() => checkScheme(scheme([...components]))).toThrow(message);
  });

  it('accepts weights that sum to 100 in fractions', () => {
    const parts = [
      kpi('a', 100 / 3, 'higher', minmax),
      kpi('b', 100 / 3, 'lower', minmax),
      kpi('c', 100 / 3, 'higher', minmax),
    ];
    expect(checkScheme(scheme(parts)).components).toHaveLength(3);
  });
});

// Random schemes over random peers.
const arbRule = fc.oneof(
  fc.constant({ kind: 'minmax' as const }),
  fc
    .tuple(fc.double({ min: -100, max: 100, noNaN: true }), fc.double({ min: 0.01, max: 50, noNaN: true }))
    .map(([target, gap]) => ({ kind: 'target' as const, target, gap })),
);
const arbScheme = fc
  .array(fc.tuple(fc.integer({ min: 1, max: 20 }), fc.constantFrom('higher' as const, 'lower' as const), arbRule), {
    minLength: 1,
    maxLength: 5,
  })
  .map((parts) => {
    const total = parts.reduce((s, [w]) => s + w, 0);
    return scheme(
      parts.map(([w, direction, r], i) =>
        kpi(
          `k${i}`,
          (w / total) * 100,
          direction,
          r.kind === 'minmax'
            ? r
            : { kind: 'target', target: r.target, worst: direction === 'higher' ? r.target - r.gap : r.target + r.gap },
        ),
      ),
    );
  });
const arbValue = fc.option(fc.double({ min: -1000, max: 1000, noNaN: true }), { nil: null, freq: 5 });
const arbRegions = (n: number) =>
  fc.array(fc.array(arbValue, { minLength: n, maxLength: n }), { minLength: 1, maxLength: 8 });
const withRegions = arbScheme.chain((def) => fc.tuple(fc.constant(def), arbRegions(def.components.length)));
const asInput = (def: SchemeDefinition, rows: (number | null)[][]) =>
  rows.map((vs, i) => ({
    region: `r${i}`,
    values: Object.fromEntries(def.components.map((c, j) => [c.key, { value: vs[j] ?? null }])),
  }));

describe('properties of the index', () => {
  it('generated schemes pass the check: weights sum to 100', () => {
    fc.assert(fc.property(arbScheme, (def) => checkScheme(def) === def));
  });

  it('keeps every score and index within 0–100 and the coverage within the weights', () => {
    fc.assert(
      fc.property(withRegions, ([def, rows]) => {
        for (const r of scoreRegions(def, asInput(def, rows))) {
          if (r.index !== null && !(r.index >= -1e-9 && r.index <= 100 + 1e-9)) return false;
          if (!(r.coverage >= 0 && r.coverage <= 100 + 1e-9)) return false;
          if (r.components.some((c) => c.score !== null && !(c.score >= 0 && c.score <= 100))) return false;
        }
        return true;
      }),
    );
  });

  it("never lowers a region's index when one of its values moves in its better direction", () => {
    fc.assert(
      fc.property(
        withRegions,
        fc.nat(),
        fc.nat(),
        fc.double({ min: 0, max: 500, noNaN: true }),
        ([def, rows], pickRegion, pickComponent, step) => {
          const i = pickRegion % rows.length;
          const j = pickComponent % def.components.length;
          if (rows[i]![j] === null) return true;
          const better = rows.map((vs) => [...vs]);
          better[i]![j]! += def.components[j]!.direction === 'higher' ? step : -step;
          const before = scoreRegions(def, asInput(def, rows)).find((r) => r.region === `r${i}`)!;
          const after = scoreRegions(def, asInput(def, better)).find((r) => r.region === `r${i}`)!;
          return (
            after.index! >= before.index! - 1e-9 && after.components[j]!.score! >= before.components[j]!.score! - 1e-9
          );
        },
      ),
    );
  });
});

describe('early warnings', () => {
  const rule = { below: 60, drop: 10 };
  it.each([
    ['below the threshold', 55, 58, ['below_threshold']],
    ['a drop of more than 10 points', 70, 85, ['dropped']],
    ['both', 50, 75, ['below_threshold', 'dropped']],
    ['a drop of exactly 10 points', 70, 80, []],
    ['no previous period', 70, null, []],
    ['at the threshold', 60, 61, []],
  ] as const)('%s warns %j', (_, index, previous, reasons) => {
    const w = warningsFor(rule, [{ region: 'A', index }], new Map([['A', previous]]));
    expect(w.map((x) => x.reason)).toEqual(reasons);
  });

  it('warns nothing without a rule, and nothing for a region without an index', () => {
    expect(warningsFor({ below: null, drop: null }, [{ region: 'A', index: 1 }], new Map([['A', 99]]))).toEqual([]);
    expect(warningsFor(rule, [{ region: 'A', index: null }], new Map([['A', 99]]))).toEqual([]);
  });
});

describe('imported figures (CSV)', () => {
  const header = 'indicator,region,period,date,value';
  it('reads figures and refuses each bad line with its number and reason', () => {
    const { rows, rejected } = parseIndicatorCsv(
      [
        `\uFEFF${header}`,
        'crime_per_10k,320114001,month,2026-03-01,1.8',
        '"crime_per_10k", 320114002 ,month,2026-03-31,2',
        '',
        'crime_per_10k,320114003,month,2026-02-30,1',
        'crime_per_10k,320114003,fortnight,2026-03-01,1',
        'Crime,320114003,month,2026-03-01,1',
        'crime_per_10k,32011400x,month,2026-03-01,1',
        'crime_per_10k,320114003,month,2026-03-01,many',
        'crime_per_10k,320114003,month,2026-03-01,1,张三',
        'crime_per_10k,320114001,month,2026-03-15,2.5',
      ].join('\r\n'),
    );
    expect(rows.map((r) => [r.line, r.region, r.value])).toEqual([
      [2, '320114001', 1.8],
      [3, '320114002', 2],
    ]);
    expect(rejected.map((r) => [r.line, r.message.split(' ')[0]])).toEqual([
      [5, 'date'],
      [6, 'period'],
      [7, 'indicator'],
      [8, 'region'],
      [9, 'value'],
      [10, 'expected'],
      [11, 'the'],
    ]);
    expect(rejected.at(-1)!.message).toBe('the same figure as line 2');
  });

  it('refuses a file whose first line is not the header, so no other column slips in', () => {
    expect(parseIndicatorCsv('indicator,region,period,date,value,name\nx,1,month,2026-01-01,1').rejected).toEqual([
      { line: 1, message: expect.stringContaining('figures only') },
    ]);
  });
});
