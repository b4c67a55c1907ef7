import type {
  LoginInput,
  Me,
  SignInPending,
  TwoFactorEnrolled,
  TwoFactorEnrolment,
} from '../../../api/contract-types.js';
import { http } from '../../../api/http-client.js';

export const fetchMe = (signal?: AbortSignal) => http.get<Me>('/api/me', undefined, signal);
/** The password step: signed in (Me), or a pending sign-in that continues with a code or with enrolment. */
export const login = (input: LoginInput) => http.post<Me | SignInPending>('/api/auth/login', input);
export const isPending = (r: Me | SignInPending): r is SignInPending => 'pendingToken' in r;
export const verifyCode = (pendingToken: string, code: string) =>
  http.post<Me>('/api/auth/login/code', { pendingToken, code });
export const startEnrolment = (pendingToken: string) =>
  http.post<TwoFactorEnrolment>('/api/auth/2fa/enrolment', { pendingToken });
export const confirmEnrolment = (pendingToken: string, code: string) =>
  http.post<TwoFactorEnrolled>('/api/auth/2fa/enrolment/confirm', { pendingToken, code });
export const logout = () => http.post<void>('/api/auth/logout');
