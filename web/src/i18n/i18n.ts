import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './locales/en.js';
import { zhCN } from './locales/zh-CN.js';
import { DEFAULT_LANGUAGE, detectLanguage, rememberLanguage, type Language } from './languages.js';

/** One i18next instance for the whole app, started before the first render. */
export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
  lng: detectLanguage(),
  fallbackLng: DEFAULT_LANGUAGE,
  interpolation: { escapeValue: false }, // React escapes already
  returnNull: false,
});

function reflectLanguageInDocument(language: string): void {
  if (typeof document === 'undefined') return;
  document.documentElement.lang = language;
  document.title = i18n.t('app.name');
}
reflectLanguageInDocument(i18n.language);
i18n.on('languageChanged', reflectLanguageInDocument);

export async function switchLanguage(language: Language): Promise<void> {
  rememberLanguage(language);
  await i18n.changeLanguage(language);
}
