import type { Command } from 'commander';
import { withDeps } from '../with-deps.js';

export function registerMigrate(program: Command): void {
  program
    .command('migrate')
    .description('apply pending database migrations (the server also does this at start)')
    .action(() =>
      withDeps(async () => {
        process.stdout.write('database is up to date\n');
      }),
    );
}
