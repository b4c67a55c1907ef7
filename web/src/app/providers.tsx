import { App as AntApp, ConfigProvider, type ThemeConfig } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { antdLocaleFor } from '../i18n/antd-locale.js';
import { DEFAULT_LANGUAGE, isLanguage } from '../i18n/languages.js';
import { AuthProvider } from './auth-context.js';

// Darker than antd's defaults so text and buttons meet WCAG AA contrast (axe runs on every page).
const theme: ThemeConfig = {
  token: {
    colorPrimary: '#0958d9',
    colorLink: '#0958d9',
    colorTextSecondary: 'rgba(0, 0, 0, 0.68)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
    colorTextDescription: 'rgba(0, 0, 0, 0.65)',
    colorError: '#cf1322',
    colorSuccess: '#237804',
    borderRadius: 4,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Helvetica Neue', Arial, sans-serif",
  },
  components: {
    Menu: { darkItemColor: 'rgba(255, 255, 255, 0.85)', darkSubMenuItemBg: '#000c17' },
  },
};

/** antd theme and locale (following i18next), antd's App context for messages, and the session. */
export function Providers({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  const language = isLanguage(i18n.language) ? i18n.language : DEFAULT_LANGUAGE;
  return (
    <ConfigProvider locale={antdLocaleFor(language)} theme={theme}>
      <AntApp>
        <AuthProvider>{children}</AuthProvider>
      </AntApp>
    </ConfigProvider>
  );
}
