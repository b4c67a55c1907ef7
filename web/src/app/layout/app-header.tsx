import { LogoutOutlined, MenuOutlined } from '@ant-design/icons';
import { Button, Grid, Layout, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useAuth } from '../auth-context.js';
import { LanguageSwitch } from './language-switch.js';
import { UserSummary } from './user-summary.js';

/** Top bar: menu button on phones, the user's name, unit and jurisdiction, language, sign-out. */
export function AppHeader({ onOpenMenu }: { onOpenMenu: () => void }) {
  const { t } = useTranslation();
  const { signOut } = useAuth();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const wide = Boolean(screens.lg);

  return (
    <Layout.Header
      style={{
        background: '#fff',
        padding: wide ? '0 24px' : '0 8px',
        display: 'flex',
        alignItems: 'center',
        gap: 12,
        borderBottom: '1px solid #f0f0f0',
        position: 'sticky',
        top: 0,
        zIndex: 10,
      }}
    >
      {!wide && (
        <Button
          type="text"
          icon={<MenuOutlined />}
          aria-label={t('header.openMenu')}
          onClick={onOpenMenu}
          data-testid="open-menu"
        />
      )}
      <div style={{ flex: 1, minWidth: 0, overflow: 'hidden' }}>{screens.md ? <UserSummary /> : null}</div>
      <Space size={4}>
        <LanguageSwitch />
        <Button
          type="text"
          icon={<LogoutOutlined />}
          data-testid="logout-button"
          aria-label={wide ? undefined : t('auth.logout')}
          onClick={() => {
            void signOut().finally(() => navigate('/login', { replace: true }));
          }}
        >
          {wide ? t('auth.logout') : null}
        </Button>
      </Space>
    </Layout.Header>
  );
}
