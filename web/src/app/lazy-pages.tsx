import { Spin } from 'antd';
import { Suspense, lazy, type ComponentType } from 'react';

// Pages a grid worker never opens are loaded on demand, keeping the first download small
// for phones on a poor signal.
function lazyPage(load: () => Promise<ComponentType>) {
  const Page = lazy(async () => ({ default: await load() }));
  return function LazyPage() {
    return (
      <Suspense fallback={<Spin style={{ display: 'block', margin: '64px auto' }} />}>
        <Page />
      </Suspense>
    );
  };
}

export const RegionBrowserPage = lazyPage(
  async () => (await import('../features/regions/components/region-browser-page.js')).RegionBrowserPage,
);
export const UnitsPage = lazyPage(async () => (await import('../features/units/components/units-page.js')).UnitsPage);
export const UsersPage = lazyPage(async () => (await import('../features/users/components/users-page.js')).UsersPage);
export const CategoriesPage = lazyPage(
  async () => (await import('../features/categories/components/categories-page.js')).CategoriesPage,
);
export const AuditPage = lazyPage(async () => (await import('../features/audit/components/audit-page.js')).AuditPage);
export const IntakePage = lazyPage(
  async () => (await import('../features/intake/components/intake-page.js')).IntakePage,
);
export const CasesPage = lazyPage(async () => (await import('../features/cases/components/cases-page.js')).CasesPage);
export const CaseDetailPage = lazyPage(
  async () => (await import('../features/cases/components/case-detail-page.js')).CaseDetailPage,
);
export const DispatchCentrePage = lazyPage(
  async () => (await import('../features/dispatch/components/dispatch-centre-page.js')).DispatchCentrePage,
);
export const DispatchRulesPage = lazyPage(
  async () => (await import('../features/dispatch/components/dispatch-rules-page.js')).DispatchRulesPage,
);
export const SupervisionPage = lazyPage(
  async () => (await import('../features/supervision/components/supervision-page.js')).SupervisionPage,
);
export const CalendarPage = lazyPage(
  async () => (await import('../features/calendar/components/calendar-page.js')).CalendarPage,
);
export const PoliciesPage = lazyPage(
  async () => (await import('../features/calendar/components/policies-page.js')).PoliciesPage,
);
export const WebhooksPage = lazyPage(
  async () => (await import('../features/notifications/components/webhooks-page.js')).WebhooksPage,
);
export const PartnerKeysPage = lazyPage(
  async () => (await import('../features/partners/components/partner-keys-page.js')).PartnerKeysPage,
);
