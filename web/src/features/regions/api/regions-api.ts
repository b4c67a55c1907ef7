import type { CreateRegionInput, Region, UpdateRegionInput } from '../../../api/contract-types.js';
import { http } from '../../../api/http-client.js';

// Administrators' changes to the region tree; reads live in src/api/regions-api.ts.
const enc = encodeURIComponent;

export const createRegion = (input: CreateRegionInput) => http.post<Region>('/api/regions', input);
export const updateRegion = (code: string, input: UpdateRegionInput) =>
  http.patch<Region>(`/api/regions/${enc(code)}`, input);
export const deleteRegion = (code: string) => http.delete(`/api/regions/${enc(code)}`);
