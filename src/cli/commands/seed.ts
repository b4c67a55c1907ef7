import type { Command } from 'commander';
import { withDeps } from '../with-deps.js';
import { seedOnFirstStart } from '../../app/seed/seed-on-first-start.js';
import { seedReference } from '../../app/seed/seed-reference.js';
import { systemScope } from '../../storage/db.js';

export function registerSeed(program: Command): void {
  program
    .command('seed')
    .description('load reference data (unit types, categories); on an empty database also the demo county and its accounts')
    .action(() => withDeps(async (deps) => {
      await deps.db.tx(systemScope, (trx) => seedReference(trx));
      const logins = await seedOnFirstStart(deps);
      process.stdout.write(logins ? `seeded the demo county ${deps.config.demoCounty}: ${logins.map((l) => l.username).join(', ')}\n` : 'reference data refreshed; the database already has accounts, so no demo data was added\n');
    }));
}
