import type { Tx } from './db.js';
import type { Category } from '../contract/categories.js';

const toCategory = (r: {
  code: string;
  parent_code: string | null;
  path: string;
  name_zh: string;
  name_en: string;
  sort: number;
  disabled: boolean;
}): Category => ({
  code: r.code,
  parentCode: r.parent_code,
  path: r.path,
  nameZh: r.name_zh,
  nameEn: r.name_en,
  sort: Number(r.sort),
  disabled: r.disabled,
});

export async function listCategories(trx: Tx): Promise<Category[]> {
  return (await trx.selectFrom('categories').selectAll().orderBy('path').execute()).map(toCategory);
}

export async function getCategory(trx: Tx, code: string): Promise<Category | undefined> {
  const r = await trx.selectFrom('categories').selectAll().where('code', '=', code).executeTakeFirst();
  return r && toCategory(r);
}

/** Inserts or refreshes categories given parent-first; the path is derived from the parent's. */
export async function upsertCategory(
  trx: Tx,
  c: { code: string; parentCode: string | null; nameZh: string; nameEn: string; sort: number },
): Promise<Category> {
  const parent = c.parentCode ? await getCategory(trx, c.parentCode) : undefined;
  const path = `${parent?.path ?? ''}${c.code}/`;
  const r = await trx
    .insertInto('categories')
    .values({ code: c.code, parent_code: c.parentCode, path, name_zh: c.nameZh, name_en: c.nameEn, sort: c.sort })
    .onConflict((oc) => oc.column('code').doUpdateSet({ name_zh: c.nameZh, name_en: c.nameEn, sort: c.sort }))
    .returningAll()
    .executeTakeFirstOrThrow();
  return toCategory(r);
}

export async function updateCategoryRow(
  trx: Tx,
  code: string,
  patch: { name_zh?: string; name_en?: string; sort?: number; disabled?: boolean },
): Promise<Category | undefined> {
  const r = await trx.updateTable('categories').set(patch).where('code', '=', code).returningAll().executeTakeFirst();
  return r && toCategory(r);
}
