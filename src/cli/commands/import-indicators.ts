import type { Command } from 'commander';
import { readFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { importIndicators } from '../../app/assessment/import-indicators.js';
import { operatorActor } from '../../core/auth/actor.js';
import { INDICATOR_CSV_COLUMNS } from '../../core/assessment/indicator-csv.js';
import { DomainError } from '../../core/errors.js';
import { withDeps } from '../with-deps.js';

/** `civicgrid import indicators FILE.csv`: aggregate figures from other systems, reported line by line. */
export function registerImportIndicators(cmd: Command): void {
  cmd
    .command('indicators <file>')
    .description(
      'import aggregate figures per region and period (e.g. crimes per 10,000 residents) for assessment schemes',
    )
    .option('--source <name>', 'the system the figures come from', 'import')
    .addHelpText(
      'after',
      `
The file is CSV with the header ${INDICATOR_CSV_COLUMNS.join(',')} and one figure a line:
  crime_per_10k,320114001,month,2026-03-01,1.8
period is day, week, month, quarter, half or year; date is any day inside it. Numbers only: a file with
any other column is refused. A figure already stored for the indicator, region and period is replaced.
Every line is reported (imported, or refused with the reason); the exit code is 1 when any was refused.`,
    )
    .action((file: string, o: { source: string }) =>
      withDeps(async (deps) => {
        const csv = await readFile(file, 'utf8').catch((e: NodeJS.ErrnoException) => {
          throw new DomainError(
            e.code === 'ENOENT' ? 'NotFound' : 'ValidationFailed',
            `cannot read ${file}: ${e.message}`,
          );
        });
        const ctx = { deps, actor: operatorActor(userInfo().username, ['admin']), requestId: null };
        const report = await importIndicators(ctx, { csv, source: o.source });
        for (const r of report.rows)
          process.stdout.write(`line ${String(r.line).padStart(5)}  ${r.status}${r.message ? `  ${r.message}` : ''}\n`);
        process.stdout.write(`${report.imported} imported, ${report.rejected} refused\n`);
        if (report.rejected > 0) process.exitCode = 1;
      }),
    );
}
