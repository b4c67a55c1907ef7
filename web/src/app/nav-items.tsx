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

export interface NavItem {
  path: string;
  labelKey: string;
  icon: ReactNode;
  /** Roles that see the item; undefined = every signed-in user. */
  roles?: readonly Role[];
}

export interface NavGroup {
  key: string;
  labelKey: string;
  icon: ReactNode;
  children: NavItem[];
}

/** Case work belongs to the staff who serve residents (src/core/auth/permissions.ts). */
export const CASE_ROLES: readonly Role[] = ['dispatcher', 'clerk', 'gridworker', 'mediator', 'leader'];

/** The side menu. Route guards use the same role lists (see router.tsx). */
export const NAV: (NavItem | NavGroup)[] = [
  { path: '/workbench', labelKey: 'menu.workbench', icon: <DashboardOutlined /> },
  { path: '/intake', labelKey: 'menu.intake', icon: <FormOutlined />, roles: CASE_ROLES },
  { path: '/cases', labelKey: 'menu.cases', icon: <ProfileOutlined />, roles: CASE_ROLES },
  { path: '/dispatch', labelKey: 'menu.dispatch', icon: <NodeIndexOutlined />, roles: ['dispatcher', 'leader'] },
  { path: '/supervision', labelKey: 'menu.supervision', icon: <AlertOutlined />, roles: ['dispatcher', 'leader'] },
  {
    key: 'admin',
    labelKey: 'menu.admin',
    icon: <SettingOutlined />,
    children: [
      {
        path: '/admin/regions',
        labelKey: 'menu.regions',
        icon: <ApartmentOutlined />,
        roles: ['admin', 'dispatcher', 'leader'],
      },
      {
        path: '/admin/units',
        labelKey: 'menu.units',
        icon: <BankOutlined />,
        roles: ['admin', 'security', 'dispatcher', 'leader'],
      },
      { path: '/admin/users', labelKey: 'menu.users', icon: <TeamOutlined />, roles: ['security'] },
      { path: '/admin/categories', labelKey: 'menu.categories', icon: <TagsOutlined />, roles: ['admin'] },
      {
        path: '/admin/dispatch-rules',
        labelKey: 'menu.rules',
        icon: <BranchesOutlined />,
        roles: ['admin', 'dispatcher', 'leader'],
      },
      {
        path: '/admin/calendar',
        labelKey: 'menu.calendar',
        icon: <CalendarOutlined />,
        roles: ['admin', 'dispatcher', 'leader'],
      },
      {
        path: '/admin/deadline-policies',
        labelKey: 'menu.policies',
        icon: <ClockCircleOutlined />,
        roles: ['admin', 'dispatcher', 'leader'],
      },
      { path: '/admin/webhooks', labelKey: 'menu.webhooks', icon: <ApiOutlined />, roles: ['admin'] },
      // partner_key.manage is the administrator's alone (src/core/auth/permissions.ts).
      { path: '/admin/partner-keys', labelKey: 'menu.partnerKeys', icon: <KeyOutlined />, roles: ['admin'] },
    ],
  },
  { path: '/audit', labelKey: 'menu.audit', icon: <AuditOutlined />, roles: ['auditor'] },
];

export function isGroup(entry: NavItem | NavGroup): entry is NavGroup {
  return 'children' in entry;
}

export function rolesFor(path: string): readonly Role[] | undefined {
  for (const entry of NAV) {
    const items = isGroup(entry) ? entry.children : [entry];
    const found = items.find((item) => item.path === path);
    if (found) return found.roles;
  }
  return undefined;
}
