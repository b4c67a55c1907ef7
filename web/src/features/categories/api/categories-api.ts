import { queryOptions } from '@tanstack/react-query';
import type { Category, CreateCategoryInput, UpdateCategoryInput } from '../../../api/contract-types.js';
import { http } from '../../../api/http-client.js';

export const fetchCategories = (signal?: AbortSignal) => http.get<Category[]>('/api/categories', undefined, signal);
export const createCategory = (input: CreateCategoryInput) => http.post<Category>('/api/categories', input);
export const updateCategory = (code: string, input: UpdateCategoryInput) =>
  http.patch<Category>(`/api/categories/${encodeURIComponent(code)}`, input);

export const categoryKeys = { all: ['categories'] as const };
/** The whole category list (a few hundred at most): the tree, the selects and the name lookups share it. */
export const categoriesQuery = () =>
  queryOptions({ queryKey: categoryKeys.all, queryFn: ({ signal }) => fetchCategories(signal) });
