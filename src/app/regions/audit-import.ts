import type { Deps } from '../deps.js';
import { isDomainError } from '../../core/errors.js';
import { levels } from '../../core/region/levels.js';
import { systemScope } from '../../storage/db.js';
import { appendAudit } from '../../storage/audit.repo.js';
import { changedIn, type ImportTally } from './write-batches.js';

/**
 * Runs an import and appends one audit record for the whole run (who, what, counts per level or
 * the failure). One record per run, not per row: a province is 570 k rows, and its batches commit
 * separately, so the record is written after the last batch, in a transaction of its own.
 */
export async function auditedImport(
  deps: Pick<Deps, 'db' | 'clock'>,
  by: string,
  action: string,
  target: string,
  run: () => Promise<ImportTally>,
): Promise<ImportTally> {
  const append = (outcome: 'ok' | 'failed', details: Record<string, unknown>) =>
    deps.db.tx(systemScope, (trx) =>
      appendAudit(trx, {
        at: deps.clock.now(),
        actorId: null,
        actorName: by,
        action,
        target,
        outcome,
        requestId: null,
        details,
      }),
    );
  try {
    const tally = await run();
    const perLevel = Object.fromEntries(
      levels.filter((l) => tally[l.level].total > 0).map((l) => [l.key, tally[l.level]]),
    );
    await append('ok', { changed: changedIn(tally), perLevel });
    return tally;
  } catch (e) {
    const code = isDomainError(e) ? e.code : 'Error';
    await append('failed', { code, message: (e instanceof Error ? e.message : String(e)).slice(0, 2000) }).catch(
      () => undefined,
    );
    throw e;
  }
}
