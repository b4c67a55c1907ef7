import type { Deps } from '../deps.js';
import { systemScope } from '../../storage/db.js';
import { seedReference } from './seed-reference.js';
import { seedDemoOrg } from './seed-demo-org.js';
import { importDemoRegions } from './import-demo-regions.js';

/**
 * On an empty database (no users yet): reference data, the demo county's regions with grids,
 * its units and one account per role. Returns the demo logins, or null when there was data.
 */
export async function seedOnFirstStart(deps: Deps): Promise<{ username: string; role: string }[] | null> {
  const empty = await deps.db.tx(
    systemScope,
    async (trx) => (await trx.selectFrom('users').select('id').limit(1).execute()).length === 0,
  );
  if (!empty) return null;
  deps.log.info('empty database: seeding the demo county', { county: deps.config.demoCounty });
  await deps.db.tx(systemScope, (trx) => seedReference(trx));
  await importDemoRegions(deps, deps.config.demoCounty);
  return seedDemoOrg(deps, deps.config.demoCounty);
}
