import { loadPolicies } from '../src/app/deadlines/load-policies.js';
import { kpiBreakdown } from '../src/app/kpi/kpi-breakdown.js';
import { kpiFigures } from '../src/app/kpi/kpi-figures.js';
import { refreshKpiRollup } from '../src/app/kpi/maintain-rollup.js';
import { submitCase } from '../src/app/cases/submit-case.js';
import { generateCases } from '../src/app/seed/generate-cases.js';
import { seedOnFirstStart } from '../src/app/seed/seed-on-first-start.js';
import type { Ctx } from '../src/app/context.js';
import type { Actor } from '../src/core/auth/actor.js';
import { manualClock } from '../src/core/clock.js';
import type { KpiQuery } from '../src/contract/kpi.js';
import { regionScope, systemScope } from '../src/storage/db.js';
import { storeCaseRollups } from '../src/storage/kpi-rollup.repo.js';
import { userActor } from '../src/storage/users.repo.js';
import { testDeps } from '../test/test-deps.js';
import { openBenchDb, postgresUnavailable } from './bench-db.js';
import { formatMs, median, timed, type BenchResult, type Metric } from './report.js';

/**
 * The dashboard's figures at province scale, read from the rollup, and what keeping the rollup costs
 * intake. BENCH_KPI_CASES cases (10,000,000 by default) are written straight into the rollup with
 * INSERT … SELECT generate_series: each a copy of one case of a generated demo history (its own rows,
 * as the use cases kept them), moved to a grid of a synthetic province and a day of the year. Then
 * the dashboard's requests (figures with their changes, the breakdown by child region and by category)
 * as a county leader and as the province leader, BENCH_KPI_RUNS times each. Intake: BENCH_KPI_INTAKES
 * cases filed through the use case, and the rollup's share of each (its refresh timed on its own).
 */
const CASES = Number(process.env.BENCH_KPI_CASES ?? 10_000_000);
const RUNS = Number(process.env.BENCH_KPI_RUNS ?? 41);
const INTAKES = Number(process.env.BENCH_KPI_INTAKES ?? 200);
const TEMPLATES = Number(process.env.BENCH_KPI_TEMPLATES ?? 150);
const CHUNK = 250_000;
const NOW = new Date('2026-12-20T04:00:00Z');
/** Synthetic province: 13 cities × 8 counties × 15 townships × 15 villages × 5 grids. */
const TREE = { cities: 13, counties: 8, townships: 15, villages: 15, grids: 5 };
const GRIDS = TREE.cities * TREE.counties * TREE.townships * TREE.villages * TREE.grids;

const fmt = (n: number) => n.toLocaleString('en-US');
const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(p * xs.length) - 1)]!;

/** The synthetic regions (levels 2–4; villages and grids live only in the rollup's paths) and the rollup rows. */
async function fill(db: Awaited<ReturnType<typeof openBenchDb>>['db']): Promise<void> {
  const { cities, counties, townships, villages, grids } = TREE;
  await db.asOwner(`
    INSERT INTO regions (code, parent_code, level, name, path)
    SELECT c, '32', 2, '市' || c, '32/' || c || '/' FROM (SELECT '32' || lpad((i + 2)::text, 2, '0') c FROM generate_series(1, ${cities}) i) x;
    INSERT INTO regions (code, parent_code, level, name, path)
    SELECT c || k, c, 3, '县' || c || k, '32/' || c || '/' || c || k || '/'
    FROM (SELECT '32' || lpad((i + 2)::text, 2, '0') c FROM generate_series(1, ${cities}) i) x,
      (SELECT lpad(j::text, 2, '0') k FROM generate_series(1, ${counties}) j) y;
    INSERT INTO regions (code, parent_code, level, name, path)
    SELECT r.code || lpad(t::text, 3, '0'), r.code, 4, '镇' || r.code || t, r.path || r.code || lpad(t::text, 3, '0') || '/'
    FROM regions r, generate_series(1, ${townships}) t WHERE r.level = 3 AND r.code NOT LIKE '3201%';
    -- One template per case of the demo history: its cells with days relative to its receipt.
    CREATE TABLE bench_templates AS
    SELECT row_number() OVER (ORDER BY case_id) - 1 AS idx, key, cells,
      (SELECT min((c ->> 'lo')::int) FROM jsonb_array_elements(cells) c WHERE c ->> 'kpi' = 'received') AS base
    FROM kpi_case_rollup;`);
  const start = Math.floor(NOW.getTime() / 86_400_000) - 365;
  for (let from = 1; from <= CASES; from += CHUNK) {
    const to = Math.min(CASES, from + CHUNK - 1);
    const t0 = performance.now();
    await db.asOwner(`
      INSERT INTO kpi_rollup AS r (region_path, unit_id, category_code, kind, channel, complexity, kpi, lo, hi, stock,
        numerator, denominator)
      SELECT g.path, 100000 + g.county * 20 + ((t.key ->> 'unitId')::bigint % 20), t.key ->> 'categoryCode',
        t.key ->> 'kind', t.key ->> 'channel', t.key ->> 'complexity', c.kpi,
        CASE WHEN c.lo < -20000 THEN c.lo ELSE c.lo - t.base + g.day END,
        CASE WHEN c.hi > 2900000 THEN c.hi ELSE c.hi - t.base + g.day END, c.stock, sum(c.n), sum(c.d)
      FROM (
        SELECT i, ${start} + (i - 1) * 365 / ${CASES} AS day, gi / ${counties * townships * villages * grids} * ${counties} + gi / ${townships * villages * grids} % ${counties} AS county,
          '32/' || ci || '/' || ci || co || '/' || ci || co || tw || '/' || ci || co || tw || vi || '/' || ci || co || tw || vi || gr || '/' AS path
        FROM (SELECT i, (i * 7919) % ${GRIDS} AS gi FROM generate_series(${from}::bigint, ${to}::bigint) i) s,
          LATERAL (SELECT '32' || lpad((gi / ${counties * townships * villages * grids} + 3)::text, 2, '0') AS ci,
            lpad((gi / ${townships * villages * grids} % ${counties} + 1)::text, 2, '0') AS co,
            lpad((gi / ${villages * grids} % ${townships} + 1)::text, 3, '0') AS tw,
            lpad((gi / ${grids} % ${villages} + 1)::text, 3, '0') AS vi,
            lpad((gi % ${grids} + 1)::text, 3, '0') AS gr) p
      ) g
      -- Cases arrive in day order, as they do: the table's rows lie roughly by day, as in production.
      JOIN bench_templates t ON t.idx = g.i % (SELECT count(*) FROM bench_templates),
      jsonb_to_recordset(t.cells) AS c (kpi text, lo integer, hi integer, stock boolean, n bigint, d bigint)
      GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10
      ON CONFLICT (kpi, lo, region_path, unit_id, category_code, kind, channel, complexity, hi, stock)
      DO UPDATE SET numerator = r.numerator + excluded.numerator, denominator = r.denominator + excluded.denominator;`);
    process.stderr.write(`  rollup of cases ${fmt(from)}–${fmt(to)} in ${formatMs(performance.now() - t0)}\n`);
  }
  await db.asOwner('DROP TABLE bench_templates; ANALYZE kpi_rollup;');
}

