import type { Locale } from 'antd/es/locale/index.js';
import enUS from 'antd/es/locale/en_US.js';
import zhCNLocale from 'antd/es/locale/zh_CN.js';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn.js';
import type { Language } from './languages.js';

// antd's locale files are ES modules at run time, but TypeScript (NodeNext) reads their
// declarations as CommonJS and sees `{ default: Locale }`: unwrap whichever arrives.
function unwrap(module: unknown): Locale {
  const withDefault = module as { default?: Locale };
  return withDefault.default ?? (module as Locale);
}

/**
 * The date picker labels its year and month buttons "Choose a year" while they show "2026";
 * a name that hides the visible text fails WCAG 2.5.3 (axe: label-content-name-mismatch).
 * Empty labels let the buttons be named by what they show.
 */
function withDatePickerFix(locale: Locale): Locale {
  const unlabel = { yearSelect: '', monthSelect: '', decadeSelect: '' };
  // the pickers read the Calendar entry; DatePicker is patched too for components that read it
  const { DatePicker: picker, Calendar: calendar } = locale;
  return {
    ...locale,
    ...(picker ? { DatePicker: { ...picker, lang: { ...picker.lang, ...unlabel } } } : {}),
    ...(calendar ? { Calendar: { ...calendar, lang: { ...calendar.lang, ...unlabel } } } : {}),
  };
}

const ANTD_LOCALES: Record<Language, Locale> = {
  'zh-CN': withDatePickerFix(unwrap(zhCNLocale)),
  en: withDatePickerFix(unwrap(enUS)),
};
const DAYJS_LOCALES: Record<Language, string> = { 'zh-CN': 'zh-cn', en: 'en' };

/** antd's own strings (pagination, pickers, empty states) in the interface language. */
export function antdLocaleFor(language: Language): Locale {
  dayjs.locale(DAYJS_LOCALES[language]);
  return ANTD_LOCALES[language];
}
