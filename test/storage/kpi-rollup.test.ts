import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sweepDeadlines } from '../../src/app/deadlines/sweep-deadlines.js';
import { loadPolicies } from '../../src/app/deadlines/load-policies.js';
import { rebuildKpiRollup } from '../../src/app/kpi/rebuild-rollup.js';
import { generateCases } from '../../src/app/seed/generate-cases.js';
import { seedOnFirstStart } from '../../src/app/seed/seed-on-first-start.js';
import { manualClock } from '../../src/core/clock.js';
import { workingMsBetween } from '../../src/core/deadline/working-time.js';
import { caseFacts } from '../../src/core/kpi/case-facts.js';
import { breakdown, childRegionOf } from '../../src/core/kpi/compare.js';
import { computeFigure, KPI_DEFINITIONS, kpiDefinition } from '../../src/core/kpi/definitions.js';
import type { KpiInput } from '../../src/core/kpi/inputs.js';
import { customPeriod, periodOf, type Period } from '../../src/core/kpi/period.js';
import { SIGNAL_DEFINITIONS } from '../../src/core/kpi/signals.js';
import { createApp } from '../../src/http/app.js';
import { regionScope, systemScope } from '../../src/storage/db.js';
import { rollupRows } from '../../src/storage/kpi-rollup.repo.js';
import { kpiSource } from '../../src/storage/kpi.repo.js';
import { client } from '../http-client.js';
import { createTestDb, engineLabel, engines, type TestDb } from '../test-db.js';
import { testDeps } from '../test-deps.js';

const end = new Date('2026-03-20T09:00:00Z');

/**
 * The rollup over the demo county's generated history (issue 12, point 8): kept by the use cases in
 * their own transactions, it equals a rebuild from the event log, gives every figure exactly as the
 * cases do, and row-level security alone keeps other regions' rows out.
 */
