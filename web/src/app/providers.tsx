import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider, type ThemeConfig } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { antdLocaleFor } from '../i18n/antd-locale.js';
import { DEFAULT_LANGUAGE, isLanguage } from '../i18n/languages.js';
import { AuthProvider } from './auth-context.js';
import { createQueryClient } from './query-client.js';

// Darker than antd's defaults so text and buttons meet WCAG AA contrast (axe runs on every page).
const theme: ThemeConfig = {
  token: {
    colorPrimary: '#0958d9',
    colorLink: '#0958d9',
    // hover and pressed states are checked too when a test runs axe right after a click
    colorPrimaryHover: '#1f6ae0',
    colorPrimaryActive: '#003eb3',
    colorLinkHover: '#1f6ae0',
    colorLinkActive: '#003eb3',
    colorErrorHover: '#a8071a',
    colorErrorActive: '#820014',
    colorTextSecondary: 'rgba(0, 0, 0, 0.68)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
    colorTextDescription: 'rgba(0, 0, 0, 0.65)',
    // also the date picker's days outside the month, which axe checks like any text
    colorTextDisabled: 'rgba(0, 0, 0, 0.56)',
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

// Toasts inside <main> when there is one, so that all content sits in a landmark.
const messageContainer = () => document.getElementById('main-content') ?? document.body;

/** The server-data cache, antd theme and locale (following i18next), antd's App context for messages, and the session. */
export function Providers({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  const [queryClient] = useState(createQueryClient);
  const language = isLanguage(i18n.language) ? i18n.language : DEFAULT_LANGUAGE;
  return (
    <QueryClientProvider client={queryClient}>
      <ConfigProvider locale={antdLocaleFor(language)} theme={theme}>
        <AntApp message={{ getContainer: messageContainer }}>
          <AuthProvider>{children}</AuthProvider>
        </AntApp>
      </ConfigProvider>
    </QueryClientProvider>
  );
}
