// The language of the login screen: the last operator's choice on this desk, else the browser's.
import { LANGUAGES, type Language } from '../../src-shared/domain/languages';

const STORAGE_KEY = 'frontdesk.language';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

export function languageOfLocale(locale: string): Language {
  const tag = locale.toLowerCase();
  if (tag.startsWith('sv')) return 'sv';
  if (tag.startsWith('da')) return 'da';
  if (tag.startsWith('nb') || tag.startsWith('no') || tag.startsWith('nn')) return 'nb';
  return 'en';
}

export function preferredLanguage(): Language {
  try {
    const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
    if (isLanguage(stored)) return stored;
  } catch {
    // Storage can be unavailable (privacy settings); the browser's language is the fallback.
  }
  return languageOfLocale(globalThis.navigator?.language ?? 'en');
}

export function rememberLanguage(language: Language): void {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, language);
  } catch {
    // Not remembering is harmless: the operator's own language applies at login.
  }
}
