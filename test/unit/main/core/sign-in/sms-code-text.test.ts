// The SMS itself: in each language, one SMS part (160 characters of the GSM 7-bit alphabet), the code
// grouped 4+4 and the time it is valid.
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../../../../src-shared/domain/languages';
import { groupSmsCode, smsCodeText } from '../../../../../src-main/core/sign-in/sms-code-text';

/** GSM 03.38's default alphabet (without the escape table): what fits 160 characters in one part. */
const GSM_7BIT =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';

describe('smsCodeText', () => {
  it.each(LANGUAGES)('fits one SMS part in %s, with the code grouped and the 5 minutes', (language) => {
    const text = smsCodeText(language, '01234567');
    expect(text.length).toBeLessThanOrEqual(160);
    expect([...text].filter((c) => !GSM_7BIT.includes(c))).toEqual([]);
    expect(text).toContain('0123 4567');
    expect(text).not.toContain('01234567');
    expect(text).toMatch(/ 5 min/);
  });

  it('reads naturally in Swedish', () => {
    expect(smsCodeText('sv', '12345678')).toBe(
      'Din inloggningskod till Frontdesk ID är 1234 5678. Den gäller i 5 minuter. Dela den inte med någon.',
    );
  });

  it('groups by four', () => {
    expect(groupSmsCode('12345678')).toBe('1234 5678');
    expect(groupSmsCode('1234')).toBe('1234');
  });
});
