import { warningsFor } from '../../core/assessment/warnings.js';
import { DomainError } from '../../core/errors.js';
import { previousPeriod } from '../../core/kpi/period.js';
import type { RunSchemeInput, SchemeScores } from '../../contract/assessment.js';
import { findRun, insertRun, markVersionUsed } from '../../storage/assessment.repo.js';
import { leadersAt } from '../../storage/cards.repo.js';
import { enqueue } from '../../storage/outbox.repo.js';
import { type Ctx, readAs, writeAs } from '../context.js';
import { checkYear, periodOfRequest, scoreScheme, scoresView } from './scheme-scores.js';
import { loadScheme } from './schemes.js';

/**
 * Stores a period's scores under one version of the scheme (a leader of the jurisdiction), freezes that
 * version, and raises the scheme's early warnings: a region below the threshold, or fallen by more than
 * the set drop since the period before (scored under the same version, so the two compare). Each warning
 * goes through the outbox to the leaders of the region and of the level above (the scheme's owner).
 */
export async function runScheme(ctx: Ctx, id: number, input: RunSchemeInput): Promise<SchemeScores> {
  const period = periodOfRequest(ctx, input);
  const { scheme, version, definition } = await readAs(ctx, 'assessment.run', `scheme:${id}`, (trx) =>
    loadScheme(ctx, trx, id, input.version),
  );
  checkYear(scheme, period);
  const now = await scoreScheme(ctx, scheme, definition, period);
  const before = await scoreScheme(ctx, scheme, definition, previousPeriod(period));
  const warnings = warningsFor(definition.warning, now.scores, new Map(before.scores.map((s) => [s.region, s.index])));
  const regions = new Map(now.regions.map((r) => [r.code, r]));
  return writeAs(ctx, 'assessment.run', 'scheme.run', `scheme:${id}`, async (trx) => {
    // What was scored must still be what the version says (an unused version may have been rewritten).
    const current = await loadScheme(ctx, trx, id, version);
    if (JSON.stringify(current.definition) !== JSON.stringify(definition))
      throw new DomainError('Conflict', 'the scheme changed while it was being scored: run it again');
    const stored = await findRun(trx, { schemeId: id, periodKind: input.period, from: period.from });
    if (stored)
      throw new DomainError('Conflict', `the scores of this period are stored (version ${stored.version})`, {
        version: stored.version,
      });
    const at = ctx.deps.clock.now();
    const { runId, warningIds } = await insertRun(trx, {
      schemeId: id,
      version,
      regionPath: scheme.regionPath,
      periodKind: input.period,
      from: period.from,
      to: period.to,
      at,
      by: ctx.actor.username,
      scores: now.scores.map((s) => ({ ...s, path: regions.get(s.region)!.path })),
      warnings: warnings.map((w) => ({ ...w, path: regions.get(w.region)!.path })),
    });
    await markVersionUsed(trx, id, version, at);
    const leaders = await leadersAt(trx, [scheme.regionPath, ...warnings.map((w) => regions.get(w.region)!.path)]);
    await enqueue(
      trx,
      warnings.map((w, i) => {
        const region = regions.get(w.region)!;
        return {
          topic: 'assessment.warning',
          idempotencyKey: `assessment-warning:${warningIds[i]}`,
          payload: {
            warningId: warningIds[i],
            runId,
            schemeId: id,
            schemeName: scheme.name,
            version,
            period: { kind: period.kind, from: period.from.toISOString(), to: period.to.toISOString() },
            regionCode: w.region,
            regionName: region.name,
            reason: w.reason,
            index: w.index,
            previous: w.previous,
            limit: w.limit,
            // The region's own leaders and those of the level above: the scheme's owner.
            recipients: leaders
              .filter((l) => l.regionPath === region.path || l.regionPath === scheme.regionPath)
              .map((l) => l.userId),
          },
          regionPath: region.path,
        };
      }),
      at,
    );
    return {
      value: scoresView(
        scheme,
        definition,
        { version, period, stored: true, computedAt: at, names: new Map(now.regions.map((r) => [r.code, r.name])) },
        now.scores,
        warnings,
      ),
      details: { version, period: period.kind, from: period.from.toISOString(), warnings: warnings.length },
      regionPath: scheme.regionPath,
    };
  });
}
