// Every hint code BankID can send has BankID's recommended words in every language.
import { describe, expect, it } from 'vitest';
import { BANKID_FAILED_HINTS, BANKID_PENDING_HINTS } from '../../../../../src-shared/domain/sign-in';
import { i18n } from '../../../../../src-renderer/i18n';
import { bankIdHintKey } from '../../../../../src-renderer/views/sign-in/bankid-hints';

const pending = [...BANKID_PENDING_HINTS, 'unknown' as const].flatMap((hintCode) =>
  [false, true].map((isSameDevice) =>
    bankIdHintKey({ status: 'pending', hintCode, qr: null, qrSvg: null }, isSameDevice),
  ),
);
const failed = [...BANKID_FAILED_HINTS, 'unknown' as const].map((hintCode) =>
  bankIdHintKey({ status: 'failed', hintCode }, false),
);

describe('BankID hints', () => {
  it.each(['en', 'sv', 'da', 'nb'] as const)('all have words in %s', (locale) => {
    const missing = [...pending, ...failed].filter((key) => !i18n.global.te(key, locale));
    expect(missing).toEqual([]);
  });

  it('follows BankID’s recommended messages', () => {
    const en = (key: string) => i18n.global.t(key, {}, { locale: 'en' });
    expect(en(bankIdHintKey({ status: 'pending', hintCode: 'noClient', qr: null, qrSvg: null }, false))).toBe(
      'Start your BankID app.',
    );
    expect(en(bankIdHintKey({ status: 'failed', hintCode: 'expiredTransaction' }, false))).toMatch(
      /^The BankID app is not responding/,
    );
    expect(en(bankIdHintKey({ status: 'failed', hintCode: 'cancelled' }, false))).toBe(
      'Action cancelled. Please try again.',
    );
    expect(en(bankIdHintKey({ status: 'failed', hintCode: 'unknown' }, false))).toBe(
      'Unknown error. Please try again.',
    );
  });
});
