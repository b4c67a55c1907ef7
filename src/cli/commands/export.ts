import { writeFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import type { Command } from 'commander';
import { exportKpiEvents } from '../../app/kpi/export-events.js';
import { operatorActor } from '../../core/auth/actor.js';
import { ExportQuery } from '../../contract/kpi.js';
import { withDeps } from '../with-deps.js';

type Options = { region?: string; period?: string; date?: string; from?: string; to?: string; format?: string };

/**
 * `civicgrid export events`: the export GET /api/kpi/events gives, for the operator at the server (the
 * whole deployment, or one region), to a file or standard output; audited like the API's.
 */
export function registerExport(program: Command): void {
  const cmd = program.command('export').description('export what the figures are computed from');
  cmd
    .command('events')
    .description("a region's case events, stage clocks, cards and extension requests for a period (docs/kpi.md)")
    .option('--region <code>', 'region code (default: the whole deployment)')
    .option('--period <kind>', 'day, week, month, quarter, half_year, year or custom', 'month')
    .option('--date <YYYY-MM-DD>', 'a day inside the period (default: today, CST)')
    .option('--from <YYYY-MM-DD>', 'custom: the first day')
    .option('--to <YYYY-MM-DD>', 'custom: the last day (included)')
    .option('--format <format>', 'ndjson or csv', 'ndjson')
    .option('--out <file>', 'write to this file instead of standard output')
    .addHelpText('after', '\nRecompute every figure from it: node scripts/kpi-recompute.mjs FILE.ndjson')
    .action((o: Options & { out?: string }) =>
      withDeps(async (deps) => {
        const { out, ...fields } = o;
        const query = ExportQuery.parse(fields);
        const ctx = { deps, actor: operatorActor(userInfo().username, ['leader']), requestId: null };
        const text = await exportKpiEvents(ctx, query);
        if (!out) {
          process.stdout.write(text);
          return;
        }
        await writeFile(out, text);
        process.stderr.write(`wrote ${text.length} characters to ${out}\n`);
      }),
    );
}
