import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoDateOf, dayNumber } from '../deadline/cst.js';
import { computeFigure } from './definitions.js';
import type { KpiInput } from './inputs.js';
import { input } from './kpi-fixtures.js';
import { customPeriod, PERIOD_KINDS, periodOf, type Period } from './period.js';
import { caseRollup, cellCounts, figureFromRollup, ROLLUP_DEFINITIONS, type RollupCell } from './rollup.js';

const workingMs = (a: Date, b: Date) => input.workingDays(a, b) * 86_400_000;

/** Each case's rows, computed from the case alone. */
function rollupOf(inp: KpiInput): RollupCell[] {
  return inp.facts.flatMap((facts) => {
    const own = <T extends { caseId: number }>(xs: readonly T[]) => xs.filter((x) => x.caseId === facts.caseId);
    return caseRollup(
      { facts, stages: own(inp.stages), cards: own(inp.cards), extensions: own(inp.extensions) },
      workingMs,
    );
  });
}

function fromRollup(cells: RollupCell[], id: string, p: Period) {
  const def = ROLLUP_DEFINITIONS.find((d) => d.id === id)!;
  const hit = cells.filter((c) => c.kpi === id && cellCounts(c, p));
  const f = figureFromRollup(
    def,
    p,
    hit.reduce((n, c) => n + c.numerator, 0),
    hit.reduce((n, c) => n + c.denominator, 0),
  );
  return [f.numerator, f.denominator, f.value];
}

const fromCases = (id: string, p: Period) => {
  const f = computeFigure(ROLLUP_DEFINITIONS.find((d) => d.id === id)!, input, p);
  return [f.numerator, f.denominator, f.value];
};

const cells = rollupOf(input);
const first = dayNumber('2025-02-10');

describe('the rollup of the March 2025 cases', () => {
  it('gives every figure and signal of March exactly as the cases do', () => {
    const march = periodOf('month', '2025-03-15');
    for (const def of ROLLUP_DEFINITIONS)
      expect([def.id, ...fromRollup(cells, def.id, march)]).toEqual([def.id, ...fromCases(def.id, march)]);
  });

  it('gives every figure for any run of whole days and any calendar period exactly as the cases do', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 70 }),
        fc.integer({ min: 0, max: 40 }),
        fc.constantFrom(...ROLLUP_DEFINITIONS.map((d) => d.id)),
        fc.constantFrom('custom', ...PERIOD_KINDS),
        (start, length, id, kind) => {
          const date = isoDateOf(first + start);
          const p = kind === 'custom' ? customPeriod(date, isoDateOf(first + start + length)) : periodOf(kind, date);
          expect(fromRollup(cells, id, p)).toEqual(fromCases(id, p));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('keeps a resolution that a later one supersedes out of the periods holding both', () => {
    // Case 2 was resolved on 10 March and reopened; its resolve rows start on its resolution days only.
    const resolved = cells.filter((c) => c.kpi === 'resolved' && !c.stock);
    expect(resolved.every((c) => c.denominator !== 0)).toBe(true);
    const open = cells.filter((c) => c.kpi === 'open_at_end');
    expect(open.every((c) => c.stock)).toBe(true);
  });
});
