import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  cardNumberCheckDigit,
  cardNumberFrom,
  isValidCardNumber,
} from '../../../../src-shared/domain/card-number';

describe('card numbers', () => {
  it('computes the check digit by hand: FD 000000001 → Luhn over 1513 000000001', () => {
    // F = 15, D = 13: Luhn over 1513 000000001. From the right, doubling first: 1→2, 3, 1→2, 5, 1→2,
    // zeros elsewhere: 2 + 3 + 2 + 5 + 2 = 14, so the check digit is 10 − 4 = 6.
    expect(cardNumberCheckDigit('FD', '000000001')).toBe(6);
    expect(isValidCardNumber('FD0000000016')).toBe(true);
    expect(isValidCardNumber('FD0000000019')).toBe(false);
  });

  it('refuses other shapes: lowercase, 11 digits, three letters', () => {
    for (const value of ['fd0000000016', 'FD000000016', 'FDX000000016', 'FD00000000160', ''])
      expect(isValidCardNumber(value), value).toBe(false);
  });

  it('makes valid numbers from any random bytes, with the prefix', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 4, maxLength: 16 }), (bytes) => {
        const number = cardNumberFrom('XB', bytes);
        expect(number).toMatch(/^XB[0-9]{10}$/);
        expect(isValidCardNumber(number)).toBe(true);
      }),
    );
  });

  it('catches every single mistyped digit and every swap of two different neighbouring digits', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 8, maxLength: 8 }),
        fc.nat(9),
        fc.integer({ min: 1, max: 9 }),
        (bytes, at, delta) => {
          const number = cardNumberFrom('FD', bytes);
          const digits = number.slice(2).split('');
          const typo = [...digits];
          typo[at] = String((Number(typo[at]) + delta) % 10);
          expect(isValidCardNumber(`FD${typo.join('')}`)).toBe(false);
          const swapAt = Math.min(at, 8);
          const swapped = [...digits];
          [swapped[swapAt], swapped[swapAt + 1]] = [swapped[swapAt + 1]!, swapped[swapAt]!];
          const isSameDigits = digits[swapAt] === digits[swapAt + 1];
          // Luhn misses only the 0↔9 swap.
          const isLuhnBlindSpot =
            new Set([digits[swapAt], digits[swapAt + 1]]).size === 2 &&
            [digits[swapAt], digits[swapAt + 1]].sort().join('') === '09';
          if (!isSameDigits && !isLuhnBlindSpot)
            expect(isValidCardNumber(`FD${swapped.join('')}`)).toBe(false);
        },
      ),
    );
  });
});
