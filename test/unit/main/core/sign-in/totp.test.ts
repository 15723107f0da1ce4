// RFC 6238 Appendix B's SHA-1 vectors, and the step bookkeeping the desk relies on to refuse a
// code twice.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Secret } from 'otpauth';
import {
  groupedBase32,
  matchTotpStep,
  newTotpSecret,
  totpCode,
  totpStep,
  totpUri,
} from '../../../../../src-main/core/sign-in/totp';

const RFC_SECRET = new TextEncoder().encode('12345678901234567890');

describe('TOTP', () => {
  it.each([
    [59, '94287082'],
    [1111111109, '07081804'],
    [1111111111, '14050471'],
    [1234567890, '89005924'],
    [2000000000, '69279037'],
    [20000000000, '65353130'],
  ])('gives RFC 6238 Appendix B at %i s: %s', (seconds, code) => {
    expect(totpCode(RFC_SECRET, seconds * 1000, 8)).toBe(code);
  });

  it('finds the step of a code one step either side of now, and none two steps away', () => {
    const secret = newTotpSecret();
    const now = 1_800_000_000_000;
    for (const offset of [-1, 0, 1]) {
      expect(matchTotpStep(secret, totpCode(secret, now + offset * 30_000), now)).toBe(
        totpStep(now) + offset,
      );
    }
    for (const offset of [-2, 2]) {
      const code = totpCode(secret, now + offset * 30_000);
      // A 6-digit code from another step may collide with one in the window by chance (1 in 10^6).
      const collides = [-1, 0, 1].some((o) => totpCode(secret, now + o * 30_000) === code);
      if (!collides) expect(matchTotpStep(secret, code, now)).toBeNull();
    }
  });

  it('never matches anything but six digits', () => {
    const secret = newTotpSecret();
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (text) => {
        fc.pre(!/^[0-9]{6}$/.test(text));
        expect(matchTotpStep(secret, text, 1_800_000_000_000)).toBeNull();
      }),
    );
  });

  it('shows the secret grouped by four and puts it in an otpauth URI an app reads back', () => {
    const secret = newTotpSecret();
    const grouped = groupedBase32(secret);
    expect(grouped).toMatch(/^([A-Z2-7]{4} ){7}[A-Z2-7]{4}$/);
    expect(Secret.fromBase32(grouped.replace(/ /g, '')).bytes).toEqual(secret);
    const uri = new URL(totpUri(secret, 'erik'));
    expect(uri.protocol).toBe('otpauth:');
    expect(uri.host).toBe('totp');
    expect(decodeURIComponent(uri.pathname)).toBe('/Frontdesk ID:erik');
    expect(Object.fromEntries(uri.searchParams)).toMatchObject({
      issuer: 'Frontdesk ID',
      algorithm: 'SHA1',
      digits: '6',
      period: '30',
      secret: grouped.replace(/ /g, ''),
    });
  });
});
