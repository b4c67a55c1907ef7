import type { Ctx } from '../context.js';
import { readAs, writeAs } from '../context.js';
import type { CalendarYear, PutCalendarDayInput, PutCalendarYearInput } from '../../contract/deadlines.js';
import { DomainError } from '../../core/errors.js';
import { isWorkingDayNumber, makeCalendar, ruleKindOf } from '../../core/deadline/calendar.js';
import { dayNumber, isoDateOf, weekdayOf } from '../../core/deadline/cst.js';
import { readCalendarDays, upsertCalendarDays, type StoredCalendarDay } from '../../storage/deadline-reference.repo.js';
import { recountYear } from './recount-stages.js';
import type { Tx } from '../../storage/db.js';
import { requireTop } from '../config/jurisdiction.js';

// Days are CST calendar dates handled as 'YYYY-MM-DD' strings and day numbers: no JS Date, no host time zone.

/** A year of the working-day calendar by month: every day, whether it is worked, and its override. */
export async function getCalendarYear(ctx: Ctx, year: number): Promise<CalendarYear> {
  return readAs(ctx, 'deadline.read', `calendar:${year}`, (trx) => calendarYear(trx, year));
}

/** The calendar year view, read in the caller's transaction. */
async function calendarYear(trx: Tx, year: number): Promise<CalendarYear> {
  const all = await readCalendarDays(trx);
  const cal = makeCalendar(all);
  const byDate = new Map(all.map((d) => [d.date, d]));
  const months: CalendarYear['months'] = [];
  for (let m = 1; m <= 12; m++) {
    const first = dayNumber(`${year}-${String(m).padStart(2, '0')}-01`);
    const next = dayNumber(m === 12 ? `${year + 1}-01-01` : `${year}-${String(m + 1).padStart(2, '0')}-01`);
    const days = [];
    for (let d = first; d < next; d++) {
      const date = isoDateOf(d);
      const o = byDate.get(date);
      days.push({
        date,
        weekday: weekdayOf(d),
        working: isWorkingDayNumber(cal, d),
        name: o?.name ?? null,
        source: o?.source ?? null,
      });
    }
    months.push({ month: m, workingDays: days.filter((x) => x.working).length, days });
  }
  return { year, months };
}

/**
 * An administrator's return of a date to the default rule, kept as a row of the rule's own kind: the
 * date stays set, so a re-seed does not bring back the override it removed (a deleted 端午).
 */
const backToRule = (date: string): StoredCalendarDay => ({
  date,
  kind: ruleKindOf(dayNumber(date)),
  name: null,
  source: 'admin',
});

/**
 * Replaces a year's overrides (a new State Council schedule; the root administrator's); audited. Dates it drops go back to the
 * default rule and stay set (backToRule). The running stages whose counting touches the year are
 * counted again in the same transaction and each moved case's history records it (recountYear).
 */
export async function putCalendarYear(ctx: Ctx, year: number, input: PutCalendarYearInput): Promise<CalendarYear> {
  const outside = input.days.find((d) => !d.date.startsWith(`${year}-`));
  if (outside) throw new DomainError('ValidationFailed', `${outside.date} is not in ${year}`, { field: 'days' });
  return writeAs(ctx, 'deadline.write', 'calendar.replace-year', `calendar:${year}`, async (trx) => {
    requireTop(ctx, 'the calendar');
    const now = ctx.deps.clock.now();
    const named = new Set(input.days.map((d) => d.date));
    const dropped = (await readCalendarDays(trx, year))
      .filter((d) => !named.has(d.date))
      .map((d) => backToRule(d.date));
    await upsertCalendarDays(
      trx,
      [
        ...dropped,
        ...input.days.map(
          (d): StoredCalendarDay => ({ date: d.date, kind: d.kind, name: d.name ?? null, source: 'admin' }),
        ),
      ],
      now,
    );
    const recount = await recountYear(trx, ctx.actor, year, now);
    return { value: await calendarYear(trx, year), details: { days: input.days.length, recount } };
  });
}

/**
 * Sets the override of one date, or returns it to the default rule (kept as set: backToRule); audited.
 * The running stages whose counting touches its year are counted again in the same transaction.
 */
export async function putCalendarDay(
  ctx: Ctx,
  date: string,
  input: PutCalendarDayInput,
): Promise<CalendarYear['months'][number]['days'][number]> {
  if (Number.isNaN(dayNumber(date)) || isoDateOf(dayNumber(date)) !== date)
    throw new DomainError('ValidationFailed', `no such date ${date}`, { field: 'date' });
  return writeAs(ctx, 'deadline.write', 'calendar.set-day', `calendar:${date}`, async (trx) => {
    requireTop(ctx, 'the calendar');
    const now = ctx.deps.clock.now();
    const row: StoredCalendarDay =
      input.kind === 'default'
        ? backToRule(date)
        : { date, kind: input.kind, name: input.name ?? null, source: 'admin' };
    await upsertCalendarDays(trx, [row], now);
    const recount = await recountYear(trx, ctx.actor, Number(date.slice(0, 4)), now);
    const year = await calendarYear(trx, Number(date.slice(0, 4)));
    return {
      value: year.months[Number(date.slice(5, 7)) - 1]!.days[Number(date.slice(8, 10)) - 1]!,
      details: { kind: input.kind, name: input.name ?? null, recount },
    };
  });
}
