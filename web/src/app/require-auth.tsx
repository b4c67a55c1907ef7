import { Button, Result, Spin } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router-dom';
import { can, type Permission } from '../../../src/core/auth/permissions.js';
import { describeError } from '../api/error-message.js';
import { useAuth } from './auth-context.js';
import { ForbiddenPage } from './status-pages.js';

/**
 * Renders its children for a signed-in user holding `permission` (any signed-in user when it is null or
 * absent: the layout, and the pages nav-items.tsx lists as open); otherwise login or "no access".
 */
export function RequireAuth({ children, permission }: { children: ReactNode; permission?: Permission | null }) {
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
  if (permission && !can(me.roles, permission)) return <ForbiddenPage />;
  return <>{children}</>;
}
