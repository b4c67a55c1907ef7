import { keepPreviousData, queryOptions } from '@tanstack/react-query';
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

export const unitKeys = { all: ['units'] as const, types: ['unit-types'] as const };
export const unitTypesQuery = () =>
  queryOptions({ queryKey: unitKeys.types, queryFn: ({ signal }) => fetchUnitTypes(signal), staleTime: Infinity });
export const unitsQuery = (query: UnitListQuery) =>
  queryOptions({
    queryKey: [...unitKeys.all, 'list', query],
    queryFn: ({ signal }) => fetchUnits(query, signal),
    placeholderData: keepPreviousData,
  });
export const unitQuery = (id: number) =>
  queryOptions({ queryKey: [...unitKeys.all, 'one', id], queryFn: ({ signal }) => fetchUnit(id, signal) });
