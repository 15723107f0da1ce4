// Checks a reader message's words: the expected key and params, and that the English locale's sentence
// for them reads exactly like the core's English message, so an English desk sees the same text
// whether the screen uses the words or falls back to the message.
import { expect } from 'vitest';
import en from '../../../../../src-renderer/i18n/locales/en.json';
import type { ReaderWords } from '../../../../../src-shared/api/readers';

/** The English locale's sentence for `words`, its placeholders filled in the way vue-i18n does. */
export function inEnglish(words: ReaderWords): string {
  return en.readerMessages[words.key].replace(/\{(\w+)\}/gu, (placeholder, name: string) =>
    String(words.params?.[name] ?? placeholder),
  );
}

export function expectWords(
  english: string | undefined,
  words: ReaderWords | undefined,
  expected: ReaderWords,
) {
  expect(words).toEqual(expected);
  expect(inEnglish(words!)).toBe(english);
}
