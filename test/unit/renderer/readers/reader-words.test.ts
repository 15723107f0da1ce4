import { describe, expect, it } from 'vitest';
import { formatNumber } from '../../../../src-renderer/composables/use-format';
import { i18n, LOCALE_TAGS } from '../../../../src-renderer/i18n';
import { readerText, type ReaderTranslator } from '../../../../src-renderer/readers/reader-words';
import type { Language } from '../../../../src-shared/domain/languages';

function translator(language: Language): ReaderTranslator {
  return {
    t: (key, named) => i18n.global.t(key, named, { locale: language }),
    te: (key) => i18n.global.te(key, language),
    formatNumber: (value) => formatNumber(value, LOCALE_TAGS[language]),
  };
}

const TIMEOUT = 'The card did not answer within 0.05 s: remove it and present it again.';
const RULE =
  'SUBSYSTEM=="hidraw", ATTRS{idVendor}=="08ff", ATTRS{idProduct}=="0009", MODE="0660", GROUP="plugdev"';

describe('readerText', () => {
  it('shows the English message when there are no words', () => {
    expect(readerText(TIMEOUT, undefined, translator('sv'))).toBe(TIMEOUT);
  });

  it('shows the English message for a key the locale has no sentence for', () => {
    const withoutSentence = { ...translator('sv'), te: () => false };
    expect(readerText(TIMEOUT, { key: 'card_timeout', params: { seconds: 0.05 } }, withoutSentence)).toBe(
      TIMEOUT,
    );
  });

  it("says it in the operator's language, numbers written its way", () => {
    const words = { key: 'card_timeout', params: { seconds: 0.05 } } as const;
    expect(readerText(TIMEOUT, words, translator('sv'))).toBe(
      'Kortet svarade inte inom 0,05 s: ta bort det och håll fram det igen.',
    );
    expect(readerText(TIMEOUT, words, translator('en'))).toBe(TIMEOUT);
  });

  it('translates the card types the core names in English words, and keeps product names', () => {
    const read = (cardType: string, card: string) =>
      readerText(
        `${card}, UID 3B 01`,
        { key: 'card_read', params: { card, cardType, uid: '3B 01' } },
        translator('da'),
      );
    expect(read('iso7816', 'contact smart card')).toBe('kontaktbaseret chipkort, UID 3B 01');
    expect(read('desfire', 'MIFARE DESFire')).toBe('MIFARE DESFire, UID 3B 01');
  });

  it('keeps the udev rule as it is, on a line of its own', () => {
    const words = {
      key: 'hid_open_denied_linux',
      params: {
        ids: '08ff:0009',
        detail: 'Permission denied',
        ruleFile: '/etc/udev/rules.d/70-frontdesk-id-reader.rules',
        rule: RULE,
        reloadCommand: 'sudo udevadm control --reload-rules && sudo udevadm trigger',
      },
    } as const;
    const lines = readerText('(English)', words, translator('nb')).split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toContain('HID-leser 08ff:0009 (Permission denied)');
    expect(lines[1]).toBe(RULE);
    expect(lines[2]).toContain('"sudo udevadm control --reload-rules && sudo udevadm trigger"');
  });
});
