// vue-i18n with the four desk languages. Messages are keyed by screen (`login.title`,
// `holder.edit.photo.tooLarge`), and `errors.<code>` translates every API error code.
import { createI18n } from 'vue-i18n';
import type { Language } from '../../src-shared/domain/languages';
import { MESSAGES, type MessageSchema } from './messages';

/** The BCP 47 tags used for dates and numbers: Intl's plain `en` would write dates the US way. */
export const LOCALE_TAGS: Record<Language, string> = { sv: 'sv-SE', da: 'da-DK', nb: 'nb-NO', en: 'en-GB' };

export type { MessageSchema };

export const i18n = createI18n<[MessageSchema], Language, false>({
  legacy: false,
  locale: 'en',
  fallbackLocale: 'en',
  messages: MESSAGES,
  missingWarn: false,
  fallbackWarn: false,
});

export function applyLanguage(language: Language): void {
  i18n.global.locale.value = language;
  if (typeof document !== 'undefined') document.documentElement.lang = language;
}
