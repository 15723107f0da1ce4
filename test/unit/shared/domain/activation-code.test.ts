import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ACTIVATION_CODE_ALPHABET,
  ACTIVATION_CODE_BITS,
  activationCodeFrom,
  groupActivationCode,
  normaliseActivationCode,
} from '../../../../src-shared/domain/activation-code';

describe('activation codes', () => {
  it('carry at least 40 bits, in letters that cannot be mistaken for each other', () => {
    expect(ACTIVATION_CODE_BITS).toBeGreaterThanOrEqual(40);
    expect(ACTIVATION_CODE_ALPHABET).toHaveLength(32);
    expect(ACTIVATION_CODE_ALPHABET).not.toMatch(/[ILOU]/);
  });

  it('read back from any way a person types them', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 10, maxLength: 10 }), (bytes) => {
        const code = activationCodeFrom(bytes);
        const grouped = groupActivationCode(code);
        expect(grouped).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/);
        expect(normaliseActivationCode(grouped)).toBe(code);
        expect(normaliseActivationCode(` ${grouped.toLowerCase().replace('-', ' ')} `)).toBe(code);
      }),
    );
    expect(normaliseActivationCode('O1L1I-00000')).toBe('01111' + '00000');
  });

  it('refuses what cannot be a code', () => {
    for (const typed of ['', 'ABCDE', 'ABCDE-FGHJKM', 'ABCDE-FGHJ!', 'ÅÄÖAB-CDEFG']) {
      expect(normaliseActivationCode(typed)).toBeNull();
    }
  });

  it('uses every character of the alphabet equally: each byte gives 5 of its 8 bits', () => {
    const counts = new Map<string, number>();
    for (let b = 0; b < 256; b++) {
      const c = activationCodeFrom(new Uint8Array(10).fill(b))[0]!;
      counts.set(c, (counts.get(c) ?? 0) + 1);
    }
    expect([...counts.values()].every((n) => n === 8)).toBe(true);
  });
});
