import type { Command } from 'commander';
import { userInfo } from 'node:os';
import { withDeps } from '../with-deps.js';
import type { Deps } from '../../app/deps.js';
import type { Ctx } from '../../app/context.js';
import { createUser } from '../../app/users/create-user.js';
import { resetPassword } from '../../app/users/reset-password.js';
import { CreateUserInput, ResetPasswordInput } from '../../contract/users.js';
import { operatorActor } from '../../core/auth/actor.js';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

/** The operator at this machine: the only one who may create or reset the three administrators (三员分立). */
const operatorCtx = (deps: Deps): Ctx => ({
  deps,
  actor: operatorActor(userInfo().username, ['security']),
  requestId: null,
});

export function registerUser(program: Command): void {
  const user = program.command('user').description('accounts');
  user
    .command('add <username>')
    .description(
      'create an account, including the administrator, security officer and auditor (only here); the password is read from standard input',
    )
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
        const created = await createUser(operatorCtx(deps), input);
        process.stdout.write(`created user ${created.username} (id ${created.id}) in ${created.unitName}\n`);
      }),
    );
  user
    .command('reset-password <username>')
    .description(
      "set a new password on any account (the only way for the administrator's, security officer's and auditor's), unlock it and end its sessions; the password is read from standard input",
    )
    .action((username: string) =>
      withDeps(async (deps) => {
        const input = ResetPasswordInput.parse({ username, password: await readStdin() });
        const done = await resetPassword(operatorCtx(deps), input);
        process.stdout.write(`password of ${done.username} (id ${done.id}) reset; its sessions ended\n`);
      }),
    );
}
