// The rollup (issue 12, point 8): what one case contributes to every figure, as rows keyed by CST days,
// so that a figure for any run of whole days is a sum of rows instead of a pass over every case. The
// rows are derived from the catalogue's own `measure`s — there is no second definition of any figure.
//
// Why this is exact. A case's contribution to a figure over the period [a, b) (whole CST days) depends
// only on which of the case's own days — the CST days of its instants: events, stage clocks, cards,
// decisions — fall before a and before b, because every definition compares instants with the period
// through `within` (or with its end). With the case's days d1 < … < dk, let x = #days before a and
// y = #days before b, and C(x, y) the contribution (numerator and denominator). Then
//   C(x, y) = H(y) + Σ_{x < u ≤ y < v} R(u, v)
// where H(y) = C(y, y) is what the case counts in a period holding none of its days (only a state such as
// "open at the end" can), and R is found by differences of C (a Möbius inversion on the run of days the
// period covers). Each R(u, v) ≠ 0 becomes a *flow* row (lo = d_u, hi = d_v, or "never" when v = k + 1):
// counted when a ≤ lo < b ≤ hi. Each H(y) ≠ 0 becomes a *stock* row over the gap between d_y and d_{y+1}:
// counted when lo < b ≤ hi. A figure that counts a case's last resolution in the period gets a row from
// the resolution's day to the next resolution's day; "received" gets one row from its day to "never".
import { cstDateOf, cstDayOfMs, isoDateOf, startOfCstDayMs, type IsoDate } from '../deadline/cst.js';
import type { CaseFacts } from './case-facts.js';
import { figureFromSums, KPI_DEFINITIONS } from './definitions.js';
import type { CardFact, ExtensionFact, Figure, KpiInput, StageFact } from './inputs.js';
import type { KpiDefinition } from './measure-kit.js';
import type { Period } from './period.js';
import { SIGNAL_DEFINITIONS } from './signals.js';

/** The earliest and latest days a row can name: "since ever" and "never". */
export const ROLLUP_DAWN: IsoDate = '1900-01-01';
export const ROLLUP_NEVER: IsoDate = '9999-12-31';

/** Every figure and signal the rollup keeps, by id; signals are rates. */
export const ROLLUP_DEFINITIONS: readonly KpiDefinition[] = [
  ...KPI_DEFINITIONS,
  ...SIGNAL_DEFINITIONS.map((s): KpiDefinition => ({ ...s, kind: 'rate' })),
];

/** The dimensions a rollup row is kept by: the case's own region and attributes, and its last lead unit. */
export type RollupKey = {
  regionPath: string;
  /** The case's current or last lead unit (the query's `unit` filter); 0 before any dispatch. */
  unitId: number;
  categoryCode: string;
  kind: CaseFacts['kind'];
  channel: CaseFacts['channel'];
  complexity: CaseFacts['complexity'];
};

/** One contribution: to figure `kpi`, counted for a period [a, b) when a ≤ lo < b ≤ hi (stock: lo < b ≤ hi). */
export type RollupCell = {
  kpi: string;
  lo: IsoDate;
  hi: IsoDate;
  stock: boolean;
  /** For a mean: the sum of the amounts (handling time in working milliseconds, integral). */
  numerator: number;
  denominator: number;
};

/** What one case's figures are computed from (KpiInput narrowed to the case). */
export type CaseKpiSource = {
  facts: CaseFacts;
  stages: readonly StageFact[];
  cards: readonly CardFact[];
  extensions: readonly ExtensionFact[];
};

/** The instant beyond every stored one: the rollup holds what is known now, whenever that is. */
export const END_OF_TIME = new Date('9999-12-31T00:00:00Z');

/** The key of the case's rows. */
export const rollupKeyOf = (f: CaseFacts): RollupKey => ({
  regionPath: f.regionPath,
  unitId: f.leads.at(-1) ?? 0,
  categoryCode: f.categoryCode,
  kind: f.kind,
  channel: f.channel,
  complexity: f.complexity,
});

