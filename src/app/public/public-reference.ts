import type { Deps } from '../deps.js';
import { systemScope } from '../../storage/db.js';
import { publicCategories, publicRegionChildren } from '../../storage/public-cases.repo.js';

/** Categories for the public form (global reference data). */
export async function listPublicCategories(deps: Deps) {
  const rows = await deps.db.tx(systemScope, (trx) => publicCategories(trx));
  return rows.map((r) => ({ code: r.code, parentCode: r.parent_code, nameZh: r.name_zh, nameEn: r.name_en }));
}

/** Region names under a parent, for the public picker: names and codes are public knowledge, grids are not offered. */
export async function listPublicRegions(deps: Deps, parent: string | null) {
  const rows = await deps.db.tx(systemScope, (trx) => publicRegionChildren(trx, parent));
  return rows.map((r) => ({
    code: r.code,
    name: r.name,
    level: Number(r.level),
    hasChildren: Boolean(r.has_children),
  }));
}
