import {
  ApartmentOutlined,
  AlertOutlined,
  ApiOutlined,
  AuditOutlined,
  BankOutlined,
  BranchesOutlined,
  CalendarOutlined,
  ClockCircleOutlined,
  DashboardOutlined,
  FileTextOutlined,
  FundOutlined,
  LineChartOutlined,
  FundProjectionScreenOutlined,
  FormOutlined,
  KeyOutlined,
  NodeIndexOutlined,
  ProfileOutlined,
  SettingOutlined,
  TagsOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { Role } from '../api/contract-types.js';
import { can, type Permission } from '../../../src/core/auth/permissions.js';

export interface NavItem {
  path: string;
  labelKey: string;
  icon: ReactNode;
  /** The permission of the server's table (src/core/auth/permissions.ts) that opens the page; only OPEN_PAGES have none. */
  permission?: Permission;
}

export interface NavGroup {
  key: string;
  labelKey: string;
  icon: ReactNode;
  children: NavItem[];
}

/**
 * The listed exceptions to "a page names a permission": pages every signed-in user may open.
 * test/web/routes.test.ts fails on a route that is neither in the menu with a permission, nor here, nor unlisted below.
 */
export const OPEN_PAGES: readonly string[] = ['/workbench'];

/** Pages reached from other pages rather than the menu, with the permission each needs. */
export const UNLISTED_PAGES: readonly { path: string; permission: Permission }[] = [
  { path: '/cases/:id', permission: 'case.read' },
];

/**
 * The side menu. Each page names the permission its loads need; the roles come from the server's
 * table, and the router's guard asks the same entry (`accessFor`), so menu and guard cannot disagree.
 * Pages for managing something name its write permission (accounts, categories, webhooks, partner
 * keys); pages every holder of the read permission may consult name that one.
 */
export const NAV: (NavItem | NavGroup)[] = [
  { path: '/workbench', labelKey: 'menu.workbench', icon: <DashboardOutlined /> },
  { path: '/dashboard', labelKey: 'menu.dashboard', icon: <FundProjectionScreenOutlined />, permission: 'kpi.read' },
  { path: '/intake', labelKey: 'menu.intake', icon: <FormOutlined />, permission: 'case.submit' },
  { path: '/cases', labelKey: 'menu.cases', icon: <ProfileOutlined />, permission: 'case.read' },
  // The centre's queues are case lists; dispatching itself is checked per case by the core (case/authz.ts).
  { path: '/dispatch', labelKey: 'menu.dispatch', icon: <NodeIndexOutlined />, permission: 'case.read' },
  { path: '/supervision', labelKey: 'menu.supervision', icon: <AlertOutlined />, permission: 'supervision.read' },
  {
    key: 'analysis',
    labelKey: 'analysisMenu.group',
    icon: <LineChartOutlined />,
    children: [
      {
        path: '/analysis/safety-index',
        labelKey: 'analysisMenu.index',
        icon: <FundOutlined />,
        permission: 'kpi.read',
      },
      { path: '/analysis/bulletin', labelKey: 'menu.bulletin', icon: <FileTextOutlined />, permission: 'kpi.read' },
    ],
  },
  {
    key: 'admin',
    labelKey: 'menu.admin',
    icon: <SettingOutlined />,
    children: [
      { path: '/admin/regions', labelKey: 'menu.regions', icon: <ApartmentOutlined />, permission: 'region.read' },
      { path: '/admin/units', labelKey: 'menu.units', icon: <BankOutlined />, permission: 'unit.read' },
      { path: '/admin/users', labelKey: 'menu.users', icon: <TeamOutlined />, permission: 'user.write' },
      { path: '/admin/categories', labelKey: 'menu.categories', icon: <TagsOutlined />, permission: 'category.write' },
      {
        path: '/admin/dispatch-rules',
        labelKey: 'menu.rules',
        icon: <BranchesOutlined />,
        permission: 'dispatch_rule.read',
      },
      { path: '/admin/calendar', labelKey: 'menu.calendar', icon: <CalendarOutlined />, permission: 'deadline.read' },
      {
        path: '/admin/deadline-policies',
        labelKey: 'menu.policies',
        icon: <ClockCircleOutlined />,
        permission: 'deadline.read',
      },
      { path: '/admin/webhooks', labelKey: 'menu.webhooks', icon: <ApiOutlined />, permission: 'webhook.manage' },
      {
        path: '/admin/partner-keys',
        labelKey: 'menu.partnerKeys',
        icon: <KeyOutlined />,
        permission: 'partner_key.manage',
      },
    ],
  },
  { path: '/audit', labelKey: 'menu.audit', icon: <AuditOutlined />, permission: 'audit.read' },
];

export function isGroup(entry: NavItem | NavGroup): entry is NavGroup {
  return 'children' in entry;
}

/** Every menu item, groups flattened. */
export const navItems = (): NavItem[] => NAV.flatMap((entry) => (isGroup(entry) ? entry.children : [entry]));

/**
 * What a staff page needs: its permission, or null for an OPEN_PAGES entry. An unknown path, or a menu
 * item without a permission that is not listed as open, throws: a typo closes the app, never opens a page.
 */
export function accessFor(path: string): Permission | null {
  if (OPEN_PAGES.includes(path)) return null;
  const permission = (navItems().find((item) => item.path === path) ?? UNLISTED_PAGES.find((p) => p.path === path))
    ?.permission;
  if (!permission)
    throw new Error(`${path} names no permission: give it one in nav-items.tsx or list it in OPEN_PAGES`);
  return permission;
}

/**
 * The roles that steer rather than handle cases: their first page after sign-in is the dashboard (驾驶舱);
 * everyone else starts on the workbench. A choice of landing page, not a permission: the dashboard's
 * guard is still `kpi.read`.
 */
const STEERING_ROLES: readonly Role[] = ['leader', 'dispatcher'];

/** The first page after sign-in: the dashboard for leaders and dispatchers who may open it, else the workbench. */
export function homePath(roles: readonly Role[]): string {
  return roles.some((r) => STEERING_ROLES.includes(r)) && mayOpen(roles, '/dashboard') ? '/dashboard' : '/workbench';
}

/** True when a user with these roles may open the page (the menu shows it and the guard lets them in). */
export function mayOpen(roles: readonly Role[], path: string): boolean {
  const permission = accessFor(path);
  return permission === null || can(roles, permission);
}
