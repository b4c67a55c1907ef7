import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { CreateUserInput, UpdateUserInput, User, UserListQuery, UserPage } from '../../../api/contract-types.js';
import { http } from '../../../api/http-client.js';

export const fetchUsers = (query: UserListQuery, signal?: AbortSignal) =>
  http.get<UserPage>('/api/users', query, signal);
export const fetchUser = (id: number, signal?: AbortSignal) => http.get<User>(`/api/users/${id}`, undefined, signal);
export const createUser = (input: CreateUserInput) => http.post<User>('/api/users', input);
export const updateUser = (id: number, input: UpdateUserInput) => http.patch<User>(`/api/users/${id}`, input);

export const userKeys = { all: ['users'] as const };
export const usersQuery = (query: UserListQuery) =>
  queryOptions({
    queryKey: [...userKeys.all, 'list', query],
    queryFn: ({ signal }) => fetchUsers(query, signal),
    placeholderData: keepPreviousData,
  });
