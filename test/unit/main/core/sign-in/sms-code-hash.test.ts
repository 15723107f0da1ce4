// The code an operator reads off their phone: every 8-digit value equally likely (leading zeros too),
// matched only by itself however it is typed, and never by anything else, however hostile.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SMS_CODE_DIGITS } from '../../../../../src-shared/domain/sign-in';
import type { Random } from '../../../../../src-main/core/ops/context';
import { systemRandom } from '../../../../../src-main/core/ops/context';
import { hashSmsCode, isSmsCode, randomSmsCode } from '../../../../../src-main/core/sign-in/sms-code-hash';

/** A Random that hands out these 32-bit values, big-endian, one per call. */
function randomOf(...values: number[]): Random {
  return {
    bytes: (length) => {
      const value = values.shift()!;
      expect(length).toBe(4);
      return new Uint8Array([value >>> 24, (value >>> 16) & 0xff, (value >>> 8) & 0xff, value & 0xff]);
    },
  };
}

const SALT = '00112233445566778899aabbccddeeff';
const code = fc.stringMatching(new RegExp(`^[0-9]{${SMS_CODE_DIGITS}}$`));

describe('randomSmsCode', () => {
  it('keeps leading zeros', () => {
    expect(randomSmsCode(randomOf(42))).toBe('00000042');
    expect(randomSmsCode(randomOf(0))).toBe('00000000');
  });

  it('draws again rather than favour low codes with the top of the 32-bit range', () => {
    // 4 200 000 000 is the first value past the last whole run of 10^8.
    expect(randomSmsCode(randomOf(4_200_000_000, 0xffffffff, 4_199_999_999))).toBe('99999999');
  });

  it('spreads codes evenly over the digits of every position', () => {
    const counts = Array.from({ length: SMS_CODE_DIGITS }, () => new Array<number>(10).fill(0));
    const draws = 20_000;
    for (let i = 0; i < draws; i++) {
      [...randomSmsCode(systemRandom)].forEach((digit, position) => counts[position]![Number(digit)]!++);
    }
    // Each digit expects 2000 per position; 5 standard deviations (~212) either side.
    for (const position of counts) {
      for (const n of position) expect(Math.abs(n - draws / 10)).toBeLessThan(212);
    }
  });
});

describe('isSmsCode', () => {
  it('accepts the code with or without a space or a dash in the middle, or around it', () => {
    fc.assert(
      fc.property(code, (c) => {
        const hash = hashSmsCode(SALT, c);
        for (const typed of [
          c,
          `${c.slice(0, 4)} ${c.slice(4)}`,
          `${c.slice(0, 4)}-${c.slice(4)}`,
          ` ${c}\n`,
        ]) {
          expect(isSmsCode(hash, SALT, typed)).toBe(true);
        }
      }),
    );
  });

  it('refuses any other input: other codes, other digits, injections, huge strings', () => {
    const hostile = fc.oneof(
      fc.string(),
      fc.string({ unit: 'grapheme', maxLength: 40 }),
      fc.stringMatching(/^[0-9 -]{0,20}$/),
      fc.constantFrom("' OR 1=1 --", '１２３４５６７８', '١٢٣٤٥٦٧٨', '\u0000', '1234567', '123456789'),
      fc.nat({ max: 10_000_000 }).map((n) => '0'.repeat(n % 100_000)),
    );
    fc.assert(
      fc.property(code, hostile, (c, typed) => {
        fc.pre(typed.replace(/[\s-]/g, '') !== c);
        expect(isSmsCode(hashSmsCode(SALT, c), SALT, typed)).toBe(false);
      }),
    );
  });

  it('gives the same code different hashes under different salts', () => {
    expect(hashSmsCode(SALT, '12345678')).not.toBe(hashSmsCode('ff'.repeat(16), '12345678'));
    expect(isSmsCode(hashSmsCode(SALT, '12345678'), 'ff'.repeat(16), '12345678')).toBe(false);
  });
});
