import { covers } from '../../core/auth/actor.js';
import { parseIndicatorCsv } from '../../core/assessment/indicator-csv.js';
import { periodOf } from '../../core/kpi/period.js';
import type { ImportIndicatorsInput, ImportReport } from '../../contract/assessment.js';
import { upsertIndicatorValues } from '../../storage/assessment.repo.js';
import { regionsByCodes } from '../../storage/region-tree.repo.js';
import { type Ctx, writeAs } from '../context.js';

/**
 * Imports aggregate figures from another system (administrator; the CLI's `import indicators` as the
 * operator): every good line of the file is stored — replacing the figure of the same indicator, region
 * and period — and every other line is reported with its number and reason. A region outside the
 * caller's jurisdiction is reported exactly as one that does not exist.
 */
export async function importIndicators(ctx: Ctx, input: ImportIndicatorsInput): Promise<ImportReport> {
  const { rows, rejected } = parseIndicatorCsv(input.csv);
  return writeAs(ctx, 'assessment.write', 'indicators.import', 'indicator_values', async (trx) => {
    const regions = new Map(
      (await regionsByCodes(trx, [...new Set(rows.map((r) => r.region))]))
        .filter((r) => covers(ctx.actor, r.path))
        .map((r) => [r.code, r]),
    );
    const report: ImportReport['rows'] = rejected.map((r) => ({
      line: r.line,
      status: 'rejected',
      message: r.message,
    }));
    const good = rows.filter((r) => {
      if (regions.has(r.region)) return true;
      report.push({ line: r.line, status: 'rejected', message: `no region ${r.region} in your jurisdiction` });
      return false;
    });
    const at = ctx.deps.clock.now();
    await upsertIndicatorValues(
      trx,
      good.map((r) => ({
        indicator: r.indicator,
        regionCode: r.region,
        regionPath: regions.get(r.region)!.path,
        periodKind: r.period,
        from: periodOf(r.period, r.date).from,
        value: r.value,
        source: input.source,
        at,
      })),
    );
    for (const r of good) report.push({ line: r.line, status: 'imported', message: null });
    report.sort((a, b) => a.line - b.line);
    const value = { imported: good.length, rejected: report.length - good.length, rows: report };
    return {
      value,
      details: { source: input.source, imported: value.imported, rejected: value.rejected },
    };
  });
}
