import type { Deps } from '../app/deps.js';
import type { Log } from '../app/log.js';
import { sweepDeadlines } from '../app/deadlines/sweep-deadlines.js';
import { warnMissingSchedule } from '../app/deadlines/calendar-status.js';
import { deliverOutbox } from './deliver-outbox.js';

/** A job the scheduler runs every intervalMs; runs never overlap. */
export type Job = { name: string; intervalMs: number; run: () => Promise<unknown> };

/**
 * Runs each job at once (so a restart catches up after downtime) and then every interval, each
 * run waiting for the previous one; a failed run is logged and the loop goes on. Safe on several
 * nodes: the jobs claim rows with SKIP LOCKED. stop() waits for runs in flight.
 */
export function startJobs(jobs: readonly Job[], log: Log): { stop(): Promise<void> } {
  let stopped = false;
  const timers = new Set<NodeJS.Timeout>();
  const running = new Set<Promise<void>>();
  const loop = (job: Job) => {
    if (stopped) return;
    const p = job
      .run()
      .then(
        (r) => {
          log.debug(`${job.name} ran`, { result: r as Record<string, unknown> });
        },
        (e: unknown) => {
          log.error(`${job.name} failed`, { error: e instanceof Error ? e.message : String(e) });
        },
      )
      .finally(() => {
        running.delete(p);
        if (stopped) return;
        const t = setTimeout(() => {
          timers.delete(t);
          loop(job);
        }, job.intervalMs);
        t.unref();
        timers.add(t);
      });
    running.add(p);
  };
  for (const job of jobs) if (job.intervalMs > 0) loop(job);
  return {
    stop: async () => {
      stopped = true;
      for (const t of timers) clearTimeout(t);
      await Promise.all([...running]);
    },
  };
}

/**
 * The server's background jobs from config: the deadline sweep with the daily reminder of a missing
 * calendar year beside it (one message a day, however often it runs), and the outbox delivery (0 s disables either).
 */
export function startScheduler(deps: Deps): { stop(): Promise<void> } {
  return startJobs(
    [
      {
        name: 'sweep-deadlines',
        intervalMs: deps.config.sweep.intervalMs,
        run: () => sweepDeadlines(deps, { batchSize: deps.config.sweep.batchSize }),
      },
      { name: 'warn-missing-schedule', intervalMs: deps.config.sweep.intervalMs, run: () => warnMissingSchedule(deps) },
      { name: 'deliver-outbox', intervalMs: deps.config.delivery.intervalMs, run: () => deliverOutbox(deps) },
    ],
    deps.log,
  );
}
