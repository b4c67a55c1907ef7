import type { ReactNode } from 'react';
import { Navigate, type RouteObject } from 'react-router-dom';
import { LoginPage } from '../features/auth/components/login-page.js';
import { publicRoute } from '../features/public/public-routes.js';
import { WorkbenchPage } from '../features/workbench/components/workbench-page.js';
import { AppLayout } from './layout/app-layout.js';
import {
  AuditPage,
  BulletinPage,
  CalendarPage,
  CaseDetailPage,
  CasesPage,
  CategoriesPage,
  DashboardPage,
  DispatchCentrePage,
  DispatchRulesPage,
  IntakePage,
  PartnerKeysPage,
  PoliciesPage,
  RegionBrowserPage,
  SafetyIndexPage,
  SupervisionPage,
  UnitsPage,
  UsersPage,
  WebhooksPage,
} from './lazy-pages.js';
import { accessFor, homePath } from './nav-items.js';
import { useAuth } from './auth-context.js';
import { RequireAuth } from './require-auth.js';
import { NotFoundPage } from './status-pages.js';

/** A staff page behind the guard that asks its menu entry (or its listed exception) what it needs. */
function guarded(path: string, element: ReactNode): RouteObject {
  return { path, element: <RequireAuth permission={accessFor(path)}>{element}</RequireAuth> };
}

/** `/` (and sign-in without a `next`) lands on the user's first page: the dashboard for leaders and dispatchers. */
function Home() {
  const { me } = useAuth();
  return <Navigate to={homePath(me?.roles ?? [])} replace />;
}

/** The signed-in pages, inside the layout; test/web/routes.test.ts checks each against the menu. */
export const staffPages: RouteObject[] = [
  guarded('/workbench', <WorkbenchPage />),
  guarded('/dashboard', <DashboardPage />),
  guarded('/intake', <IntakePage />),
  guarded('/cases', <CasesPage />),
  guarded('/cases/:id', <CaseDetailPage />),
  guarded('/dispatch', <DispatchCentrePage />),
  guarded('/supervision', <SupervisionPage />),
  guarded('/analysis/safety-index', <SafetyIndexPage />),
  guarded('/analysis/bulletin', <BulletinPage />),
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
];

export const routes: RouteObject[] = [
  { path: '/login', element: <LoginPage /> },
  publicRoute,
  {
    path: '/',
    element: (
      <RequireAuth>
        <AppLayout />
      </RequireAuth>
    ),
    children: [{ index: true, element: <Home /> }, ...staffPages, { path: '*', element: <NotFoundPage /> }],
  },
];
