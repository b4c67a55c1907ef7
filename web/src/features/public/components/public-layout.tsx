import { Button, Layout, Menu, Typography } from 'antd';
import { Link, Outlet, useLocation } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { switchLanguage } from '../../../i18n/i18n.js';
import '../i18n-public.js';

/** The light layout of the residents' portal: a title, four links and a language switch; no staff menu. */
export function PublicLayout() {
  const { t, i18n } = useTranslation();
  const { pathname } = useLocation();
  const items = (['submit', 'track', 'urge', 'evaluate'] as const).map((k) => ({
    key: `/public/${k}`,
    label: <Link to={`/public/${k}`}>{t(`portal.nav.${k}`)}</Link>,
  }));
  const other = i18n.language.startsWith('zh') ? 'en' : 'zh-CN';
  return (
    <Layout style={{ minHeight: '100vh', background: '#f5f7fa' }}>
      <Layout.Header
        style={{
          background: '#fff',
          padding: '0 12px',
          height: 'auto',
          lineHeight: 1.4,
          borderBottom: '1px solid #e5e6eb',
        }}
      >
        <div style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', paddingTop: 8 }}>
          <div>
            <Typography.Title level={1} style={{ fontSize: 18, margin: 0 }}>
              {t('portal.title')}
            </Typography.Title>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('portal.subtitle')}
            </Typography.Text>
          </div>
          <Button size="small" onClick={() => void switchLanguage(other)} data-testid="public-language" lang={other}>
            {t('portal.language')}
          </Button>
        </div>
        <nav aria-label={t('portal.title')}>
          <Menu mode="horizontal" selectedKeys={[pathname]} items={items} style={{ borderBottom: 'none' }} />
        </nav>
      </Layout.Header>
      <Layout.Content
        id="main-content"
        role="main"
        style={{ padding: 12, maxWidth: 720, width: '100%', margin: '0 auto' }}
      >
        <Outlet />
      </Layout.Content>
    </Layout>
  );
}
