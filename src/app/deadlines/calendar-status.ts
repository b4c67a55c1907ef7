import type { Ctx } from '../context.js';
import { readAs } from '../context.js';
import type { Deps } from '../deps.js';
import type { CalendarStatus } from '../../contract/deadlines.js';
import { makeCalendar, missingScheduleYear } from '../../core/deadline/calendar.js';
import { cstDateOf } from '../../core/deadline/cst.js';
import { systemScope, type Tx } from '../../storage/db.js';
import { readCalendarDays } from '../../storage/deadline-reference.repo.js';
import { enqueue } from '../../storage/outbox.repo.js';
import { enabledWithRole } from '../../storage/users.repo.js';

/** Whether a year's holiday schedule is missing and should be entered (the calendar page's and the workbench's banner). */
export async function getCalendarStatus(ctx: Ctx): Promise<CalendarStatus> {
  return readAs(ctx, 'deadline.read', 'calendar:status', (trx) => calendarStatus(trx, ctx.deps.clock.now()));
}

async function calendarStatus(trx: Tx, now: Date): Promise<CalendarStatus> {
  return { today: cstDateOf(now), missingYear: missingScheduleYear(makeCalendar(await readCalendarDays(trx)), now) };
}

/**
 * Reminds the administrators, once a CST day, that a year's schedule is missing (from 1 October for
 * next year): one outbox message to their inboxes, keyed by year and day, so every run of the day
 * after the first (on any node) writes nothing. Run by the scheduler beside the deadline sweep.
 */
export async function warnMissingSchedule(
  deps: Pick<Deps, 'db' | 'clock'>,
): Promise<{ missingYear: number | null; sent: number }> {
  const now = deps.clock.now();
  return deps.db.tx(systemScope, async (trx) => {
    const { today, missingYear } = await calendarStatus(trx, now);
    if (missingYear === null) return { missingYear, sent: 0 };
    const recipients = await enabledWithRole(trx, 'admin');
    const sent = await enqueue(
      trx,
      [
        {
          topic: 'calendar.schedule_missing',
          idempotencyKey: `calendar.schedule_missing:${missingYear}:${today}`,
          payload: { year: missingYear, day: today, recipients },
          // The calendar is the whole deployment's: no region, so it reaches inboxes only.
          regionPath: null,
        },
      ],
      now,
    );
    return { missingYear, sent };
  });
}
