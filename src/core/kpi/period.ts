// Reporting periods in China Standard Time. A period is half-open, [from, to): an event at `to` belongs
// to the next period, so consecutive periods never count an event twice.
import { DomainError } from '../errors.js';
import { cstDateOf, dayNumber, isoDateOf, type IsoDate, startOfCstDay } from '../deadline/cst.js';

export const PERIOD_KINDS = ['day', 'week', 'month', 'quarter', 'half', 'year'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

/** A reporting period: the instants from `from` up to, not including, `to`; `kind` 'custom' for a chosen range. */
export type Period = { readonly kind: PeriodKind | 'custom'; readonly from: Date; readonly to: Date };

export const within = (p: Period, at: Date): boolean => at >= p.from && at < p.to;

const ymd = (date: IsoDate) => date.split('-').map(Number) as [number, number, number];
const iso = (y: number, m: number, d: number) =>
  `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
/** The first day of the month `months` after (y, m), normalising the year. */
const monthStart = (y: number, m: number, months: number) => {
  const n = y * 12 + (m - 1) + months;
  return iso(Math.floor(n / 12), (n % 12) + 1, 1);
};
const span = (kind: Period['kind'], first: IsoDate, next: IsoDate): Period => ({
  kind,
  from: startOfCstDay(first),
  to: startOfCstDay(next),
});

/** The calendar period of the given kind that contains the CST date (weeks start on Monday, as in China). */
export function periodOf(kind: PeriodKind, date: IsoDate): Period {
  const [y, m] = ymd(date);
  switch (kind) {
    case 'day':
      return span(kind, date, isoDateOf(dayNumber(date) + 1));
    case 'week': {
      // Day 0 (1970-01-01) was a Thursday; Monday-based weekday: (n + 3) mod 7.
      const n = dayNumber(date);
      const monday = n - ((((n + 3) % 7) + 7) % 7);
      return span(kind, isoDateOf(monday), isoDateOf(monday + 7));
    }
    case 'month':
      return span(kind, iso(y, m, 1), monthStart(y, m, 1));
    case 'quarter': {
      const first = m - ((m - 1) % 3);
      return span(kind, iso(y, first, 1), monthStart(y, first, 3));
    }
    case 'half': {
      const first = m <= 6 ? 1 : 7;
      return span(kind, iso(y, first, 1), monthStart(y, first, 6));
    }
    case 'year':
      return span(kind, iso(y, 1, 1), iso(y + 1, 1, 1));
  }
}

/** A custom range of whole CST days, both ends included. */
export function customPeriod(first: IsoDate, last: IsoDate): Period {
  if (dayNumber(last) < dayNumber(first))
    throw new DomainError('ValidationFailed', `the period ends (${last}) before it starts (${first})`, { first, last });
  return span('custom', first, isoDateOf(dayNumber(last) + 1));
}

const firstDate = (p: Period) => cstDateOf(p.from);
/** The last CST day the period covers. */
const lastDate = (p: Period) => cstDateOf(new Date(p.to.getTime() - 1));

/**
 * The period before (环比): the previous calendar period of the same kind; for a custom range, the range
 * of the same number of days that ends where this one starts.
 */
export function previousPeriod(p: Period): Period {
  if (p.kind === 'custom') {
    const first = dayNumber(firstDate(p));
    const days = dayNumber(lastDate(p)) + 1 - first;
    return span('custom', isoDateOf(first - days), isoDateOf(first));
  }
  return periodOf(p.kind, isoDateOf(dayNumber(firstDate(p)) - 1));
}

/** The same period a year earlier (同比): same dates one year back (29 February falls back to the 28th). */
export function samePeriodLastYear(p: Period): Period {
  const back = (date: IsoDate) => {
    const [y, m, d] = ymd(date);
    const leapDay = m === 2 && d === 29;
    return iso(y - 1, m, leapDay ? 28 : d);
  };
  if (p.kind === 'week') return periodOf('week', isoDateOf(dayNumber(firstDate(p)) - 364));
  if (p.kind === 'custom' || p.kind === 'day') {
    const r = customPeriod(back(firstDate(p)), back(lastDate(p)));
    return { ...r, kind: p.kind };
  }
  return periodOf(p.kind, back(firstDate(p)));
}
