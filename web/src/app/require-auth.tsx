import { Button, Result, Spin } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router-dom';
import type { Role } from '../api/contract-types.js';
import { describeError } from '../api/error-message.js';
import { hasAnyRole, useAuth } from './auth-context.js';
import { ForbiddenPage } from './status-pages.js';

/** Renders its children for a signed-in user with one of `roles`; otherwise login or "no access". */
export function RequireAuth({ children, roles }: { children: ReactNode; roles?: readonly Role[] | undefined }) {
  const { t } = useTranslation();
  const { status, me, bootError, retry } = useAuth();
  const location = useLocation();

  if (status === 'loading') {
    return (
      <div style={{ display: 'grid', placeItems: 'center', minHeight: '60vh' }}>
        <Spin size="large" />
      </div>
    );
  }
  if (status === 'unreachable') {
    return (
      <main>
        <Result
          status="error"
          title={describeError(bootError, t)}
          extra={<Button onClick={retry}>{t('common.retry')}</Button>}
        />
      </main>
    );
  }
  if (!me) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/login?next=${encodeURIComponent(next)}`} replace />;
  }
  if (!hasAnyRole(me, roles)) return <ForbiddenPage />;
  return <>{children}</>;
}
