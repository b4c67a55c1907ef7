import { Command } from 'commander';
import { registerCommands } from './commands/index.js';
import { exitCodeFor, messageFor } from './error-map.js';

/** The `civicgrid` command. Each subcommand lives in ./commands and calls the same use cases as HTTP. */
const program = new Command('civicgrid')
  .description('civicgrid: grid-based social governance platform')
  .showHelpAfterError();

registerCommands(program);

program.parseAsync(process.argv).catch((e: unknown) => {
  process.stderr.write(`civicgrid: ${messageFor(e)}\n`);
  process.exit(exitCodeFor(e));
});
