export const LANGUAGES = ['sv', 'da', 'nb', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
