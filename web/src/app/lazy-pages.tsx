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

export const RegionBrowserPage = lazyPage(async () => (await import('../features/regions/components/region-browser-page.js')).RegionBrowserPage);
export const UnitsPage = lazyPage(async () => (await import('../features/units/components/units-page.js')).UnitsPage);
export const UsersPage = lazyPage(async () => (await import('../features/users/components/users-page.js')).UsersPage);
export const CategoriesPage = lazyPage(async () => (await import('../features/categories/components/categories-page.js')).CategoriesPage);
export const AuditPage = lazyPage(async () => (await import('../features/audit/components/audit-page.js')).AuditPage);
