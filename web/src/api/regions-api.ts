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
