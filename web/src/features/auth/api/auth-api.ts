import type { LoginInput, Me } from '../../../api/contract-types.js';
import { http } from '../../../api/http-client.js';

export const fetchMe = (signal?: AbortSignal) => http.get<Me>('/api/me', undefined, signal);
export const login = (input: LoginInput) => http.post<Me>('/api/auth/login', input);
export const logout = () => http.post<void>('/api/auth/logout');
