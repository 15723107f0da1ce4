import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { isLuhnValid, luhnCheckDigit, mod11, mod11CheckDigit } from '../../../../src-shared/domain/checksums';

const digitString = (minLength: number, maxLength: number) =>
  fc.string({ unit: fc.constantFrom(...'0123456789'), minLength, maxLength });

describe('luhnCheckDigit', () => {
  // Worked by hand: doubling from the rightmost payload digit, digits of products summed.
  it.each([
    ['121212121', 2],
    ['811218987', 6],
    ['556016068', 0],
    ['7992739871', 3], // the textbook example
    ['0', 0],
  ])('gives the check digit of %s as %i', (payload, check) => {
    expect(luhnCheckDigit(payload)).toBe(check);
  });

  it('refuses anything but ASCII digits', () => {
    expect(() => luhnCheckDigit('')).toThrow(RangeError);
    expect(() => luhnCheckDigit('12a')).toThrow(RangeError);
    expect(() => luhnCheckDigit('١٢٣')).toThrow(RangeError);
  });
});

describe('isLuhnValid', () => {
  it('accepts numbers that end in their check digit', () => {
    expect(isLuhnValid('1212121212')).toBe(true);
    expect(isLuhnValid('79927398713')).toBe(true);
  });

  it('rejects a wrong check digit, too few digits and non-digits without throwing', () => {
    expect(isLuhnValid('1212121213')).toBe(false);
    expect(isLuhnValid('0')).toBe(false);
    expect(isLuhnValid('')).toBe(false);
    expect(isLuhnValid('12121212-1')).toBe(false);
  });

  it('holds for every payload followed by its check digit, and for no other final digit', () => {
    fc.assert(
      fc.property(digitString(1, 30), fc.integer({ min: 0, max: 9 }), (payload, last) => {
        expect(isLuhnValid(`${payload}${last}`)).toBe(last === luhnCheckDigit(payload));
      }),
    );
  });

  it('catches every single-digit change', () => {
    fc.assert(
      fc.property(digitString(1, 20), fc.nat(), fc.integer({ min: 1, max: 9 }), (payload, at, delta) => {
        const valid = `${payload}${luhnCheckDigit(payload)}`;
        const i = at % valid.length;
        const changed = `${valid.slice(0, i)}${(Number(valid[i]) + delta) % 10}${valid.slice(i + 1)}`;
        expect(isLuhnValid(changed)).toBe(false);
      }),
    );
  });
});

describe('mod11', () => {
  it('is the weighted digit sum modulo 11', () => {
    // 2*2 + 4*7 + 2*6 + 5*5 + 6*4 + 7*3 + 9*2 + 0*1 = 132 = 12 * 11
    expect(mod11('24256790', [2, 7, 6, 5, 4, 3, 2, 1])).toBe(0);
    expect(mod11('24256791', [2, 7, 6, 5, 4, 3, 2, 1])).toBe(1);
  });

  it('needs one weight per digit', () => {
    expect(() => mod11('123', [1, 2])).toThrow(RangeError);
    expect(() => mod11('1-3', [1, 2, 3])).toThrow(RangeError);
  });
});

describe('mod11CheckDigit', () => {
  const weights = [3, 2, 7, 6, 5, 4, 3, 2];

  it('is 11 minus the remainder, with 11 as 0 and 10 as no digit at all', () => {
    expect(mod11CheckDigit('92360901', weights)).toBe(6); // sum 126, remainder 5
    expect(mod11CheckDigit('00000000', weights)).toBe(0); // remainder 0
    expect(mod11CheckDigit('90000009', weights)).toBeUndefined(); // sum 45, remainder 1
  });

  it('always makes the weighted sum including the check digit (weight 1) divisible by 11', () => {
    fc.assert(
      fc.property(digitString(8, 8), (payload) => {
        const check = mod11CheckDigit(payload, weights);
        if (check === undefined) expect(mod11(payload, weights)).toBe(1);
        else expect(mod11(`${payload}${check}`, [...weights, 1])).toBe(0);
      }),
    );
  });
});
