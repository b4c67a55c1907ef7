import type { Deps } from '../deps.js';
import { DomainError } from '../../core/errors.js';
import { resolveGridCodes } from '../../core/region/grid-codes.js';
import { readGridFeatures, type FeatureError } from '../../core/region/grid-features.js';
import { systemScope } from '../../storage/db.js';
import { childrenOfMany, existingCodes } from '../../storage/regions.repo.js';
import { newTally, writeInBatches, type ImportTally, type OnProgress } from './write-batches.js';

/** A parsed GeoJSON FeatureCollection of grid boundaries (see core/region/grid-features.ts for its properties). */
export type ImportGridsInput = { geojson: unknown };

// Boundaries are far larger than bare nodes (hundreds of positions each): smaller batches.
const GEOMETRY_BATCH_ROWS = 500;
// Enough messages to fix a file in one go without flooding a terminal.
const MAX_REPORTED_ERRORS = 50;

/**
 * Imports grid polygons below existing villages. The file is taken whole or not at all: every
 * feature is checked first and any bad one fails the import with one message per feature.
 * Idempotent: the same file again matches the same grids and changes nothing.
 */
export async function importGridsGeojson(
  deps: Pick<Deps, 'db' | 'log'>,
  input: ImportGridsInput,
  onProgress?: OnProgress,
): Promise<ImportTally> {
  const read = readGridFeatures(input.geojson);
  if (read.errors[0]?.index === -1) throw invalidFile(read.errors, 0);
  const villages = [...new Set(read.features.map((f) => f.villageCode))];
  const { known, grids } = await deps.db.tx(systemScope, async (trx) => ({
    known: await existingCodes(trx, villages),
    grids: await childrenOfMany(trx, villages),
  }));
  // Shape errors and unknown villages are reported together, in file order, so one run lists all.
  const missing = read.features
    .filter((f) => !known.has(f.villageCode))
    .map((f) => ({
      index: f.index,
      message: `feature ${f.index} ("${f.gridName}"): village ${f.villageCode} is not in the region tree (import its province first)`,
    }));
  const errors = [...read.errors, ...missing].sort((a, b) => a.index - b.index);
  if (errors.length) throw invalidFile(errors, read.features.length + read.errors.length);
  const resolved = resolveGridCodes(read.features, grids);
  if (resolved.errors.length) throw invalidFile(resolved.errors, read.features.length);
  const tally = newTally();
  tally[6].total = resolved.nodes.length;
  await writeInBatches(deps.db, resolved.nodes, tally, onProgress, GEOMETRY_BATCH_ROWS);
  deps.log.info('grid boundaries imported', {
    features: resolved.nodes.length,
    inserted: tally[6].inserted,
    updated: tally[6].updated,
  });
  return tally;
}

function invalidFile(errors: FeatureError[], features: number): DomainError {
  const shown = errors.slice(0, MAX_REPORTED_ERRORS).map((e) => `  ${e.message}`);
  if (errors.length > shown.length) shown.push(`  … and ${errors.length - shown.length} more`);
  const head =
    errors[0]!.index < 0
      ? 'the GeoJSON file is not usable'
      : `${errors.length} of ${features} features are not usable; nothing was imported`;
  return new DomainError('ValidationFailed', `${head}:\n${shown.join('\n')}`, {
    errors: errors.slice(0, MAX_REPORTED_ERRORS),
  });
}
