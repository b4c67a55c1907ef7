import type { Deps } from '../deps.js';
import { systemScope } from '../../storage/db.js';
import { anyUser } from '../../storage/users.repo.js';
import { refreshReference } from './seed-reference.js';
import { seedDemoOrg } from './seed-demo-org.js';
import { importDemoRegions } from './import-demo-regions.js';

/**
 * On an empty database (no users yet): reference data, the demo county's regions with grids,
 * its units and one account per role. Returns the demo logins, or null when there was data.
 */
export async function seedOnFirstStart(deps: Deps): Promise<{ username: string; role: string }[] | null> {
  if (await deps.db.tx(systemScope, anyUser)) return null;
  deps.log.info('empty database: seeding the demo county', { county: deps.config.demoCounty });
  await refreshReference(deps);
  await importDemoRegions(deps, deps.config.demoCounty);
  return seedDemoOrg(deps, deps.config.demoCounty);
}
