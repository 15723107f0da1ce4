import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bigIntToBytes,
  bytesToBigInt,
  bytesToHex,
  CREDENTIAL_TECHNOLOGIES,
  credentialKey,
  describeCharacter,
  hexToBytes,
  reverseBytes,
} from '../../../../src-shared/credentials/credential.js';

describe('hex helpers', () => {
  it('round-trip any bytes, lowercase', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), (bytes) => {
        const hex = bytesToHex(bytes);
        expect(hex).toMatch(/^[0-9a-f]*$/);
        expect(hexToBytes(hex)).toEqual({ ok: true, value: bytes });
        expect(hexToBytes(hex.toUpperCase())).toEqual({ ok: true, value: bytes });
      }),
    );
  });

  it.each([
    ['abc', 'invalid_length'],
    ['0g', 'invalid_character'],
    ['0x12', 'invalid_character'],
    ['12 34', 'invalid_character'],
    ['１２', 'invalid_character'],
  ])('hexToBytes(%j) refuses with %s', (text, code) => {
    const result = hexToBytes(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe(code);
  });

  it('names a non-ASCII character by its code point, whole (not half a surrogate pair)', () => {
    const result = hexToBytes('12😀');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toContain('U+1F600');
    expect(describeCharacter('x')).toBe("'x'");
    expect(describeCharacter('\u0000')).toBe('U+0000');
  });
});

describe('integer helpers', () => {
  it('bytes → integer → bytes round-trips big-endian', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 16 }), (bytes) => {
        expect(bigIntToBytes(bytesToBigInt(bytes), bytes.length)).toEqual(bytes);
      }),
    );
    expect(bytesToBigInt(Uint8Array.of(0x01, 0x00))).toBe(256n);
  });

  it('refuses values that do not fit, and negatives', () => {
    expect(bigIntToBytes(4294967296n, 4)).toBeUndefined();
    expect(bigIntToBytes(4294967295n, 4)).toEqual(Uint8Array.of(255, 255, 255, 255));
    expect(bigIntToBytes(-1n, 4)).toBeUndefined();
  });

  it('reverseBytes leaves its input alone', () => {
    const bytes = Uint8Array.of(1, 2, 3);
    expect(reverseBytes(bytes)).toEqual(Uint8Array.of(3, 2, 1));
    expect(bytes).toEqual(Uint8Array.of(1, 2, 3));
  });
});

describe('credentialKey', () => {
  it('is technology:lowercase hex', () => {
    expect(credentialKey({ technology: 'iso14443a_uid', bytes: Uint8Array.of(0x04, 0xab, 0xcd, 0xef) })).toBe(
      'iso14443a_uid:04abcdef',
    );
  });

  it('is equal exactly when technology and bytes are', () => {
    const credential = fc.record({
      technology: fc.constantFrom(...CREDENTIAL_TECHNOLOGIES),
      bytes: fc.uint8Array({ minLength: 1, maxLength: 10 }),
    });
    fc.assert(
      fc.property(credential, credential, (a, b) => {
        const same = a.technology === b.technology && bytesToHex(a.bytes) === bytesToHex(b.bytes);
        expect(credentialKey(a) === credentialKey(b)).toBe(same);
      }),
    );
  });
});
