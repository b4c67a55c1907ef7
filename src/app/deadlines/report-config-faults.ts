import { createHash } from 'node:crypto';
import type { Tx } from '../../storage/db.js';
import { cstDayOfMs, instantMs } from '../../core/deadline/cst.js';
import { enqueue } from '../../storage/outbox.repo.js';
import { administratorsOf } from '../../storage/users.repo.js';
import type { BadConfigRow } from './load-policies.js';

/** The outbox topics of configuration faults the sweep meets. */
export const CONFIG_FAULT_TOPICS = { badRow: 'config.invalid', stage: 'sweep.stage_skipped' } as const;

/** A fault's message region: the jurisdiction's path, or none for the top (so no webhook of a county hears of it). */
const regionOf = (path: string) => (path === '' ? null : path);

/**
 * Alerts the administrators of each bad row's jurisdiction, through the outbox in the caller's
 * transaction. Once per row version (the idempotency key holds its updated_at), not once per sweep:
 * the sweep runs every minute and keeps passing over the row until someone corrects it.
 */
export async function reportBadRows(trx: Tx, bad: readonly BadConfigRow[], now: Date): Promise<void> {
  for (const b of bad) {
    await enqueue(
      trx,
      [
        {
          topic: CONFIG_FAULT_TOPICS.badRow,
          idempotencyKey: `config-invalid:${b.table}:${b.regionPath}:${b.updatedAt.getTime()}`,
          payload: {
            table: b.table,
            regionPath: b.regionPath,
            problem: b.problem,
            recipients: await administratorsOf(trx, b.regionPath),
          },
          regionPath: regionOf(b.regionPath),
        },
      ],
      now,
    );
  }
}

/**
 * Alerts the administrators whose card rules the skipped stages were under: one message per
 * jurisdiction and CST day, naming the stages, since a skipped stage is retried every hour.
 */
export async function reportFaults(
  trx: Tx,
  faults: readonly { caseId: number; seq: number; stage: string; rulesOf: string; error: string }[],
  now: Date,
): Promise<void> {
  const byRules = new Map<string, (typeof faults)[number][]>();
  for (const f of faults) byRules.set(f.rulesOf, [...(byRules.get(f.rulesOf) ?? []), f]);
  const day = cstDayOfMs(instantMs(now));
  for (const [rulesOf, list] of byRules) {
    await enqueue(
      trx,
      [
        {
          topic: CONFIG_FAULT_TOPICS.stage,
          idempotencyKey: `sweep-skipped:${rulesOf}:${day}:${digest(list.map((f) => `${f.caseId}/${f.seq}/${f.stage}`))}`,
          payload: {
            regionPath: rulesOf,
            stages: list.map((f) => ({ caseId: f.caseId, seq: f.seq, stage: f.stage })),
            problem: list[0]!.error,
            recipients: await administratorsOf(trx, rulesOf),
          },
          regionPath: regionOf(rulesOf),
        },
      ],
      now,
    );
  }
}

const digest = (keys: readonly string[]) => createHash('sha256').update(keys.join(',')).digest('hex').slice(0, 16);
