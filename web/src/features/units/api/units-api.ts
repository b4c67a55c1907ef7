import type {
  CreateUnitInput,
  Unit,
  UnitListQuery,
  UnitPage,
  UnitType,
  UpdateUnitInput,
} from '../../../api/contract-types.js';
import { http } from '../../../api/http-client.js';

export const fetchUnitTypes = (signal?: AbortSignal) => http.get<UnitType[]>('/api/unit-types', undefined, signal);
export const fetchUnits = (query: UnitListQuery, signal?: AbortSignal) =>
  http.get<UnitPage>('/api/units', query, signal);
export const fetchUnit = (id: number, signal?: AbortSignal) => http.get<Unit>(`/api/units/${id}`, undefined, signal);
export const createUnit = (input: CreateUnitInput) => http.post<Unit>('/api/units', input);
export const updateUnit = (id: number, input: UpdateUnitInput) => http.patch<Unit>(`/api/units/${id}`, input);
