import type { Command } from 'commander';
import { randomInt } from 'node:crypto';
import { withDeps } from '../with-deps.js';
import { percentProgress } from '../progress.js';
import { seedOnFirstStart } from '../../app/seed/seed-on-first-start.js';
import { refreshReference } from '../../app/seed/seed-reference.js';
import { seedDemoCases } from '../../app/seed/seed-demo-cases.js';
import { generateCases, type GenerateCasesResult } from '../../app/seed/generate-cases.js';
import { DomainError } from '../../core/errors.js';

type SeedOptions = { cases?: number; days: number; region?: string; seed?: number };

const whole = (name: string, min: number, max: number) => (v: string) => {
  const n = Number(v);
  if (!/^\d+$/.test(v) || n < min || n > max)
    throw new DomainError('ValidationFailed', `--${name} must be a whole number from ${min} to ${max}, not '${v}'`);
  return n;
};

/** `civicgrid seed`: reference data, the demo county on an empty database, and generated cases with --cases. */
export function registerSeed(program: Command): void {
  program
    .command('seed')
    .description(
      'load reference data (unit types, categories); on an empty database also the demo county and its accounts; with --cases, generate cases',
    )
    .option(
      '--cases <n>',
      'generate N cases by driving the real intake and handling use cases under a simulated clock',
      whole('cases', 0, 1_000_000),
    )
    .option('--days <d>', 'spread them over the last D days', whole('days', 1, 3650), 30)
    .option('--region <code>', 'in this county or a region below it (default: the demo county)')
    .option(
      '--seed <s>',
      'random seed; the same seed gives the same cases (default: a random one, printed)',
      whole('seed', 0, 2 ** 32 - 1),
    )
    .addHelpText(
      'after',
      '\nA fresh demo county also gets CIVICGRID_DEMO_CASES cases (default 250) unless --cases says otherwise.\nRunning again with the same --seed finds the cases it made and skips them. Progress goes to stderr.',
    )
    .action((o: SeedOptions) =>
      withDeps(async (deps) => {
        await refreshReference(deps);
        const logins = await seedOnFirstStart(deps);
        process.stdout.write(
          logins
            ? `seeded the demo county ${deps.config.demoCounty}: ${logins.map((l) => l.username).join(', ')}\n`
            : 'reference data refreshed; the database already has accounts, so no demo data was added\n',
        );
        if (o.cases === undefined) {
          if (logins) report(await seedDemoCases(deps));
          return;
        }
        const seed = o.seed ?? randomInt(0, 2 ** 32 - 1);
        process.stderr.write(`generating ${o.cases} cases over ${o.days} days (seed ${seed})\n`);
        const started = performance.now();
        const result = await generateCases(deps, {
          count: o.cases,
          days: o.days,
          seed,
          ...(o.region ? { regionCode: o.region } : {}),
          onProgress: percentProgress('cases'),
        });
        process.stderr.write('\n');
        report(result, performance.now() - started);
      }),
    );
}

function report(r: GenerateCasesResult | null, ms?: number): void {
  if (!r) return;
  const rate = ms ? `, ${(r.submitted / (ms / 1000)).toFixed(1)} cases/s` : '';
  const actions = Object.entries(r.byAction)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
  process.stdout.write(
    `generated ${r.submitted} cases (${r.skipped} already there) with ${r.actions} actions from ${r.from.toISOString()} to ${r.to.toISOString()}${rate}\n  ${actions}\n`,
  );
  if (r.failures.length > 0)
    process.stdout.write(
      `  ${r.failures.length} steps were refused, e.g. ${r.failures[0]!.action}: ${r.failures[0]!.message}\n`,
    );
}
