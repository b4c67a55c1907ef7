import { lazy } from 'react';

// Pages a grid worker never opens are loaded on demand, keeping the first download small
// for phones on a poor signal. The layout's <Suspense> shows a spinner while one loads.

export const RegionBrowserPage = lazy(async () => ({
  default: (await import('../features/regions/components/region-browser-page.js')).RegionBrowserPage,
}));
export const UnitsPage = lazy(async () => ({
  default: (await import('../features/units/components/units-page.js')).UnitsPage,
}));
export const UsersPage = lazy(async () => ({
  default: (await import('../features/users/components/users-page.js')).UsersPage,
}));
export const CategoriesPage = lazy(async () => ({
  default: (await import('../features/categories/components/categories-page.js')).CategoriesPage,
}));
export const AuditPage = lazy(async () => ({
  default: (await import('../features/audit/components/audit-page.js')).AuditPage,
}));
export const IntakePage = lazy(async () => ({
  default: (await import('../features/intake/components/intake-page.js')).IntakePage,
}));
export const CasesPage = lazy(async () => ({
  default: (await import('../features/cases/components/cases-page.js')).CasesPage,
}));
export const CaseDetailPage = lazy(async () => ({
  default: (await import('../features/cases/components/case-detail-page.js')).CaseDetailPage,
}));
export const DispatchCentrePage = lazy(async () => ({
  default: (await import('../features/dispatch/components/dispatch-centre-page.js')).DispatchCentrePage,
}));
export const DispatchRulesPage = lazy(async () => ({
  default: (await import('../features/dispatch/components/dispatch-rules-page.js')).DispatchRulesPage,
}));
export const SupervisionPage = lazy(async () => ({
  default: (await import('../features/supervision/components/supervision-page.js')).SupervisionPage,
}));
export const CalendarPage = lazy(async () => ({
  default: (await import('../features/calendar/components/calendar-page.js')).CalendarPage,
}));
export const PoliciesPage = lazy(async () => ({
  default: (await import('../features/calendar/components/policies-page.js')).PoliciesPage,
}));
export const WebhooksPage = lazy(async () => ({
  default: (await import('../features/notifications/components/webhooks-page.js')).WebhooksPage,
}));
export const PartnerKeysPage = lazy(async () => ({
  default: (await import('../features/partners/components/partner-keys-page.js')).PartnerKeysPage,
}));
export const SafetyIndexPage = lazy(async () => ({
  default: (await import('../features/assessment/components/safety-index-page.js')).SafetyIndexPage,
}));
export const DashboardPage = lazy(async () => ({
  default: (await import('../features/dashboard/components/dashboard-page.js')).DashboardPage,
}));
export const BulletinPage = lazy(async () => ({
  default: (await import('../features/bulletin/components/bulletin-page.js')).BulletinPage,
}));
