/** The interface languages; zh-CN is the default. */
export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'zh-CN';
export const LANGUAGE_STORAGE_KEY = 'cg.lang';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

function readStoredLanguage(): string | null {
  try {
    return window.localStorage.getItem(LANGUAGE_STORAGE_KEY);
  } catch {
    return null; // storage can be blocked (private mode, policy): fall back to the default
  }
}

/** `?lang=en` wins (and is remembered), then the stored choice, then zh-CN. */
export function detectLanguage(): Language {
  // Outside a browser (the route table's unit test imports the pages): the default.
  if (typeof window === 'undefined') return DEFAULT_LANGUAGE;
  const fromUrl = new URLSearchParams(window.location.search).get('lang');
  if (isLanguage(fromUrl)) {
    rememberLanguage(fromUrl);
    return fromUrl;
  }
  const stored = readStoredLanguage();
  return isLanguage(stored) ? stored : DEFAULT_LANGUAGE;
}

export function rememberLanguage(language: Language): void {
  try {
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    /* not persisted: the choice still holds for this page */
  }
}
