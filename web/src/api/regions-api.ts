import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { Region, RegionPage, RegionSearchQuery } from './contract-types.js';
import { http } from './http-client.js';

// Read-only region calls, shared by the region picker and every page that shows regions.
const enc = encodeURIComponent;

export const fetchRegion = (code: string, signal?: AbortSignal) =>
  http.get<Region>(`/api/regions/${enc(code)}`, undefined, signal);

export const fetchRegionChildren = (code: string, page = 1, pageSize = 200, signal?: AbortSignal) =>
  http.get<RegionPage>(`/api/regions/${enc(code)}/children`, { page, pageSize }, signal);

/** Name or code-prefix search within the caller's jurisdiction. */
export const searchRegions = (query: RegionSearchQuery, signal?: AbortSignal) =>
  http.get<RegionPage>('/api/regions', query, signal);

/** Every region read sits under `all`: a change to the tree (add, rename, delete) invalidates them together. */
export const regionKeys = { all: ['regions'] as const };
export const regionQuery = (code: string) =>
  queryOptions({ queryKey: [...regionKeys.all, 'one', code], queryFn: ({ signal }) => fetchRegion(code, signal) });
export const regionChildrenQuery = (code: string, page = 1, pageSize = 200) =>
  queryOptions({
    queryKey: [...regionKeys.all, 'children', code, page, pageSize],
    queryFn: ({ signal }) => fetchRegionChildren(code, page, pageSize, signal),
  });
export const regionSearchQuery = (query: RegionSearchQuery) =>
  queryOptions({
    queryKey: [...regionKeys.all, 'search', query],
    queryFn: ({ signal }) => searchRegions(query, signal),
    placeholderData: keepPreviousData,
  });
