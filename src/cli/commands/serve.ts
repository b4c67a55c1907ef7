import type { Command } from 'commander';
import { startServer } from '../../main.js';

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('serve the API and web app (PORT, DATA_DIR or DATABASE_URL from the environment)')
    .action(() => startServer());
}
