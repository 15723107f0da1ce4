import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bytesToHex, type Credential } from '../../../../src-shared/credentials/credential.js';
import {
  uid6h8dCodec,
  uid8h10dCodec,
  uid8h10dReversedCodec,
  uidDecimalCodec,
  uidDecimalReversedCodec,
  uidHexCodec,
  uidHexReversedCodec,
} from '../../../../src-shared/credentials/uid-formats.js';
import { hex, uidArb } from './arbitraries.js';

const uid = (text: string): Credential => ({ technology: 'iso14443a_uid', bytes: hex(text) });
const parsedHex = (result: ReturnType<typeof uidHexCodec.parse>) =>
  result.ok ? bytesToHex(result.value.bytes) : result.error;

// Worked by hand: 0x12345678 = 305419896, 0x78563412 = 2018915346, 0x345678 = 3430008;
// 0xC4D5E6F7 = 3302352631, 0xC4B3A204 = 3300106756, 0xD5E6F7 = 14018295,
// 0x04A2B3C4D5E6F7 = 1304792892040951, 0xF7E6D5C4B3A204 = 69778125050061316.
const KNOWN = [
  ['12345678', ['12345678', '78563412', '305419896', '2018915346', '0305419896', '2018915346', '03430008']],
  [
    '04A2B3C4D5E6F7',
    [
      '04A2B3C4D5E6F7',
      'F7E6D5C4B3A204',
      '1304792892040951',
      '69778125050061316',
      '3302352631',
      '3300106756',
      '14018295',
    ],
  ],
  ['00000001', ['00000001', '01000000', '1', '16777216', '0000000001', '0016777216', '00000001']],
] as const;
const CODECS = [
  uidHexCodec,
  uidHexReversedCodec,
  uidDecimalCodec,
  uidDecimalReversedCodec,
  uid8h10dCodec,
  uid8h10dReversedCodec,
  uid6h8dCodec,
];

describe('UID formats of known UIDs', () => {
  it.each(KNOWN)('UID %s', (uidHex, expected) => {
    expect(CODECS.map((codec) => codec.format(uid(uidHex)))).toEqual(expected);
  });
});

describe('hex', () => {
  it.each(['04A2B3C4', '04a2b3c4', '04:A2:B3:C4', '04-a2-b3-c4', '04 A2 B3 C4', '  04A2B3C4\r\n'])(
    'reads %j',
    (text) => {
      expect(parsedHex(uidHexCodec.parse(text))).toBe('04a2b3c4');
    },
  );

  it.each([
    ['04:A2-B3:C4', 'invalid_character'],
    ['04A2B3C', 'invalid_length'],
    ['04A2B3C4D5', 'invalid_length'],
    ['0x04A2B3C4', 'invalid_character'],
  ])('refuses %j (%s)', (text, code) => {
    const result = uidHexCodec.parse(text);
    expect(!result.ok && result.error.code).toBe(code);
  });

  it('reads the byte count the reader profile expects', () => {
    const result = uidHexCodec.parse('04A2B3C4', { byteLength: 7 });
    expect(!result.ok && result.error.message).toBe('hex: 4 bytes, but the reader is set up for 7');
  });

  it('reverses back to the chip order', () => {
    expect(parsedHex(uidHexReversedCodec.parse('F7E6D5C4B3A204'))).toBe('04a2b3c4d5e6f7');
  });

  it('does not apply to EM4100', () => {
    expect(uidHexCodec.format({ technology: 'em4100', bytes: hex('0102ABCDEF') })).toBeUndefined();
    expect(uidHexCodec.parse('0102ABCDEF', { technology: 'em4100' }).ok).toBe(false);
  });
});

describe('decimal', () => {
  it('takes the shortest UID length that fits when the reader does not say', () => {
    expect(parsedHex(uidDecimalCodec.parse('305419896'))).toBe('12345678');
    expect(parsedHex(uidDecimalCodec.parse('4294967296'))).toBe('00000100000000');
    expect(parsedHex(uidDecimalCodec.parse('1304792892040951'))).toBe('04a2b3c4d5e6f7');
    expect(parsedHex(uidDecimalReversedCodec.parse('2018915346'))).toBe('12345678');
  });

  it('uses the configured length, and says when the value does not fit', () => {
    expect(parsedHex(uidDecimalCodec.parse('1', { byteLength: 7 }))).toBe('00000000000001');
    expect(uidDecimalCodec.parse('4294967296', { byteLength: 4 })).toEqual({
      ok: false,
      error: { code: 'out_of_range', message: 'decimal value 4294967296 does not fit in 4 bytes' },
    });
    expect(uidDecimalCodec.parse('1'.repeat(30))).toMatchObject({
      ok: false,
      error: { code: 'out_of_range' },
    });
    expect(uidDecimalCodec.parse('1', { byteLength: 5 })).toMatchObject({
      ok: false,
      error: { code: 'invalid_length' },
    });
  });

  it('round-trips any UID given its length', () => {
    fc.assert(
      fc.property(uidArb, (credential) => {
        for (const codec of [uidDecimalCodec, uidDecimalReversedCodec]) {
          const text = codec.format(credential) ?? '';
          expect(codec.parse(text, { byteLength: credential.bytes.length })).toEqual({
            ok: true,
            value: credential,
          });
        }
      }),
    );
  });
});

describe('8H10D and 6H8D', () => {
  it('keep the last 4 / first 4 / last 3 bytes', () => {
    expect(parsedHex(uid8h10dCodec.parse('3302352631'))).toBe('c4d5e6f7');
    expect(parsedHex(uid8h10dReversedCodec.parse('3300106756'))).toBe('04a2b3c4');
    expect(parsedHex(uid6h8dCodec.parse('14018295'))).toBe('d5e6f7');
    expect(parsedHex(uid8h10dCodec.parse('42'))).toBe('0000002a');
  });

  it('refuse values too large for their bytes or digits', () => {
    expect(uid8h10dCodec.parse('4294967296')).toEqual({
      ok: false,
      error: {
        code: 'out_of_range',
        message: '8H10D value 4294967296 does not fit in 4 bytes (the largest is 4294967295)',
      },
    });
    expect(uid6h8dCodec.parse('16777216')).toMatchObject({ ok: false, error: { code: 'out_of_range' } });
    expect(uid8h10dCodec.parse('00000000001')).toMatchObject({ ok: false, error: { code: 'too_long' } });
    expect(uid6h8dCodec.parse('000000001')).toMatchObject({ ok: false, error: { code: 'too_long' } });
  });

  it('do not apply to fewer bytes than they keep', () => {
    const short: Credential = { technology: 'other', bytes: hex('0102') };
    expect(uid8h10dCodec.format(short)).toBeUndefined();
    expect(uid6h8dCodec.format(short)).toBeUndefined();
    expect(uidDecimalCodec.format(short)).toBe('258');
  });
});
