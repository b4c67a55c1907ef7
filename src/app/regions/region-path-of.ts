import type { Tx } from '../../storage/db.js';
import { regionByCode } from '../../storage/region-tree.repo.js';
import { notFound } from '../../core/errors.js';

/** The materialised path of a region the transaction's scope can see; NotFound otherwise. */
export async function regionPathOf(trx: Tx, code: string): Promise<string> {
  const r = await regionByCode(trx, code);
  if (!r) throw notFound('region', code);
  return r.path;
}
