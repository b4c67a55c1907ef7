import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UNITS } from '../case/case-fixtures.js';
import { breakdown, childRegionOf, figureWithChange } from './compare.js';
import { computeFigure, KPI_DEFINITIONS, kpiDefinition } from './definitions.js';
import { facts, input } from './kpi-fixtures.js';
import { periodOf } from './period.js';
import { SIGNAL_DEFINITIONS } from './signals.js';

const march = periodOf('month', '2025-03-15');

const expected: Record<string, [number, number, number[], number[]]> = {
  // id: [numerator, denominator, numerator's cases, denominator's cases]
  sign_on_time: [2, 3, [1, 3], [1, 3, 7]],
  resolve_on_time: [3, 4, [1, 3, 6], [1, 2, 3, 6]],
  mediation_success: [2, 3, [1, 6], [1, 2, 6]],
  satisfaction: [2, 3, [1, 3], [1, 2, 3]],
  return_visit: [3, 4, [1, 2, 3], [1, 2, 3, 6]],
  send_back: [2, 4, [2, 7], [1, 2, 3, 7]],
  repeat_visit: [1, 4, [3], [1, 2, 3, 6]],
  escalation: [1, 6, [2], [1, 2, 3, 4, 5, 7]],
  township_or_below: [3, 4, [1, 2, 3], [1, 2, 3, 6]],
  first_petition: [1, 2, [4], [4, 5]],
  // working days (here: whole days) from receipt: 2 + 6 + 1 + 18
  handling_days: [27, 4, [1, 2, 3, 6], [1, 2, 3, 6]],
  received: [6, 6, [1, 2, 3, 4, 5, 7], [1, 2, 3, 4, 5, 7]],
  resolved: [4, 4, [1, 2, 3, 6], [1, 2, 3, 6]],
  open_at_end: [5, 5, [2, 3, 4, 5, 7], [2, 3, 4, 5, 7]],
  cards_blue: [1, 1, [2], [2]],
  cards_yellow: [2, 2, [2, 7], [2, 7]],
  cards_red: [0, 0, [], []],
};
const signals: Record<string, [number, number, number[], number[]]> = {
  clock_reset: [2, 4, [2, 3], [1, 2, 3, 6]],
  staff_evaluations: [2, 3, [2, 3], [1, 2, 3]],
  instant_evaluations: [1, 3, [2], [1, 2, 3]],
  send_back_ping_pong: [1, 2, [7], [2, 7]],
  self_approved_extensions: [1, 1, [6], [6]],
};
const ids = (ms: { caseId: number }[]) => ms.map((m) => m.caseId).sort((a, b) => a - b);

describe('every KPI over a month built to known counts', () => {
  it('covers every definition and signal', () => {
    expect(Object.keys(expected).sort()).toEqual(KPI_DEFINITIONS.map((d) => d.id).sort());
    expect(Object.keys(signals).sort()).toEqual(SIGNAL_DEFINITIONS.map((d) => d.id).sort());
  });

  it.each(Object.entries(expected))('%s', (id, [num, den, numCases, denCases]) => {
    const f = computeFigure(kpiDefinition(id)!, input, march);
    expect([f.numerator, f.denominator, ids(f.numeratorMembers), ids(f.denominatorMembers)]).toEqual([
      num,
      den,
      numCases,
      denCases,
    ]);
    expect(f.value).toBe(kpiDefinition(id)!.kind === 'count' ? den : den === 0 ? null : num / den);
  });

  it.each(Object.entries(signals))('signal %s', (id, [num, den, numCases, denCases]) => {
    const def = SIGNAL_DEFINITIONS.find((s) => s.id === id)!;
    const f = computeFigure({ ...def, kind: 'rate' }, input, march);
    expect([f.numerator, f.denominator, ids(f.numeratorMembers), ids(f.denominatorMembers)]).toEqual([
      num,
      den,
      numCases,
      denCases,
    ]);
  });

  it('gives the change from February and from March a year earlier', () => {
    const received = figureWithChange(kpiDefinition('received')!, input, march);
    expect([received.previous.value, received.lastYear.value]).toEqual([1, 0]);
    expect(received.periodOnPeriod).toBe(5); // six against one: +500 %
    expect(received.yearOnYear).toBeNull(); // nothing to compare with
    const township = figureWithChange(kpiDefinition('township_or_below')!, input, march);
    expect(township.previous.denominator).toBe(0);
    expect(township.periodOnPeriod).toBeNull();
  });

  it('breaks a figure down by dimension and by child region, and the parts add up', () => {
    const received = kpiDefinition('received')!;
    const byKind = breakdown(received, input, march, 'kind');
    expect([...byKind].map(([k, f]) => [k, f.denominator])).toEqual([
      ['appeal', 1],
      ['dispute', 3],
      ['petition', 2],
    ]);
    const county = UNITS.countyCentre.regionPath;
    const byTownship = breakdown(received, input, march, childRegionOf(county));
    // The two letters sit at the county itself, in no township.
    expect([...byTownship].map(([k, f]) => [k, f.denominator])).toEqual([['320114001', 4]]);
  });
});

describe('figures over any selection of the cases', () => {
  it('count their members exactly, and the child regions add up to the parent', () => {
    const county = UNITS.countyCentre.regionPath;
    fc.assert(
      fc.property(fc.subarray(facts), fc.constantFrom(...KPI_DEFINITIONS), (chosen, def) => {
        const ids = new Set(chosen.map((f) => f.caseId));
        const only = <T extends { caseId: number }>(xs: readonly T[]) => xs.filter((x) => ids.has(x.caseId));
        const sub = {
          ...input,
          facts: chosen,
          stages: only(input.stages),
          cards: only(input.cards),
          extensions: only(input.extensions),
        };
        const whole = computeFigure(def, sub, march);
        expect(whole.denominator).toBe(whole.denominatorMembers.length);
        if (def.kind === 'rate') expect(whole.numerator).toBe(whole.numeratorMembers.length);
        const parts = [...breakdown(def, sub, march, childRegionOf(county)).values()];
        const atCounty = [...breakdown(def, sub, march, (f) => (f.regionPath === county ? 'county' : null)).values()];
        const sum = (k: 'numerator' | 'denominator') => [...parts, ...atCounty].reduce((n, f) => n + f[k], 0);
        expect([sum('numerator'), sum('denominator')]).toEqual([whole.numerator, whole.denominator]);
      }),
    );
  });
});
