import type { Command } from 'commander';
import { registerMigrate } from './migrate.js';

/** One line per subcommand file; each adds itself to the program. */
export function registerCommands(program: Command): void {
  registerMigrate(program);
}