describe.each(engines)('KPI rollup %s', (engine) => {
  let t: TestDb;
  let deps: ReturnType<typeof testDeps>;
  let leader: ReturnType<typeof client>;
  let county: { code: string; path: string };
  let township: { code: string; path: string };

  beforeAll(async () => {
    t = await createTestDb(engine);
    const clock = manualClock(end);
    deps = testDeps(t.db, { clock });
    await seedOnFirstStart(deps);
    await generateCases(deps, { count: 60, days: 45, seed: 20260321 });
    // Ten days on, the stages still running owe cards.
    clock.advance(10 * 86_400_000);
    expect((await sweepDeadlines(deps)).cards).toBeGreaterThan(0);
    // Figures from the cases count what happened strictly before the moment they are taken.
    clock.advance(60_000);
    leader = client(createApp(deps));
    expect((await leader.login('leader', 'civicgrid-demo')).status).toBe(200);
    const worker = await t.db.tx(systemScope, (trx) =>
      trx.selectFrom('users').select('scope_path').where('username', '=', 'gridworker').executeTakeFirstOrThrow(),
    );
    const [, , c, w] = worker.scope_path.split('/');
    const path = (code: string) =>
      t.db.tx(systemScope, async (trx) => ({
        code,
        path: (await trx.selectFrom('regions').select('path').where('code', '=', code).executeTakeFirstOrThrow()).path,
      }));
    county = await path(c!);
    township = await path(w!);
  }, 600_000);
  afterAll(() => t.drop());

  /** The figures' input read from the cases, as the drill-downs read it. */
  async function fromCases(path: string, until = deps.clock.now()): Promise<KpiInput> {
    const now = deps.clock.now();
    return t.db.tx(systemScope, async (trx) => {
      const [s, { calendar }] = await Promise.all([kpiSource(trx, path, until, now), loadPolicies(trx)]);
      return {
        facts: s.histories.map((h) => caseFacts(h.events, h.repeatOf)),
        stages: s.stages,
        cards: s.cards,
        extensions: s.extensions,
        asOf: now,
        workingDays: (a, b) => workingMsBetween(calendar, a, b) / 86_400_000,
      };
    });
  }

  it(`${engineLabel(engine)} equals a rebuild from the event log after the demo history`, async () => {
    const incremental = await t.db.tx(systemScope, (trx) => rollupRows(trx, ''));
    // A history with every kind of row: flows and stocks, cards, several figures, several days.
    expect(incremental.length).toBeGreaterThan(200);
    const kpis = new Set(incremental.map((r) => r.kpi));
    for (const id of ['received', 'resolved', 'open_at_end', 'sign_on_time', 'satisfaction'])
      expect([id, kpis.has(id)]).toEqual([id, true]);
    expect(
      [...kpis].some((k) => k.startsWith('cards_')),
      [...kpis].join(),
    ).toBe(true);
    expect(incremental.some((r) => r.stock) && incremental.some((r) => !r.stock)).toBe(true);
    const progress: number[] = [];
    const r = await rebuildKpiRollup(deps, { batchSize: 17, onProgress: (p) => progress.push(p.done) });
    expect(r.cases).toBe(60);
    expect(progress.at(-1)).toBe(60);
    const rebuilt = await t.db.tx(systemScope, (trx) => rollupRows(trx, ''));
    expect(rebuilt).toEqual(incremental);
    // A rebuild of one township leaves the rest as it was.
    await rebuildKpiRollup(deps, { regionCode: township.code });
    expect(await t.db.tx(systemScope, (trx) => rollupRows(trx, ''))).toEqual(incremental);
  });

  it(`${engineLabel(engine)} gives every figure and signal as the cases do, for any period and filter`, async () => {
    const input = await fromCases(county.path);
    const periods: [string, Period][] = [
      ['period=month&date=2026-03-01', periodOf('month', '2026-03-01')],
      ['period=month&date=2026-02-10', periodOf('month', '2026-02-10')],
      ['period=week&date=2026-03-11', periodOf('week', '2026-03-11')],
      ['period=day&date=2026-03-16', periodOf('day', '2026-03-16')],
      ['period=custom&from=2026-02-18&to=2026-03-19', customPeriod('2026-02-18', '2026-03-19')],
      ['period=year&date=2026-03-01', periodOf('year', '2026-03-01')],
    ];
    const filters = ['', '&kind=dispute', '&channel=grid', '&complexity=general'];
    let nonEmpty = 0;
    for (const [q, p] of periods)
      for (const filter of filters) {
        const res = await leader.get(`/api/kpi?${q}${filter}`);
        expect(res.status).toBe(200);
        const [k, v] = filter ? filter.slice(1).split('=') : [];
        const sub = k ? { ...input, facts: input.facts.filter((f) => (f as any)[k] === v) } : input;
        const ids = new Set(sub.facts.map((f) => f.caseId));
        const only = <T extends { caseId: number }>(xs: readonly T[]) => xs.filter((x) => ids.has(x.caseId));
        const scoped = { ...sub, stages: only(sub.stages), cards: only(sub.cards), extensions: only(sub.extensions) };
        for (const def of KPI_DEFINITIONS) {
          const api = res.body.figures.find((f: any) => f.id === def.id);
          const want = computeFigure(def, scoped, p);
          const got = [def.id, q, filter, api.numerator, api.denominator];
          expect(got).toEqual([def.id, q, filter, expect.closeTo(want.numerator, 9), want.denominator]);
          if (want.denominator > 0) nonEmpty++;
          for (const s of api.signals) {
            const sig = computeFigure({ ...SIGNAL_DEFINITIONS.find((x) => x.id === s.id)!, kind: 'rate' }, scoped, p);
            expect([s.id, q, filter, s.numerator, s.denominator]).toEqual([
              s.id,
              q,
              filter,
              sig.numerator,
              sig.denominator,
            ]);
          }
        }
      }
    expect(nonEmpty).toBeGreaterThan(100);
  });

  it(`${engineLabel(engine)} breaks figures down by every dimension as the cases do`, async () => {
    const p = customPeriod('2026-02-18', '2026-03-19');
    const input = await fromCases(county.path, p.to);
    const range = 'period=custom&from=2026-02-18&to=2026-03-19';
    const keys = {
      kind: 'kind',
      channel: 'channel',
      complexity: 'complexity',
      categoryCode: 'categoryCode',
      unit: (f: any) => (f.leads.length ? String(f.leads.at(-1)) : null),
      region: childRegionOf(county.path),
    } as const;
    for (const id of ['received', 'satisfaction', 'open_at_end', 'handling_days', 'sign_on_time'])
      for (const [by, key] of Object.entries(keys)) {
        const res = await leader.get(`/api/kpi/${id}/breakdown?${range}&by=${by}`);
        expect(res.status).toBe(200);
        const want = breakdown(kpiDefinition(id)!, input, p, key as any);
        const got = new Map(res.body.rows.map((r: any) => [r.key, [r.numerator, r.denominator]]));
        // By region every child township is a row, with or without cases.
        const extra = [...got.keys()].filter((k) => !want.has(k as string));
        expect([id, by, by === 'region' ? [] : extra]).toEqual([id, by, []]);
        for (const k of extra) expect(got.get(k)).toEqual([0, 0]);
        expect(want.size).toBeGreaterThan(by === 'complexity' ? 0 : 1);
        for (const [k, f] of want)
          expect([id, by, k, ...(got.get(k) as number[])]).toEqual([
            id,
            by,
            k,
            expect.closeTo(f.numerator, 9),
            f.denominator,
          ]);
      }
  });

  it(`${engineLabel(engine)} keeps other regions' rollup rows out by row-level security alone`, async () => {
    // The whole table asked for with no filter, the township's scope set: only the township's rows come back.
    const own = await t.db.tx(regionScope(township.path, 2_147_483_647), (trx) =>
      trx.selectFrom('kpi_rollup').selectAll().execute(),
    );
    const cases = await t.db.tx(regionScope(township.path, 2_147_483_647), (trx) =>
      trx.selectFrom('kpi_case_rollup').select('region_path').execute(),
    );
    const all = await t.db.tx(systemScope, (trx) => trx.selectFrom('kpi_rollup').selectAll().execute());
    expect(own.length).toBeGreaterThan(0);
    expect(own.length).toBeLessThan(all.length);
    expect(own.every((r) => r.region_path.startsWith(township.path))).toBe(true);
    expect(cases.length).toBeGreaterThan(0);
    expect(cases.every((r) => r.region_path.startsWith(township.path))).toBe(true);
    // With no scope at all, nothing; and the application role cannot write a row by hand.
    const none = await t.db.tx(regionScope('', 2_147_483_647), (trx) =>
      trx.selectFrom('kpi_rollup').selectAll().execute(),
    );
    expect(none).toEqual([]);
    await expect(
      t.db.tx(systemScope, (trx) =>
        trx
          .insertInto('kpi_rollup')
          .values({ ...all[0]!, lo: 1 })
          .execute(),
      ),
    ).rejects.toThrow();
  });
});
