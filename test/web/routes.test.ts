import type { ReactElement } from 'react';
import type { RouteObject } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import { ROLES } from '../../src/core/case/types.js';
import { can, permissions } from '../../src/core/auth/permissions.js';
import {
  NAV,
  OPEN_PAGES,
  UNLISTED_PAGES,
  accessFor,
  homePath,
  isGroup,
  mayOpen,
  navItems,
} from '../../web/src/app/nav-items.js';
import { routes, staffPages } from '../../web/src/app/routes.js';

// The web app's rule (docs/ARCHITECTURE.md): every staff page names a permission of the server's table,
// the menu and the router's guard both ask `accessFor`, and a page without one is a listed exception.

const layout = routes.find((route) => route.path === '/')!;
const children = (layout.children ?? []) as RouteObject[];
const pagePaths = children.filter((route) => !route.index && route.path !== '*').map((route) => route.path!);
const guardOf = (route: RouteObject) => (route.element as ReactElement<{ permission?: string | null }>).props;

describe('the web routes and the permission table', () => {
  it('every staff route is in the menu, listed as open, or listed as reached from another page', () => {
    const known = new Set([...navItems().map((item) => item.path), ...UNLISTED_PAGES.map((page) => page.path)]);
    expect(pagePaths.filter((path) => !known.has(path))).toEqual([]);
    expect(pagePaths.sort()).toEqual(staffPages.map((route) => route.path).sort());
  });

  it('every menu item and listed page has a route (a typo in a path is a dead link, caught here)', () => {
    const routed = new Set(pagePaths);
    const listed = [...navItems().map((item) => item.path), ...UNLISTED_PAGES.map((p) => p.path), ...OPEN_PAGES];
    expect(listed.filter((path) => !routed.has(path))).toEqual([]);
  });

  it('names only permissions that exist in the server table', () => {
    const named = [...navItems().flatMap((item) => item.permission ?? []), ...UNLISTED_PAGES.map((p) => p.permission)];
    expect(named.length).toBeGreaterThan(10);
    expect(named.filter((permission) => !Object.hasOwn(permissions, permission))).toEqual([]);
  });

  it('opens pages without a permission only where OPEN_PAGES says so, and those name none', () => {
    expect(OPEN_PAGES).toEqual(['/workbench']);
    const withoutPermission = navItems()
      .filter((item) => !item.permission)
      .map((item) => item.path);
    expect(withoutPermission).toEqual([...OPEN_PAGES]);
  });

  it("guards each route with its menu entry's permission", () => {
    for (const route of children.filter((r) => pagePaths.includes(r.path!))) {
      expect(guardOf(route).permission, route.path).toBe(accessFor(route.path!));
    }
    expect(guardOf(children.find((r) => r.path === '/admin/users')!).permission).toBe('user.write');
  });

  it('fails closed: a path that names no permission throws instead of opening to every signed-in user', () => {
    expect(() => accessFor('/admin/user')).toThrow(/names no permission/);
  });

  it('shows each role exactly the pages the guard lets it open, as the server table grants them', () => {
    for (const role of ROLES) {
      for (const item of navItems()) {
        const expected = item.permission === undefined || can([role], item.permission);
        expect(mayOpen([role], item.path), `${role} ${item.path}`).toBe(expected);
      }
    }
    // 三员分立: the auditor's menu is the workbench and the audit log; the security officer manages accounts.
    const visible = (role: (typeof ROLES)[number]) =>
      navItems()
        .filter((item) => mayOpen([role], item.path))
        .map((item) => item.path);
    expect(visible('auditor')).toEqual(['/workbench', '/audit']);
    expect(visible('security')).toContain('/admin/users');
    expect(visible('admin')).not.toContain('/admin/users');
    expect(visible('admin')).not.toContain('/cases');
  });

  it('lands leaders and dispatchers on the dashboard (kpi.read), everyone else on the workbench', () => {
    const homes = Object.fromEntries(ROLES.map((role) => [role, homePath([role])]));
    expect(homes).toEqual({
      admin: '/workbench',
      security: '/workbench',
      auditor: '/workbench',
      dispatcher: '/dashboard',
      clerk: '/workbench',
      gridworker: '/workbench',
      mediator: '/workbench',
      leader: '/dashboard',
    });
    expect(accessFor('/dashboard')).toBe('kpi.read');
    // Each first page is one the role may open.
    for (const role of ROLES) expect(mayOpen([role], homePath([role])), role).toBe(true);
  });

  it('keeps the menu groups non-empty', () => {
    for (const entry of NAV) if (isGroup(entry)) expect(entry.children.length).toBeGreaterThan(0);
  });
});
