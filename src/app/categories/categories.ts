import type { Ctx } from '../context.js';
import { readAs, writeAs } from '../context.js';
import type { Category, CreateCategoryInput, UpdateCategoryInput } from '../../contract/categories.js';
import { DomainError, notFound } from '../../core/errors.js';
import { requireTop } from '../config/jurisdiction.js';
import { getCategory, listCategories, updateCategoryRow, upsertCategory } from '../../storage/categories.repo.js';

/** The whole category tree as a flat list ordered by path (it is small: tens of rows). */
export async function getCategories(ctx: Ctx): Promise<Category[]> {
  return readAs(ctx, 'category.read', 'categories', (trx) => listCategories(trx));
}

/** Adds a category under an existing parent (or at the top); the tree is the root administrator's (jurisdiction.ts). */
export async function createCategory(ctx: Ctx, input: CreateCategoryInput): Promise<Category> {
  return writeAs(ctx, 'category.write', 'category.create', `category:${input.code}`, async (trx) => {
    requireTop(ctx, 'the category tree');
    if (await getCategory(trx, input.code))
      throw new DomainError('AlreadyExists', `category ${input.code} exists`, { field: 'code' });
    if (input.parentCode && !(await getCategory(trx, input.parentCode))) throw notFound('category', input.parentCode);
    const value = await upsertCategory(trx, {
      code: input.code,
      parentCode: input.parentCode ?? null,
      nameZh: input.nameZh,
      nameEn: input.nameEn,
      sort: input.sort ?? 0,
    });
    return { value, details: { nameZh: input.nameZh, parentCode: input.parentCode ?? null } };
  });
}

/**
 * Renames, reorders or disables a category. Categories are never deleted: cases keep
 * pointing at them, and the figures of past years must still add up.
 */
export async function updateCategory(ctx: Ctx, code: string, input: UpdateCategoryInput): Promise<Category> {
  return writeAs(ctx, 'category.write', 'category.update', `category:${code}`, async (trx) => {
    requireTop(ctx, 'the category tree');
    const value = await updateCategoryRow(trx, code, {
      name_zh: input.nameZh,
      name_en: input.nameEn,
      sort: input.sort,
      disabled: input.disabled,
    });
    if (!value) throw notFound('category', code);
    return { value, details: { changed: Object.keys(input) } };
  });
}