function caseDays(c: CaseKpiSource): number[] {
  const f = c.facts;
  const at: (Date | null)[] = [
    f.receivedAt,
    f.firstDispatchedAt,
    f.endedAt,
    f.mergedAt,
    ...f.resolutions.map((r) => r.at),
    ...f.evaluations.map((e) => e.at),
    ...f.sendBacks.map((b) => b.at),
    ...f.escalations,
    ...f.reopenings.map((o) => o.at),
    ...c.stages.flatMap((s) => [s.startAt, s.dueAt, s.completedAt]),
    ...c.cards.map((x) => x.issuedAt),
    ...c.extensions.map((x) => x.decidedAt),
  ];
  const days = new Set(at.flatMap((d) => (d ? [cstDayOfMs(d.getTime())] : [])));
  return [...days].sort((a, b) => a - b);
}

/**
 * The rows one case contributes to every figure and signal, derived by evaluating each definition's
 * measure over the case alone for the periods its days delimit (see the head of this file).
 * `workingMs` gives working milliseconds between two instants: the mean's amounts are stored in them so
 * that sums stay integral and adding and removing a case's rows is exact.
 */
export function caseRollup(c: CaseKpiSource, workingMs: (from: Date, to: Date) => number): RollupCell[] {
  const days = caseDays(c);
  const k = days.length;
  // The first day of gap g (g days of the case lie before it).
  const gapStart = (g: number) => new Date(startOfCstDayMs(g < k ? days[g]! : days[k - 1]! + 1));
  const input: KpiInput = {
    facts: [c.facts],
    stages: c.stages,
    cards: c.cards,
    extensions: c.extensions,
    asOf: END_OF_TIME,
    workingDays: workingMs,
  };
  const cells: RollupCell[] = [];
  for (const def of ROLLUP_DEFINITIONS) {
    // C[x][y] for 0 ≤ x ≤ y ≤ k, as [numerator, denominator].
    const C: [number, number][][] = [];
    for (let x = 0; x <= k; x++) {
      C[x] = [];
      for (let y = x; y <= k; y++) {
        const m = def.measure(input, { kind: 'custom', from: gapStart(x), to: gapStart(y) });
        const num = def.kind === 'mean' ? (m.amounts ?? []).reduce((a, b) => a + b, 0) : m.numerator.length;
        C[x]![y] = [num, m.denominator.length];
      }
    }
    const day = (i: number) => isoDateOf(days[i - 1]!);
    const push = (lo: IsoDate, hi: IsoDate, stock: boolean, [n, d]: [number, number]) => {
      if (n !== 0 || d !== 0) cells.push({ kpi: def.id, lo, hi, stock, numerator: n, denominator: d });
    };
    // Stock rows: H(y) over the gap before day y + 1, consecutive gaps of equal value merged.
    for (let y = 0; y <= k; ) {
      const h = C[y]![y]!;
      let z = y;
      while (z < k && C[z + 1]![z + 1]![0] === h[0] && C[z + 1]![z + 1]![1] === h[1]) z++;
      push(y === 0 ? ROLLUP_DAWN : day(y), z === k ? ROLLUP_NEVER : day(z + 1), true, h);
      y = z + 1;
    }
    // Flow rows: F(x, y) = C(x, y) − H(y); G(u, y) = F(u − 1, y) − F(u, y); R(u, v) = G(u, v − 1) − G(u, v).
    const F = (x: number, y: number, i: 0 | 1) => C[x]![y]![i] - C[y]![y]![i];
    const G = (u: number, y: number, i: 0 | 1) => F(u - 1, y, i) - F(u, y, i);
    for (let u = 1; u <= k; u++)
      for (let v = u + 1; v <= k + 1; v++) {
        const r = (i: 0 | 1) => (v <= k ? G(u, v - 1, i) - G(u, v, i) : G(u, k, i));
        push(day(u), v <= k ? day(v) : ROLLUP_NEVER, false, [r(0), r(1)]);
      }
  }
  return cells;
}

/** Whether a cell counts in the period (whole CST days). */
export function cellCounts(cell: RollupCell, p: Period): boolean {
  const a = cstDateOf(p.from);
  const b = cstDateOf(p.to);
  return cell.lo < b && b <= cell.hi && (cell.stock || a <= cell.lo);
}

/** Working milliseconds per working day: the mean's stored sums divide by it. */
export const WORKING_DAY_MS = 86_400_000;

/**
 * A figure from the rollup's sums for a period: the same value rule as `computeFigure`, without the
 * members (drill-downs list them from the cases). A mean's numerator arrives in working milliseconds.
 */
export function figureFromRollup(def: KpiDefinition, period: Period, numerator: number, denominator: number): Figure {
  return figureFromSums(def, period, def.kind === 'mean' ? numerator / WORKING_DAY_MS : numerator, denominator);
}
