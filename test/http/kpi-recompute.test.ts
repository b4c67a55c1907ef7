import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCases } from '../../src/app/seed/generate-cases.js';
import { seedOnFirstStart } from '../../src/app/seed/seed-on-first-start.js';
import { manualClock } from '../../src/core/clock.js';
import { createApp } from '../../src/http/app.js';
import { systemScope } from '../../src/storage/db.js';
import { client } from '../http-client.js';
import { createTestDb, engineLabel, engines, type TestDb } from '../test-db.js';
import { testDeps } from '../test-deps.js';

const script = fileURLToPath(new URL('../../scripts/kpi-recompute.mjs', import.meta.url));
const end = new Date('2026-03-20T09:00:00Z');

type Amounts = { id: string; numerator: number; denominator: number };

/** Runs the independent recomputation (plain Node, no civicgrid import) over an export. */
function recompute(ndjson: string): Promise<{ figures: Amounts[]; signals: Amounts[]; asOf: string }> {
  return new Promise((resolve, reject) => {
    const child = execFile(process.execPath, [script], { maxBuffer: 64 << 20 }, (err, stdout, stderr) =>
      err ? reject(new Error(`${err.message}\n${stderr}`)) : resolve(JSON.parse(stdout)),
    );
    child.stdin!.end(ndjson);
  });
}

/**
 * Acceptance of issue 12: every figure and signal the API reports is recomputed, from the NDJSON export
 * alone, by scripts/kpi-recompute.mjs, a second implementation written from docs/kpi.md that shares no
 * code with src/core/kpi. A figure that drifts from its definition (or an export that leaves out what a
 * figure needs) fails here.
 */
describe.each(engines)('KPI figures recomputed from the export by an independent script %s', (engine) => {
  let t: TestDb;
  let leader: ReturnType<typeof client>;
  let township: string;

  beforeAll(async () => {
    t = await createTestDb(engine);
    const deps = testDeps(t.db, { clock: manualClock(end) });
    await seedOnFirstStart(deps);
    await generateCases(deps, { count: 40, days: 45, seed: 20261201 });
    leader = client(createApp(deps));
    expect((await leader.login('leader', 'civicgrid-demo')).status).toBe(200);
    const worker = await t.db.tx(systemScope, (trx) =>
      trx.selectFrom('users').select('scope_path').where('username', '=', 'gridworker').executeTakeFirstOrThrow(),
    );
    township = worker.scope_path.split('/')[3]!;
  });
  afterAll(() => t.drop());

  const queries = [
    ['a custom range', 'period=custom&from=2026-02-10&to=2026-03-19'],
    ['a month', 'period=month&date=2026-03-05'],
    ['a week', 'period=week&date=2026-03-12'],
    ['a township over a quarter', () => `period=quarter&date=2026-02-01&region=${township}`],
    ['disputes only', 'period=custom&from=2026-02-01&to=2026-03-20&kind=dispute'],
  ] as const;

  it.each(queries)(`${engineLabel(engine)} %s`, async (_name, query) => {
    const q = typeof query === 'function' ? query() : query;
    const api = await leader.get(`/api/kpi?${q}`);
    expect(api.status, JSON.stringify(api.body)).toBe(200);
    const exported = await leader.get(`/api/kpi/events?${q}&format=ndjson`);
    expect(exported.status).toBe(200);
    const ours = await recompute(String(exported.body));
    expect(ours.asOf).toBe(api.body.asOf);

    const theirs = (x: Amounts) => [x.id, x.numerator, x.denominator];
    const figures = api.body.figures as (Amounts & { kind: string; signals: Amounts[] })[];
    const exact = figures.filter((f) => f.kind !== 'mean');
    expect(ours.figures.filter((f) => exact.some((x) => x.id === f.id)).map(theirs)).toEqual(exact.map(theirs));
    for (const f of figures.filter((x) => x.kind === 'mean')) {
      const mine = ours.figures.find((x) => x.id === f.id)!;
      expect([f.id, mine.denominator]).toEqual([f.id, f.denominator]);
      expect(mine.numerator, f.id).toBeCloseTo(f.numerator, 9);
    }
    const signals = new Map(figures.flatMap((f) => f.signals).map((s) => [s.id, s]));
    expect(ours.signals.map(theirs)).toEqual([...signals.values()].map(theirs).sort((a, b) => order(a, b, ours)));
    // The scenario is not empty: the comparison covers cases, resolutions and evaluations.
    expect(figures.find((f) => f.id === 'received')!.denominator).toBeGreaterThan(0);
  });
});

/** Signals in the order the script lists them. */
const order = (a: unknown[], b: unknown[], ours: { signals: Amounts[] }) =>
  ours.signals.findIndex((s) => s.id === a[0]) - ours.signals.findIndex((s) => s.id === b[0]);
