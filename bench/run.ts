import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { loadNow, renderSection, writeSection, type BenchResult } from './report.js';

/**
 * `npm run bench [-- name…]`: runs the exported `run()` of every bench/*.ts module (or only the
 * named ones) one after another, so they do not compete for the CPU, and writes each result as
 * its section of docs/benchmarks.md.
 */
const here = path.dirname(fileURLToPath(import.meta.url));
const docs = path.join(here, '..', 'docs', 'benchmarks.md');

type BenchModule = { run?: () => Promise<BenchResult> };

async function main(): Promise<void> {
  const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const names = (await readdir(here))
    .filter((f) => f.endsWith('.ts') && f !== 'run.ts')
    .map((f) => f.slice(0, -3))
    .sort();
  const unknown = wanted.filter((w) => !names.includes(w));
  if (unknown.length) throw new Error(`no benchmark named ${unknown.join(', ')}; there are: ${names.join(', ')}`);
  let ran = 0;
  for (const name of wanted.length ? wanted : names) {
    const mod = (await import(pathToFileURL(path.join(here, `${name}.ts`)).href)) as BenchModule;
    if (typeof mod.run !== 'function') continue; // a helper such as report.ts
    process.stderr.write(`bench ${name}…\n`);
    const at = new Date();
    const loadBefore = loadNow();
    const result = await mod.run();
    await writeSection(docs, result.id, renderSection(result, at, loadBefore));
    process.stderr.write(`bench ${name}: written to ${path.relative(process.cwd(), docs)}\n`);
    ran++;
  }
  if (ran === 0) process.stderr.write('no benchmarks found\n');
}

main().catch((e: unknown) => {
  process.stderr.write(`bench failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