const leaderAt = (scopePath: string, level: number): Actor => ({
  userId: 1,
  username: 'bench-leader',
  displayName: 'bench',
  unitId: 1,
  unitLevel: level,
  unitRegionCode: scopePath.split('/').filter(Boolean).at(-1)!,
  roles: ['leader'],
  scopePath,
});

/** The dashboard's first screen: the figures with their changes, the township (or city) bars, the category mix. */
const dashboard: Record<string, (ctx: Ctx, q: KpiQuery) => Promise<unknown>> = {
  figures: (ctx: Ctx, q: KpiQuery) => kpiFigures(ctx, q),
  'by child region': (ctx: Ctx, q: KpiQuery) => kpiBreakdown(ctx, 'received', { ...q, by: 'region' }),
  'by category': (ctx: Ctx, q: KpiQuery) => kpiBreakdown(ctx, 'satisfaction', { ...q, by: 'categoryCode' }),
};

export async function run(): Promise<BenchResult> {
  const metrics: Metric[] = [];
  const notes: string[] = [];
  const skipped: BenchResult['skipped'] = {
    pglite: 'a province is a PostgreSQL deployment; PGlite serves one county (the rollup tests run on it)',
  };
  const pgDown = await postgresUnavailable();
  if (pgDown) skipped.postgres = pgDown;
  else {
    const b = await openBenchDb('postgres');
    try {
      const clock = manualClock(new Date(NOW.getTime() - 400 * 86_400_000));
      const deps = testDeps(b.db, { clock });
      await seedOnFirstStart(deps);
      clock.set(NOW);
      const g = await timed(() => generateCases(deps, { count: TEMPLATES, days: 60, seed: 20261220 }));
      process.stderr.write(`  demo history: ${g.value.submitted} cases in ${formatMs(g.ms)}\n`);
      metrics.push(...(await intake(deps)));
      const filled = await timed(() => fill(b.db));
      const rows = await b.db.tx(systemScope, (trx) =>
        trx
          .selectFrom('kpi_rollup')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow(),
      );
      process.stderr.write(`  ${fmt(Number(rows.n))} rollup rows in ${formatMs(filled.ms)}\n`);
      const county = '32/3203/320301/';
      const q: KpiQuery = { period: 'month', date: '2026-11-15' } as KpiQuery;
      for (const [who, actor, region] of [
        ['county leader (320301, 1/104 of the province)', leaderAt(county, 3), '320301'],
        ['province leader (32)', leaderAt('32/', 1), '32'],
      ] as const) {
        const ctx: Ctx = { deps, actor, requestId: null };
        const total: number[] = [];
        const each: Record<string, number[]> = {};
        for (let i = 0; i < RUNS + 3; i++) {
          let sum = 0;
          for (const [name, fn] of Object.entries(dashboard)) {
            const { ms } = await timed(() => fn(ctx, { ...q, region }));
            if (i >= 3) {
              each[name] = each[name] ?? [];
              each[name].push(ms);
            }
            sum += ms;
          }
          if (i >= 3) total.push(sum);
        }
        for (const [name, xs] of Object.entries(each)) {
          metrics.push({ name: `${who}: ${name}, p50`, samples: { postgres: xs } });
          metrics.push({ name: `${who}: ${name}, p95 of ${xs.length}`, samples: { postgres: [pct(xs, 0.95)] } });
        }
        const p95 = Math.max(...Object.values(each).map((xs) => pct(xs, 0.95)));
        notes.push(
          `Target p95 < 500 ms per request, ${who}: ${p95 < 500 ? 'met' : 'not met'} (slowest request's p95 ${formatMs(p95)}).`,
        );
        metrics.push({ name: `${who}: the three together, p50`, samples: { postgres: total } });
        metrics.push({
          name: `${who}: the three together, p95 of ${total.length}`,
          samples: { postgres: [pct(total, 0.95)] },
        });
      }
      notes.push(
        `Size: ${fmt(CASES)} cases, ${fmt(Number(rows.n))} rollup rows (filled in ${formatMs(filled.ms)}), over a synthetic province of ${TREE.cities} cities, ${TREE.cities * TREE.counties} counties, ${fmt(TREE.cities * TREE.counties * TREE.townships)} townships and ${fmt(GRIDS)} grids, spread over 365 days. Each case is a copy of one of the ${g.value.submitted} cases of a demo history generated through the use cases (its rollup rows as intake, the actions and the sweep kept them), moved to a grid and a day. The case rows themselves are not generated: the dashboard's requests read only the rollup (the drill-downs, which list cases, are not measured here).`,
        'Each request is the use case behind the endpoint (`kpiFigures`: every figure and signal for the month, the month before and the same month a year earlier; `kpiBreakdown` of `received` by child region and of `satisfaction` by category), in the leader’s RLS scope as the application role, the query filters only by the path range and the days.',
      );
    } finally {
      await b.drop();
    }
  }
  return {
    id: 'kpi-rollup',
    title: `KPI rollup: the dashboard over ${fmt(CASES)} cases, and its cost on intake`,
    description:
      "The leader's dashboard requests summed from the KPI rollup on PostgreSQL, as a county leader and as the province leader, and what keeping the rollup in intake's transaction costs. Source: `bench/kpi-rollup.ts` (`BENCH_KPI_CASES` sets the size).",
    metrics,
    skipped,
    notes,
  };

  /** Intake through the use case with the rollup, and the refresh's share timed alone for the same cases. */
  async function intake(deps: ReturnType<typeof testDeps>): Promise<Metric[]> {
    const worker = await deps.db.tx(systemScope, async (trx) => {
      const u = await trx
        .selectFrom('users')
        .select(['id', 'grid_code'])
        .where('username', '=', 'gridworker')
        .executeTakeFirstOrThrow();
      return { actor: (await userActor(trx, Number(u.id)))!, grid: u.grid_code! };
    });
    const ctx: Ctx = { deps, actor: worker.actor, requestId: null };
    const withRollup: number[] = [];
    const ids: number[] = [];
    for (let i = 0; i < INTAKES + 10; i++) {
      const { ms, value } = await timed(() =>
        submitCase(
          ctx,
          {
            kind: 'dispute',
            channel: 'grid',
            title: `邻里噪音纠纷 ${i}`,
            description: '楼上住户夜间装修噪音扰民，协商未果',
            categoryCode: 'neighbour',
            complexity: 'general',
            regionCode: worker.grid,
            parties: [],
            attachments: [],
          },
          `bench-${i}`,
        ),
      );
      if (i >= 10) {
        withRollup.push(ms);
        ids.push(value.id);
      }
    }
    const refresh: number[] = [];
    for (const id of ids)
      await deps.db.tx(regionScope(worker.actor.scopePath, worker.actor.unitId), async (trx) => {
        const { calendar } = await loadPolicies(trx);
        // Take the case's contribution out, so the refresh does what intake's does: add a new case.
        await storeCaseRollups(trx, [
          {
            caseId: id,
            key: {
              regionPath: '',
              unitId: 0,
              categoryCode: '',
              kind: 'dispute',
              channel: 'grid',
              complexity: 'general',
            },
            cells: [],
          },
        ]);
        refresh.push((await timed(() => refreshKpiRollup(trx, [id], calendar))).ms);
      });
    const w = median(withRollup);
    const r = median(refresh);
    notes.push(
      `Intake: ${INTAKES} disputes filed by the grid worker through \`submitCase\` (routing, dispatch, stage clocks, audit and the rollup in one transaction) after 10 to warm up; the rollup's refresh for each of those cases timed alone, in its own transaction, after taking the case's contribution out. Without the rollup an intake would take the median minus the refresh: ${formatMs(w)} − ${formatMs(r)} = ${formatMs(w - r)}; **intake with rollup ÷ intake without = ${(w / (w - r)).toFixed(2)}**.`,
    );
    return [
      { name: 'intake (submitCase) with the rollup', samples: { postgres: withRollup } },
      { name: "of which the rollup's refresh", samples: { postgres: refresh } },
    ];
  }
}
