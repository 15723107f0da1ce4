// The readers panel's messages in the operator's language. The core writes each reader message in
// English and sends its words with it (a key and the parts that vary); this picks the locale's sentence
// for the key and fills in the parts. No words, or a key this screen has no sentence for: the English.
import type { ReaderWords } from '../../src-shared/api/readers';

export interface ReaderTranslator {
  t(key: string, named: Record<string, unknown>): string;
  te(key: string): boolean;
  /** Numbers as the locale writes them (seconds, byte counts). */
  formatNumber(value: number): string;
}

export function readerText(english: string, words: ReaderWords | undefined, i18n: ReaderTranslator): string {
  if (words === undefined) return english;
  const key = `readerMessages.${words.key}`;
  if (!i18n.te(key)) return english;
  const named: Record<string, string> = {};
  for (const [name, value] of Object.entries(words.params ?? {})) {
    named[name] = typeof value === 'number' ? i18n.formatNumber(value) : value;
  }
  // The core names a card by its type; the few types it names in English words have a translation.
  const cardType = named.cardType;
  if (cardType !== undefined && i18n.te(`readerCardTypes.${cardType}`)) {
    named.card = i18n.t(`readerCardTypes.${cardType}`, {});
  }
  return i18n.t(key, named);
}
