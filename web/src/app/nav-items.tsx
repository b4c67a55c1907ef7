import { ApartmentOutlined, AuditOutlined, BankOutlined, DashboardOutlined, SettingOutlined, TagsOutlined, TeamOutlined } from '@ant-design/icons';
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

/** The side menu. Route guards use the same role lists (see router.tsx). */
export const NAV: (NavItem | NavGroup)[] = [
  { path: '/workbench', labelKey: 'menu.workbench', icon: <DashboardOutlined /> },
  {
    key: 'admin',
    labelKey: 'menu.admin',
    icon: <SettingOutlined />,
    children: [
      { path: '/admin/regions', labelKey: 'menu.regions', icon: <ApartmentOutlined />, roles: ['admin', 'dispatcher', 'leader'] },
      { path: '/admin/units', labelKey: 'menu.units', icon: <BankOutlined />, roles: ['admin', 'security', 'dispatcher', 'leader'] },
      { path: '/admin/users', labelKey: 'menu.users', icon: <TeamOutlined />, roles: ['security'] },
      { path: '/admin/categories', labelKey: 'menu.categories', icon: <TagsOutlined />, roles: ['admin'] },
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
