import { describe, expect, it } from 'vitest';
import {
  allowedByteLengths,
  credentialFromBytes,
  describeByteLengths,
} from '../../../../src-shared/credentials/credential-from-bytes.js';
import { CREDENTIAL_TECHNOLOGIES } from '../../../../src-shared/credentials/credential.js';
import { hex } from './arbitraries.js';

describe('credentialFromBytes', () => {
  it.each([
    ['iso14443a_uid', [4, 7, 10]],
    ['iso14443b', [4]],
    ['iso15693', [8]],
    ['em4100', [5]],
  ] as const)('%s takes %j bytes', (technology, lengths) => {
    expect(allowedByteLengths(technology)).toEqual(lengths);
    for (let length = 0; length <= 12; length++) {
      const result = credentialFromBytes(technology, new Uint8Array(length));
      expect(result.ok).toBe((lengths as readonly number[]).includes(length));
    }
  });

  it('says which lengths a technology has', () => {
    const result = credentialFromBytes('iso14443a_uid', new Uint8Array(5));
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'invalid_length',
        message: 'iso14443a_uid: 5 bytes, but this technology has 4, 7 or 10 bytes',
      },
    });
    expect(describeByteLengths('other')).toBe('1 to 16 bytes');
    expect(describeByteLengths('em4100')).toBe('5 bytes');
  });

  it('refuses empty bytes for every technology', () => {
    for (const technology of CREDENTIAL_TECHNOLOGIES) {
      expect(credentialFromBytes(technology, new Uint8Array()).ok).toBe(false);
    }
  });

  it('checks Wiegand parity, not just length', () => {
    expect(credentialFromBytes('wiegand26', hex('02020002')).ok).toBe(true);
    const result = credentialFromBytes('wiegand26', hex('02020003'));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('parity');
  });

  it('keeps its own copy of the bytes', () => {
    const bytes = hex('04112233');
    const result = credentialFromBytes('iso14443a_uid', bytes);
    bytes[0] = 0xff;
    expect(result.ok && result.value.bytes[0]).toBe(0x04);
  });
});
