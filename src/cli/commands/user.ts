import type { Command } from 'commander';
import { userInfo } from 'node:os';
import { withDeps } from '../with-deps.js';
import { createUser } from '../../app/users/create-user.js';
import { CreateUserInput } from '../../contract/users.js';
import { operatorActor } from '../../core/auth/actor.js';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

export function registerUser(program: Command): void {
  const user = program.command('user').description('accounts');
  user
    .command('add <username>')
    .description('create an account; the password is read from standard input')
    .requiredOption('--unit <id>', 'the unit id the user belongs to', Number)
    .requiredOption(
      '--roles <roles>',
      'comma-separated: admin, security, auditor, dispatcher, clerk, gridworker, mediator, leader',
    )
    .option('--name <displayName>', 'the name shown in the UI')
    .option('--grid <code>', "a grid worker's grid")
    .action((username: string, opts: { unit: number; roles: string; name?: string; grid?: string }) =>
      withDeps(async (deps) => {
        const password = await readStdin();
        const input = CreateUserInput.parse({
          username,
          displayName: opts.name ?? username,
          unitId: opts.unit,
          gridCode: opts.grid ?? null,
          roles: opts.roles
            .split(',')
            .map((r) => r.trim())
            .filter(Boolean),
          password,
        });
        const ctx = { deps, actor: operatorActor(userInfo().username, ['security']), requestId: null };
        const created = await createUser(ctx, input);
        process.stdout.write(`created user ${created.username} (id ${created.id}) in ${created.unitName}\n`);
      }),
    );
}
