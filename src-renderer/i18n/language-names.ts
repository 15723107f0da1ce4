import type { Language } from '../../src-shared/domain/languages';

/** Each language by its own name, the same in every interface language, so anyone can find theirs. */
export const LANGUAGE_NAMES: Record<Language, string> = {
  sv: 'Svenska',
  da: 'Dansk',
  nb: 'Norsk bokmål',
  en: 'English',
};
