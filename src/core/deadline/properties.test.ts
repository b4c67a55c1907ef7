import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addWorkingDays, isWorkingDay, makeCalendar, workingDaysBetween } from './calendar.js';
import { CARD_COLOURS, type CardColour, cardInstants, cardsDue, DEFAULT_CARD_RULES, nextCardAt } from './cards.js';
import { cst, lastDayCovered } from './cst.js';
import { DEFAULT_POLICY_TABLE } from './default-policies.js';
import { OFFICIAL_2024_2026 } from './official-schedules.fixture.js';
import { dueAfterSuspensions, recountStage, resumeStage, startStage, suspendStage } from './stage-clock.js';
import { advanceBy, measureBetween, workingMsBetween } from './working-time.js';

const cal = makeCalendar(OFFICIAL_2024_2026);
const from = cst('2023-12-01 00:00').getTime();
const to = cst('2026-12-31 00:00').getTime();
const instant = fc.integer({ min: from, max: to }).map((ms) => new Date(ms));
const policy = fc.constantFrom(...DEFAULT_POLICY_TABLE);
const issued = fc.subarray([...CARD_COLOURS] as CardColour[]);
const measure = fc.constantFrom('elapsed' as const, 'working_time' as const);
const DAY = 86_400_000;

/** Suspensions after a start, from alternating gaps: running, suspended, running, suspended, … */
function suspensionsFrom(start: Date, gaps: readonly number[]): { from: Date; to: Date }[] {
  let t = start.getTime();
  const out: { from: Date; to: Date }[] = [];
  for (let i = 0; i + 1 < gaps.length; i += 2) {
    const f = t + gaps[i]!;
    t = f + gaps[i + 1]!;
    out.push({ from: new Date(f), to: new Date(t) });
  }
  return out;
}

describe('properties of the calendar', () => {
  it('addWorkingDays(n ≥ 1) ends a working day after the start, and workingDaysBetween inverts it', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 80 }), (start, n) => {
        const due = addWorkingDays(cal, start, n);
        expect(due.getTime()).toBeGreaterThan(start.getTime());
        expect(isWorkingDay(cal, lastDayCovered(due))).toBe(true);
        expect(workingDaysBetween(cal, start, due)).toBe(n);
        expect(workingDaysBetween(cal, start, new Date(due.getTime() - DAY))).toBe(n - 1);
      }),
    );
  });

  it('working time is additive and advanceBy is its inverse', () => {
    fc.assert(
      fc.property(instant, instant, instant, (a, b, c) => {
        expect(workingMsBetween(cal, a, b) + workingMsBetween(cal, b, c)).toBe(workingMsBetween(cal, a, c));
      }),
    );
    fc.assert(
      fc.property(measure, instant, fc.integer({ min: -20 * DAY, max: 20 * DAY }), (m, a, ms) => {
        expect(measureBetween(cal, m, a, advanceBy(cal, m, a, ms))).toBe(ms);
      }),
    );
  });
});

describe("properties of New Year's Day and provisional counts", () => {
  const year = fc.integer({ min: 2000, max: 2100 });
  const otherDay = fc
    .record({
      y: year,
      d: fc.integer({ min: 1, max: 364 }),
      kind: fc.constantFrom('workday' as const, 'holiday' as const),
    })
    .map(({ y, d, kind }) => ({ date: new Date(Date.UTC(y, 0, 1 + d)).toISOString().slice(0, 10), kind }));

  it('1 January rests in any year under any overrides that do not name it, and no working-day count ends on it', () => {
    fc.assert(
      fc.property(year, fc.array(otherDay, { maxLength: 30 }), fc.integer({ min: 0, max: 30 }), (y, rows, n) => {
        const c = makeCalendar(rows.filter((r) => !r.date.endsWith('-01-01')));
        expect(isWorkingDay(c, `${y}-01-01`)).toBe(false);
        expect(lastDayCovered(addWorkingDays(c, cst(`${y - 1}-12-20 10:00`), n)).endsWith('-01-01')).toBe(false);
      }),
    );
  });

  it('a stage is provisional exactly when it counts days into a year without rows; recounting under its own calendar changes nothing', () => {
    fc.assert(
      fc.property(
        policy,
        instant,
        fc.array(fc.integer({ min: 0, max: 10 * DAY }), { maxLength: 4 }),
        (p, start, gaps) => {
          let s = startStage(p, cal, start);
          const crosses = lastDayCovered(s.due!) > '2026-12-31' || lastDayCovered(start) < '2024-01-01';
          expect(s.provisional).toBe(p.unit !== 'hour' && crosses);
          const intervals = suspensionsFrom(start, gaps);
          for (const { from: f, to: r } of intervals) s = resumeStage(cal, suspendStage(cal, s, f), r, p);
          expect(recountStage(p, cal, s, intervals)).toEqual(s);
        },
      ),
    );
  });
});

describe('properties of stages and cards', () => {
  it('blue ≤ yellow ≤ red, and no card is ever due before its instant', () => {
    fc.assert(
      fc.property(policy, instant, instant, issued, (p, start, now, done) => {
        const stage = startStage(p, cal, start);
        const at = cardInstants({ ...stage, due: stage.due! }, cal, DEFAULT_CARD_RULES);
        expect(at.blue!.getTime()).toBeLessThanOrEqual(at.yellow.getTime());
        expect(at.yellow.getTime()).toBeLessThanOrEqual(at.red!.getTime());
        expect(at.blue!.getTime()).toBeGreaterThan(start.getTime());
        const due = cardsDue(stage, cal, DEFAULT_CARD_RULES, now, done);
        for (const c of CARD_COLOURS) {
          const expected = !done.includes(c) && at[c]!.getTime() <= now.getTime();
          expect(due.includes(c)).toBe(expected);
        }
        const next = nextCardAt(stage, cal, DEFAULT_CARD_RULES, done);
        const pending = CARD_COLOURS.filter((c) => !done.includes(c)).map((c) => at[c]!.getTime());
        expect(next?.getTime() ?? null).toBe(pending.length ? Math.min(...pending) : null);
      }),
    );
  });

  it('a suspension of no length changes nothing; suspend/resume equals the recomputation from intervals', () => {
    fc.assert(
      fc.property(
        policy,
        instant,
        fc.array(fc.integer({ min: 0, max: 10 * DAY }), { minLength: 2, maxLength: 6 }),
        (p, start, gaps) => {
          const first = startStage(p, cal, start);
          expect(resumeStage(cal, suspendStage(cal, first, start), start).due).toEqual(first.due);
          const intervals = suspensionsFrom(start, gaps);
          let s = first;
          for (const { from: f, to: r } of intervals) s = resumeStage(cal, suspendStage(cal, s, f), r);
          expect(dueAfterSuspensions(cal, first.measure, first.due!, intervals)).toEqual(s.due);
          expect(s.due!.getTime()).toBeGreaterThanOrEqual(first.due!.getTime());
        },
      ),
    );
  });
});
