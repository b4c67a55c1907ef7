import { readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';

/**
 * What a benchmark module returns and how docs/benchmarks.md shows it. Every figure is the median
 * of several runs per engine; with both engines measured, a ratio column compares them.
 */
export type Engine = 'pglite' | 'postgres';
export type Metric = { name: string; samples: Partial<Record<Engine, number[]>> };
export type BenchResult = {
  /** Section id in docs/benchmarks.md, and the name `npm run bench -- <id>` selects. */
  id: string;
  title: string;
  description: string;
  /** Each metric's samples are durations in milliseconds. */
  metrics: Metric[];
  /** Engines not measured, with the reason (e.g. PostgreSQL unreachable). */
  skipped: Partial<Record<Engine, string>>;
  notes: string[];
};

const engineNames: Record<Engine, string> = { pglite: 'PGlite', postgres: 'PostgreSQL' };

/** The middle value (mean of the middle two for an even count). */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Milliseconds taken by one call of fn, and its result. */
export async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await fn();
  return { ms: performance.now() - start, value };
}

/** Runs fn n times and returns each duration in milliseconds. */
export async function repeat(n: number, fn: () => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push((await timed(fn)).ms);
  return out;
}

/** 33.2 s, 412 ms, 0.84 ms: enough digits to compare, no more. */
export function formatMs(ms: number): string {
  if (ms >= 10_000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  if (ms >= 10) return `${ms.toFixed(0)} ms`;
  return `${ms.toFixed(2)} ms`;
}

/** The 1-minute load average now; taken before a benchmark to show whether the machine was quiet. */
export const loadNow = () => os.loadavg()[0]!;

/**
 * The machine a result was measured on, and how busy it was (load average before the run and
 * over the last 1 / 5 / 15 minutes after it): on a shared machine the figures move with the load.
 */
export function environmentLine(at: Date, loadBefore: number): string {
  const cpu = os.cpus()[0]?.model.trim() ?? 'unknown CPU';
  const after = os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ');
  return `${at.toISOString().slice(0, 16).replace('T', ' ')} UTC · Node ${process.version} · ${os.cpus().length} × ${cpu} · ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB RAM · load average ${loadBefore.toFixed(1)} before, ${after} (1 / 5 / 15 min) after`;
}

/** For a handful of runs (the slow ones), every run's figure, so an outlier shows. */
function spread(xs: readonly number[]): string {
  return xs.length > 1 && xs.length <= 5 ? ` (runs: ${xs.map(formatMs).join(', ')})` : '';
}

/** One benchmark's section: description, table of medians per engine with the ratio, notes. */
export function renderSection(r: BenchResult, at: Date, loadBefore: number): string {
  const measured = (['pglite', 'postgres'] as const).filter((e) => !r.skipped[e]);
  const both = measured.length === 2;
  const head = [
    'what',
    ...measured.map((e) => `${engineNames[e]} (median)`),
    ...(both ? ['PGlite ÷ PostgreSQL'] : []),
    'runs',
  ];
  const rows = r.metrics.map((m) => {
    const med = measured.map((e) => (m.samples[e]?.length ? median(m.samples[e]!) : Number.NaN));
    const cells = measured.map((e, k) => (Number.isNaN(med[k]!) ? '–' : formatMs(med[k]!) + spread(m.samples[e]!)));
    const ratio =
      both && med.every((x) => !Number.isNaN(x) && x > 0) ? [`${(med[0]! / med[1]!).toFixed(2)} ×`] : both ? ['–'] : [];
    const runs = measured.map((e) => m.samples[e]?.length ?? 0).join(' / ');
    return [m.name, ...cells, ...ratio, runs];
  });
  const table = [head, head.map(() => '---'), ...rows].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
  const skipped = Object.entries(r.skipped).map(([e, why]) => `- ${engineNames[e as Engine]} not measured: ${why}`);
  return [
    `## ${r.title}`,
    '',
    r.description,
    '',
    `Measured ${environmentLine(at, loadBefore)}.`,
    '',
    table,
    '',
    ...skipped,
    ...r.notes.map((n) => `- ${n}`),
    '',
  ]
    .join('\n')
    .replace(/\n{3,}/g, '\n\n');
}

const intro = `# Benchmarks

Written by \`npm run bench\` (all) or \`npm run bench -- <name>\` (one); each section is replaced
when its benchmark runs again and the others are kept. Figures are medians of several runs on the
machine named in each section; compare ratios rather than absolute times across machines.
`;

/** Replaces (or appends) one benchmark's section of the docs file, between its markers. */
export async function writeSection(file: string, id: string, markdown: string): Promise<void> {
  const current = await readFile(file, 'utf8').catch(() => intro);
  const start = `<!-- bench:${id} -->`;
  const end = `<!-- /bench:${id} -->`;
  const block = `${start}\n${markdown.trimEnd()}\n${end}`;
  const i = current.indexOf(start);
  const j = current.indexOf(end);
  const next =
    i >= 0 && j > i
      ? current.slice(0, i) + block + current.slice(j + end.length)
      : `${current.trimEnd()}\n\n${block}\n`;
  await writeFile(file, next);
}
