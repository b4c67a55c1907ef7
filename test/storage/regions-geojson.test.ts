import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { createTestDb, engineLabel, engines, type TestDb } from '../test-db.js';
import { systemScope } from '../../src/storage/db.js';
import { childrenOf, findRegion } from '../../src/storage/region-tree.repo.js';
import { levelCounts } from '../region-counts.js';
import { importProvince } from '../../src/app/regions/import-province.js';
import { importGridsGeojson } from '../../src/app/regions/import-grids-geojson.js';
import { changedIn } from '../../src/app/regions/write-batches.js';
import { createLog } from '../../src/app/log.js';
import { DomainError } from '../../src/core/errors.js';

const log = createLog('silent');
const codesOf = (rs: { code: string }[]) => rs.map((r) => r.code);
const fixture = async (name: string) =>
  JSON.parse(await readFile(new URL(`../fixtures/${name}`, import.meta.url), 'utf8')) as unknown;

describe.each(engines)('grid boundaries from GeoJSON %s', (engine) => {
  let t: TestDb;
  const deps = () => ({ db: t.db, log });
  const get = (code: string) => t.db.tx(systemScope, (trx) => findRegion(trx, code));

  beforeAll(async () => {
    t = await createTestDb(engine);
    // 雨花台区 with one generated grid (第1网格) per village: the fixture names one of them.
    await importProvince(deps(), {
      province: '32',
      county: '320114',
      grids: { gridsPerVillage: 1, microGridsPerGrid: 0 },
    });
  });
  afterAll(() => t.drop());

  it(`${engineLabel(engine)} stores the polygons: a same-named grid keeps its code, a new one is numbered next, an explicit code is used`, async () => {
    const tally = await importGridsGeojson(deps(), { geojson: await fixture('grids-320114.geojson') });
    expect(tally[6]).toEqual({ total: 3, done: 3, inserted: 2, updated: 1 });
    const first = await get('320114001001001');
    expect(first).toMatchObject({ name: '第1网格', level: 6 });
    expect(first?.geometry).toMatchObject({
      type: 'Polygon',
      coordinates: [
        [
          [118.77, 31.99],
          [118.775, 31.99],
          [118.775, 31.994],
          [118.77, 31.994],
          [118.77, 31.99],
        ],
      ],
    });
    expect(await get('320114001001002')).toMatchObject({
      name: '雨花东片网格',
      parentCode: '320114001001',
      geometry: { type: 'Polygon' },
    });
    expect((await get('320114001002010'))?.geometry).toMatchObject({ type: 'MultiPolygon' });
  });

  it(`${engineLabel(engine)} changes nothing when the same file comes again`, async () => {
    const tally = await importGridsGeojson(deps(), { geojson: await fixture('grids-320114.geojson') });
    expect(changedIn(tally)).toBe(0);
    const children = await t.db.tx(systemScope, (trx) => childrenOf(trx, '320114001001', 1, 10));
    expect(codesOf(children.items)).toEqual(['320114001001001', '320114001001002']);
    for (const c of children.items) expect((await get(c.code))?.geometry).toMatchObject({ type: 'Polygon' });
  });

  it(`${engineLabel(engine)} keeps the boundaries when the division is imported again`, async () => {
    const tally = await importProvince(deps(), {
      province: '32',
      county: '320114',
      grids: { gridsPerVillage: 1, microGridsPerGrid: 0 },
    });
    expect(changedIn(tally)).toBe(0);
    expect((await get('320114001001001'))?.geometry).toMatchObject({ type: 'Polygon' });
  });

  it(`${engineLabel(engine)} refuses a file with bad features, naming each, and writes nothing`, async () => {
    const before = await t.db.tx(systemScope, (trx) => levelCounts(trx));
    const error = await importGridsGeojson(deps(), { geojson: await fixture('grids-invalid.geojson') }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('ValidationFailed');
    expect((error as DomainError).message.split('\n')).toEqual([
      '4 of 5 features are not usable; nothing was imported:',
      '  feature 1 ("代码太短"): properties.villageCode must be a 12-digit village code, got "3201140010"',
      '  feature 2 ("未闭合"): geometry: ring 0 of polygon 0 is not closed (its first and last positions differ)',
      '  feature 3 ("是个点"): geometry must be a Polygon or MultiPolygon, got "Point"',
      '  feature 4 ("没有这个村"): village 320114999999 is not in the region tree (import its province first)',
    ]);
    expect(await t.db.tx(systemScope, (trx) => levelCounts(trx))).toEqual(before);
  });

  it(`${engineLabel(engine)} refuses what is not a FeatureCollection`, async () => {
    await expect(importGridsGeojson(deps(), { geojson: { type: 'Feature' } })).rejects.toThrow(
      /not a GeoJSON FeatureCollection/,
    );
  });
});
