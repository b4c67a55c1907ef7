import type { Command } from 'commander';
import { withDeps } from '../with-deps.js';
import { sweepDeadlines } from '../../app/deadlines/sweep-deadlines.js';
import { deliverMessages } from '../../app/notify/deliver-messages.js';
import { smsFromConfig } from '../../app/notify/sms.js';

/** `civicgrid sweep`: one deadline sweep now (for cron, or after downtime), then one outbox delivery pass unless --no-deliver. */
export function registerSweep(program: Command): void {
  program
    .command('sweep')
    .description(
      'issue every supervision card that is due now (safe beside running servers), then deliver the outbox once',
    )
    .option('--batch <n>', 'stages per transaction', (v) => Number.parseInt(v, 10))
    .option('--no-deliver', 'do not deliver the outbox afterwards')
    .action((opts: { batch?: number; deliver: boolean }) =>
      withDeps(async (deps) => {
        const r = await sweepDeadlines(deps, { batchSize: opts.batch ?? deps.config.sweep.batchSize });
        process.stdout.write(`swept ${r.stages} stages in ${r.batches} batches: ${r.cards} cards issued\n`);
        if (opts.deliver) {
          const d = await deliverMessages(deps, smsFromConfig(deps.config, deps.log));
          process.stdout.write(
            `delivered: ${d.fannedOut} messages fanned out, ${d.sent} sent, ${d.failed} to retry, ${d.dead} dead-lettered\n`,
          );
        }
      }),
    );
}
