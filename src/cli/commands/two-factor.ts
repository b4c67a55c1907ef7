import type { Command } from 'commander';
import { userInfo } from 'node:os';
import { withDeps } from '../with-deps.js';
import { operatorActor } from '../../core/auth/actor.js';
import { resetTwoFactor } from '../../app/auth/reset-two-factor.js';

/** `civicgrid 2fa reset <username>`: the operator at the server resets any account's second factor, the three administrators' included. */
export function registerTwoFactor(program: Command): void {
  program
    .command('2fa')
    .description('staff two-factor sign-in')
    .command('reset <username>')
    .description('remove the account’s second factor and end its sessions; it enrols again at its next sign-in')
    .action((username: string) =>
      withDeps(async (deps) => {
        const ctx = { deps, actor: operatorActor(userInfo().username, ['security']), requestId: null };
        await resetTwoFactor(ctx, username);
        process.stdout.write(`reset the second factor of ${username}; it enrols again at its next sign-in\n`);
      }),
    );
}
