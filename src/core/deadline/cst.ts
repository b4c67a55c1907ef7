/**
 * China Standard Time helpers. Every deadline rule counts days as they fall in
 * Beijing time (UTC+8, no daylight saving since 1991), whatever the server's zone.
 * Instants are JavaScript Dates (UTC inside); days are ISO strings 'YYYY-MM-DD'.
 * Nothing here reads the process time zone or the clock.
 */
import { DomainError } from '../errors.js';

/** A calendar day in China Standard Time, 'YYYY-MM-DD'. */
export type IsoDate = string;

/** UTC+8 in milliseconds: China has had one fixed offset and no DST since 1991. */
export const CST_OFFSET_MS = 8 * 3_600_000;
/** One day of 24 hours in milliseconds (CST has no DST, so every day has 24 hours). */
export const DAY_MS = 86_400_000;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Milliseconds since the epoch of a valid Date; throws ValidationFailed on an invalid one. */
export function instantMs(instant: Date): number {
  const ms = instant.getTime();
  if (!Number.isFinite(ms)) throw new DomainError('ValidationFailed', 'invalid instant', { instant: String(instant) });
  return ms;
}

/** Day number (days since 1970-01-01) of an ISO date; throws ValidationFailed if malformed or impossible. */
export function dayNumber(date: IsoDate): number {
  const m = ISO_DATE.exec(date);
  if (!m) throw new DomainError('ValidationFailed', `not a date: ${date}`, { date });
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) {
    throw new DomainError('ValidationFailed', `no such date: ${date}`, { date });
  }
  return ms / DAY_MS;
}

/** ISO date of a day number. */
export function isoDateOf(day: number): IsoDate {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Day number of the CST day on which an instant (in ms) falls. */
export function cstDayOfMs(ms: number): number {
  return Math.floor((ms + CST_OFFSET_MS) / DAY_MS);
}

/** The CST calendar day on which an instant falls, e.g. 2025-01-27T16:00Z → '2025-01-28'. */
export function cstDateOf(instant: Date): IsoDate {
  return isoDateOf(cstDayOfMs(instantMs(instant)));
}

/** Epoch ms of 00:00:00.000 +08:00 on a day number. */
export function startOfCstDayMs(day: number): number {
  return day * DAY_MS - CST_OFFSET_MS;
}

/** 00:00 +08:00 of a CST date, as an instant. */
export function startOfCstDay(date: IsoDate): Date {
  return new Date(startOfCstDayMs(dayNumber(date)));
}

/**
 * 24:00 +08:00 of a CST date (= 00:00 of the next day), as an instant. A day-counted period
 * ends here (民法典第二百零三条：期间的最后一日的截止时间为二十四时); the due instant is
 * exclusive: work done before it is on time, a stage is overdue from it on.
 */
export function endOfCstDay(date: IsoDate): Date {
  return new Date(startOfCstDayMs(dayNumber(date) + 1));
}

/** The last CST day that a due instant still covers: 24:00 of 2025-02-05 → '2025-02-05'. */
export function lastDayCovered(due: Date): IsoDate {
  return isoDateOf(cstDayOfMs(instantMs(due) - 1));
}

/** A due instant as Chinese offices write it: midnight shows as '2025-02-05 24:00', else 'YYYY-MM-DD HH:mm'. */
export function deadlineLabel(due: Date): string {
  const ms = instantMs(due);
  const local = ms + CST_OFFSET_MS;
  if (local % DAY_MS === 0) return `${lastDayCovered(due)} 24:00`;
  return new Date(local).toISOString().slice(0, 16).replace('T', ' ');
}

/** Day of the week of a day number: 0 Sunday … 6 Saturday (1970-01-01 was a Thursday). */
export function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** An instant from a CST wall-clock time, for tests and fixtures: cst('2025-01-27 09:30'). */
export function cst(wall: string): Date {
  const m = /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{3}))?)?)?$/.exec(wall);
  if (!m) throw new DomainError('ValidationFailed', `not a CST wall time: ${wall}`, { wall });
  const [h, mi, s, ms] = [m[2], m[3], m[4], m[5]].map((x) => Number(x ?? 0)) as [number, number, number, number];
  return new Date(startOfCstDayMs(dayNumber(m[1]!)) + ((h * 60 + mi) * 60 + s) * 1000 + ms);
}
