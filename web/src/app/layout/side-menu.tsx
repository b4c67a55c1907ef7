import { Menu, type MenuProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router-dom';
import { useMe } from '../auth-context.js';
import { NAV, isGroup, mayOpen, navItems } from '../nav-items.js';

type MenuItem = Required<MenuProps>['items'][number];

/** The side menu, showing only what the user's roles may open (the guard's own rule, `mayOpen`). */
export function SideMenu({ onNavigate }: { onNavigate?: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const { pathname } = useLocation();

  const items: MenuItem[] = NAV.flatMap((entry): MenuItem[] => {
    if (!isGroup(entry)) {
      return mayOpen(me.roles, entry.path) ? [{ key: entry.path, icon: entry.icon, label: t(entry.labelKey) }] : [];
    }
    const children = entry.children.filter((child) => mayOpen(me.roles, child.path));
    if (children.length === 0) return [];
    return [
      {
        key: entry.key,
        icon: entry.icon,
        label: t(entry.labelKey),
        children: children.map((child) => ({ key: child.path, icon: child.icon, label: t(child.labelKey) })),
      },
    ];
  });

  const selected = navItems()
    .map((item) => item.path)
    .filter((path) => pathname.startsWith(path));

  return (
    <nav aria-label={t('menu.label')}>
      <Menu
        theme="dark"
        mode="inline"
        items={items}
        selectedKeys={selected}
        defaultOpenKeys={['admin']}
        onClick={({ key }) => {
          navigate(key);
          onNavigate?.();
        }}
      />
    </nav>
  );
}
