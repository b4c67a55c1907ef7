import type { Command } from 'commander';
import { withDeps } from '../with-deps.js';
import { percentProgress } from '../progress.js';
import { rebuildKpiRollup } from '../../app/kpi/rebuild-rollup.js';

/** `civicgrid kpi rebuild [--region CODE]`: recomputes the KPI rollup from the event log, with progress on stderr. */
export function registerKpi(program: Command): void {
  const kpi = program.command('kpi').description('the KPI figures (分析研判)');
  kpi
    .command('rebuild')
    .description(
      'recompute the KPI rollup from the case events, stage clocks, cards and extension requests (safe beside running servers)',
    )
    .option('--region <code>', 'only the cases registered in this region and below (default: every case)')
    .option('--batch <n>', 'cases per transaction', (v) => Number.parseInt(v, 10), 500)
    .action((o: { region?: string; batch: number }) =>
      withDeps(async (deps) => {
        const started = performance.now();
        const r = await rebuildKpiRollup(deps, {
          ...(o.region ? { regionCode: o.region } : {}),
          batchSize: o.batch,
          onProgress: percentProgress('cases'),
        });
        process.stderr.write('\n');
        const s = (performance.now() - started) / 1000;
        process.stdout.write(`rebuilt the KPI rollup of ${r.cases} cases in ${s.toFixed(1)} s\n`);
      }),
    );
}
