import type { Deps } from '../deps.js';
import type { PublicCaseView, TrackInput } from '../../contract/public.js';
import { systemScope } from '../../storage/db.js';
import type { PublicGuards } from './public-guards.js';
import { findResidentCase } from './resident-lookup.js';
import { publicView } from './public-view.js';

/** A resident tracks their case with its code and the last four digits of their phone (查询). */
export async function trackCase(
  deps: Deps,
  guards: PublicGuards,
  ip: string,
  input: TrackInput,
): Promise<PublicCaseView> {
  const row = await findResidentCase(deps, guards, ip, input);
  return deps.db.tx(systemScope, (trx) => publicView(trx, row, deps.clock.now()));
}
