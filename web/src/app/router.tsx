import type { ReactNode } from 'react';
import { Navigate, createBrowserRouter } from 'react-router-dom';
import { LoginPage } from '../features/auth/components/login-page.js';
import { WorkbenchPage } from '../features/workbench/components/workbench-page.js';
import { AppLayout } from './layout/app-layout.js';
import {
  AuditPage,
  CalendarPage,
  CaseDetailPage,
  CasesPage,
  CategoriesPage,
  DispatchCentrePage,
  DispatchRulesPage,
  IntakePage,
  PoliciesPage,
  PartnerKeysPage,
  RegionBrowserPage,
  SupervisionPage,
  UnitsPage,
  UsersPage,
  WebhooksPage,
} from './lazy-pages.js';
import { CASE_ROLES, rolesFor } from './nav-items.js';
import { RequireAuth } from './require-auth.js';
import { NotFoundPage } from './status-pages.js';
import { publicRoute } from '../features/public/public-routes.js';

/** A page guarded by the same roles that show it in the side menu. */
function guarded(path: string, element: ReactNode, roles = rolesFor(path)) {
  return { path, element: <RequireAuth roles={roles}>{element}</RequireAuth> };
}

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  publicRoute,
  {
    path: '/',
    element: (
      <RequireAuth>
        <AppLayout />
      </RequireAuth>
    ),
    children: [
      { index: true, element: <Navigate to="/workbench" replace /> },
      guarded('/workbench', <WorkbenchPage />),
      guarded('/intake', <IntakePage />),
      guarded('/cases', <CasesPage />),
      guarded('/cases/:id', <CaseDetailPage />, CASE_ROLES),
      guarded('/dispatch', <DispatchCentrePage />),
      guarded('/supervision', <SupervisionPage />),
      guarded('/admin/dispatch-rules', <DispatchRulesPage />),
      guarded('/admin/calendar', <CalendarPage />),
      guarded('/admin/deadline-policies', <PoliciesPage />),
      guarded('/admin/webhooks', <WebhooksPage />),
      guarded('/admin/partner-keys', <PartnerKeysPage />),
      guarded('/admin/regions', <RegionBrowserPage />),
      guarded('/admin/units', <UnitsPage />),
      guarded('/admin/users', <UsersPage />),
      guarded('/admin/categories', <CategoriesPage />),
      guarded('/audit', <AuditPage />),
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
