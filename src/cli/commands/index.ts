import type { Command } from 'commander';
import { registerMigrate } from './migrate.js';
import { registerServe } from './serve.js';
import { registerAudit } from './audit.js';
import { registerUser } from './user.js';
import { registerSeed } from './seed.js';
import { registerImport } from './import.js';
import { registerSweep } from './sweep.js';
import { registerKeys } from './keys.js';
import { registerTwoFactor } from './two-factor.js';
import { registerExport } from './export.js';
import { registerKpi } from './kpi.js';

/** One line per subcommand file; each adds itself to the program. */
export function registerCommands(program: Command): void {
  registerServe(program);
  registerMigrate(program);
  registerSeed(program);
  registerUser(program);
  registerAudit(program);
  registerImport(program);
  registerSweep(program);
  registerKeys(program);
  registerTwoFactor(program);
  registerExport(program);
  registerKpi(program);
}
