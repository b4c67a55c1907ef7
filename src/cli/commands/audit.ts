import type { Command } from 'commander';
import { withDeps } from '../with-deps.js';
import { verifyAuditChain } from '../../app/audit/verify-audit-chain.js';

export function registerAudit(program: Command): void {
  const audit = program.command('audit').description('the audit log');
  audit
    .command('verify')
    .description('recompute the hash chain and name the first broken record; exit 1 if broken')
    .action(() =>
      withDeps(async (deps) => {
        const r = await verifyAuditChain(deps.db);
        if (r.ok) {
          process.stdout.write(`audit chain intact: ${r.checked} records verified\n`);
          return;
        }
        process.stdout.write(
          `audit chain BROKEN at record ${r.firstBrokenId}: ${r.reason} (${r.checked} records verified before it)\n`,
        );
        process.exitCode = 1;
      }),
    );
}
