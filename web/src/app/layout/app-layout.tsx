import { CloseOutlined } from '@ant-design/icons';
import { Drawer, Grid, Layout, Spin } from 'antd';
import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router-dom';
import { AppHeader } from './app-header.js';
import { Brand } from './brand.js';
import { SideMenu } from './side-menu.js';
import { UserSummary } from './user-summary.js';

const SIDER_BG = '#001529';

/** The signed-in frame: side menu (a drawer on phones), header, and the page in <main>. */
export function AppLayout() {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const wide = Boolean(screens.lg);
  const [menuOpen, setMenuOpen] = useState(false);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <a className="cg-skip-link" href="#main-content">
        {t('app.skipToContent')}
      </a>
      {wide && (
        <Layout.Sider
          width={220}
          style={{ background: SIDER_BG, position: 'sticky', top: 0, height: '100vh', overflow: 'auto' }}
        >
          <Brand />
          <SideMenu />
        </Layout.Sider>
      )}
      {!wide && (
        <Drawer
          open={menuOpen}
          onClose={() => setMenuOpen(false)}
          placement="left"
          width={260}
          title={t('menu.label')}
          closeIcon={<CloseOutlined aria-label={t('header.closeMenu')} style={{ color: '#fff' }} />}
          styles={{
            header: { background: SIDER_BG, color: '#fff', borderBottom: '1px solid rgba(255,255,255,0.15)' },
            body: { padding: 0, background: SIDER_BG },
          }}
        >
          <Brand />
          <div style={{ padding: '0 16px 12px' }}>{!screens.md && <UserSummary stacked />}</div>
          <SideMenu onNavigate={() => setMenuOpen(false)} />
        </Drawer>
      )}
      <Layout>
        <AppHeader onOpenMenu={() => setMenuOpen(true)} />
        <Layout.Content id="main-content" tabIndex={-1} style={{ padding: wide ? 24 : 12, minWidth: 0 }}>
          <Suspense fallback={<Spin style={{ display: 'block', margin: '64px auto' }} />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
