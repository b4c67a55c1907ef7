import { useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { ApiError } from '../api/api-error.js';
import { can, type Permission } from '../../../src/core/auth/permissions.js';
import { atRoot } from '../../../src/core/auth/actor.js';
import type { Me } from '../api/contract-types.js';
import { setUnauthenticatedListener } from '../api/http-client.js';
import { fetchMe, logout } from '../features/auth/api/auth-api.js';
import { probablySignedOut, rememberSession } from './session-hint.js';

type AuthStatus = 'loading' | 'signedIn' | 'signedOut' | 'unreachable';

interface AuthValue {
  status: AuthStatus;
  me: Me | null;
  /** True when a signed-in session ended under the user (a 401 from some call). */
  sessionExpired: boolean;
  bootError: unknown;
  signedIn: (me: Me) => void;
  signOut: () => Promise<void>;
  retry: () => void;
}

const AuthContext = createContext<AuthValue | null>(null);

/**
 * Who is signed in: loaded from /api/me once, cleared on sign-out or on any 401. The session is this
 * provider's state, not a cached query; whenever it changes hands the query cache is emptied, so no
 * page shows one user's data to the next.
 */
export function AuthProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<AuthStatus>('loading');
  const [me, setMe] = useState<Me | null>(null);
  const [sessionExpired, setSessionExpired] = useState(false);
  const [bootError, setBootError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  const statusRef = useRef(status);
  statusRef.current = status;

  useEffect(() => {
    if (attempt === 0 && probablySignedOut()) {
      setStatus('signedOut');
      return;
    }
    const controller = new AbortController();
    fetchMe(controller.signal).then(
      (loaded) => {
        rememberSession(true);
        setMe(loaded);
        setStatus('signedIn');
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        if (error instanceof ApiError && error.status === 401) {
          rememberSession(false);
          setStatus('signedOut');
        } else {
          setBootError(error);
          setStatus('unreachable');
        }
      },
    );
    return () => controller.abort();
  }, [attempt]);

  useEffect(() => {
    setUnauthenticatedListener(() => {
      rememberSession(false);
      if (statusRef.current === 'signedIn') setSessionExpired(true);
      setMe(null);
      setStatus('signedOut');
      queryClient.clear();
    });
    return () => setUnauthenticatedListener(null);
  }, [queryClient]);

  const signedIn = useCallback(
    (loaded: Me) => {
      queryClient.clear();
      rememberSession(true);
      setMe(loaded);
      setSessionExpired(false);
      setStatus('signedIn');
    },
    [queryClient],
  );

  const signOut = useCallback(async () => {
    try {
      await logout();
    } finally {
      rememberSession(false);
      setMe(null);
      setSessionExpired(false);
      setStatus('signedOut');
      queryClient.clear();
    }
  }, [queryClient]);

  const retry = useCallback(() => {
    setStatus('loading');
    setAttempt((n) => n + 1);
  }, []);

  const value = useMemo(
    () => ({ status, me, sessionExpired, bootError, signedIn, signOut, retry }),
    [status, me, sessionExpired, bootError, signedIn, signOut, retry],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth outside AuthProvider');
  return value;
}

/** The signed-in user; only for components rendered behind RequireAuth. */
export function useMe(): Me {
  const { me } = useAuth();
  if (!me) throw new Error('useMe without a signed-in user');
  return me;
}

/** True when the signed-in user's roles grant the permission (the server's table, src/core/auth/permissions.ts). */
export function useCan(permission: Permission): boolean {
  return can(useMe().roles, permission);
}

/**
 * True when the signed-in user's jurisdiction is a root of the region tree: only there are the
 * calendar and the category tree written, and the top's rules (src/app/config/jurisdiction.ts).
 */
export function useAtTop(): boolean {
  return atRoot({ scopePath: useMe().jurisdiction.path });
}
