import { sql } from 'kysely';
import type { Tx } from './db.js';
import type { CalendarDay, CalendarSource } from '../core/deadline/calendar.js';
import type { CardRules } from '../core/deadline/cards.js';
import type { BacklogRules } from '../core/deadline/backlog.js';
import type { DeadlinePolicy } from '../core/deadline/policy.js';

/** A calendar row as stored: the override plus where it came from. */
export type StoredCalendarDay = CalendarDay & { source: CalendarSource };

/** A 'YYYY-MM-DD' as a date parameter (the column reads back as a Date, so Kysely wants one to compare). */
const day = (date: string) => sql<Date>`${date}::date`;

/** Every calendar override, oldest first (dates as 'YYYY-MM-DD', never through a JS Date: no time zone slips). */
export async function readCalendarDays(trx: Tx, year?: number): Promise<StoredCalendarDay[]> {
  let q = trx.selectFrom('calendar_days').select([sql<string>`date::text`.as('date'), 'kind', 'name', 'source']);
  if (year !== undefined) q = q.where('date', '>=', day(`${year}-01-01`)).where('date', '<=', day(`${year}-12-31`));
  return q.orderBy('date').execute();
}

/**
 * Writes calendar rows. An administrator's row always wins; a seed row is only inserted for a date
 * that was never set, so a re-seed restores nothing an administrator changed or returned to the
 * default rule (such a date keeps an 'admin' row of the rule's kind).
 */
export async function upsertCalendarDays(trx: Tx, days: readonly StoredCalendarDay[], at: Date): Promise<void> {
  for (let i = 0; i < days.length; i += 1000) {
    const chunk = days
      .slice(i, i + 1000)
      .map((d) => ({ date: d.date, kind: d.kind, name: d.name ?? null, source: d.source, updated_at: at }));
    await trx
      .insertInto('calendar_days')
      .values(chunk)
      .onConflict((oc) =>
        oc
          .column('date')
          .doUpdateSet((eb) => ({
            kind: eb.ref('excluded.kind'),
            name: eb.ref('excluded.name'),
            source: eb.ref('excluded.source'),
            updated_at: eb.ref('excluded.updated_at'),
          }))
          .where((eb) => eb('excluded.source', '=', 'admin')),
      )
      .execute();
  }
}

/** A policy row and the jurisdiction that set it ('' = the deployment's top). */
export type StoredPolicy = DeadlinePolicy & { regionPath: string; updatedAt: Date };

/**
 * The policy rows the transaction's scope sees (RLS: its own jurisdiction's and the ones it
 * inherits), as the core's rows ('*' for the stored NULL fallbacks), by region then stage.
 */
export async function readPolicies(trx: Tx): Promise<StoredPolicy[]> {
  const rows = await trx
    .selectFrom('deadline_policies')
    .selectAll()
    .orderBy('region_path')
    .orderBy('stage')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    kind: r.kind ?? '*',
    complexity: r.complexity ?? '*',
    stage: r.stage,
    amount: Number(r.amount),
    unit: r.unit,
    ...(r.max_extension_amount !== null && r.max_extension_unit !== null
      ? { maxExtension: { amount: Number(r.max_extension_amount), unit: r.max_extension_unit } }
      : {}),
    rollToWorkingDay: r.roll_to_working_day,
    ...(r.source ? { source: r.source } : {}),
    regionPath: r.region_path,
    updatedAt: new Date(r.updated_at),
  }));
}

/** Replaces one jurisdiction's policy rows (the caller validated them). Existing stages keep their stored deadlines. */
export async function replacePolicies(
  trx: Tx,
  regionPath: string,
  table: readonly DeadlinePolicy[],
  at: Date,
): Promise<void> {
  await trx.deleteFrom('deadline_policies').where('region_path', '=', regionPath).execute();
  if (table.length === 0) return;
  await trx
    .insertInto('deadline_policies')
    .values(
      table.map((p) => ({
        region_path: regionPath,
        kind: p.kind === '*' ? null : p.kind,
        complexity: p.complexity === '*' ? null : p.complexity,
        stage: p.stage,
        amount: p.amount,
        unit: p.unit,
        max_extension_amount: p.maxExtension?.amount ?? null,
        max_extension_unit: p.maxExtension?.unit ?? null,
        roll_to_working_day: p.rollToWorkingDay ?? true,
        source: p.source ?? null,
        updated_at: at,
      })),
    )
    .execute();
}

/** Whether the top has any policy row (seeding fills it only when empty, so deletions stay deleted). */
export async function hasPolicies(trx: Tx): Promise<boolean> {
  const r = await trx
    .selectFrom('deadline_policies')
    .select('id')
    .where('region_path', '=', '')
    .limit(1)
    .executeTakeFirst();
  return r !== undefined;
}

/** A jurisdiction's card rules and backlog thresholds ('' = the deployment's top). */
export type StoredCardRules = { regionPath: string; cards: CardRules; backlog: BacklogRules; updatedAt: Date };

/** The card-rule rows the transaction's scope sees (its own and the inherited ones), top first. */
export async function readCardRules(trx: Tx): Promise<StoredCardRules[]> {
  const rows = await trx.selectFrom('card_rules').selectAll().orderBy('region_path').execute();
  const n = (x: number | null) => (x === null ? null : Number(x));
  return rows.map((r) => ({
    regionPath: r.region_path,
    cards: {
      blue: { passedFraction: n(r.blue_passed_fraction), workingDaysLeft: n(r.blue_working_days_left) },
      yellow: { overdueMs: Number(r.yellow_overdue_ms) },
      red: { overdueFraction: n(r.red_overdue_fraction), overdueWorkingDays: n(r.red_overdue_working_days) },
    },
    backlog: {
      greenFromDays: r.backlog_green_days,
      yellowFromDays: r.backlog_yellow_days,
      redFromDays: r.backlog_red_days,
      difficultRaise: r.backlog_difficult_raise,
    },
    updatedAt: new Date(r.updated_at),
  }));
}

/** Writes a jurisdiction's row of card rules and backlog thresholds; `onlyIfMissing` for the seed. */
export async function writeCardRules(
  trx: Tx,
  regionPath: string,
  rules: { cards: CardRules; backlog: BacklogRules },
  at: Date,
  onlyIfMissing = false,
): Promise<void> {
  const { cards: c, backlog: b } = rules;
  const row = {
    region_path: regionPath,
    blue_passed_fraction: c.blue.passedFraction,
    blue_working_days_left: c.blue.workingDaysLeft,
    yellow_overdue_ms: c.yellow.overdueMs,
    red_overdue_fraction: c.red.overdueFraction,
    red_overdue_working_days: c.red.overdueWorkingDays,
    backlog_green_days: b.greenFromDays,
    backlog_yellow_days: b.yellowFromDays,
    backlog_red_days: b.redFromDays,
    backlog_difficult_raise: b.difficultRaise,
    updated_at: at,
  };
  await trx
    .insertInto('card_rules')
    .values(row)
    .onConflict((oc) =>
      onlyIfMissing ? oc.column('region_path').doNothing() : oc.column('region_path').doUpdateSet(row),
    )
    .execute();
}

/** Removes a jurisdiction's card rules, so it inherits again; false when it had none. */
export async function deleteCardRules(trx: Tx, regionPath: string): Promise<boolean> {
  const r = await trx.deleteFrom('card_rules').where('region_path', '=', regionPath).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}
