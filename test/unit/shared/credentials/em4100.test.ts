import { describe, expect, it } from 'vitest';
import { bytesToHex, type Credential } from '../../../../src-shared/credentials/credential.js';
import {
  em4100DecimalCodec,
  em4100FcCnCodec,
  em4100HexCodec,
} from '../../../../src-shared/credentials/em4100.js';
import { hex } from './arbitraries.js';

const em = (text: string): Credential => ({ technology: 'em4100', bytes: hex(text) });

// Worked by hand: id 0x02ABCDEF = 0x02000000 (33554432) + 0xABCDEF (11259375) = 44813807;
// its low 24 bits are 0xAB = 171 and 0xCDEF = 52719.
const KNOWN = [
  ['0102ABCDEF', '0102ABCDEF', '0044813807', '171,52719'],
  ['0000000001', '0000000001', '0000000001', '000,00001'],
  ['FFFFFFFFFF', 'FFFFFFFFFF', '4294967295', '255,65535'],
  ['1F0001ABCD', '1F0001ABCD', '0000109517', '001,43981'],
] as const;

describe('EM4100 forms of known ids', () => {
  it.each(KNOWN)('%s', (bytes, hexForm, decimal, fcCn) => {
    expect(em4100HexCodec.format(em(bytes))).toBe(hexForm);
    expect(em4100DecimalCodec.format(em(bytes))).toBe(decimal);
    expect(em4100FcCnCodec.format(em(bytes))).toBe(fcCn);
  });
});

describe('EM4100 parsing', () => {
  it('reads the whole 5 bytes from hex, and the kept bytes from the lossy forms', () => {
    const bytesOf = (result: ReturnType<typeof em4100HexCodec.parse>) =>
      result.ok ? bytesToHex(result.value.bytes) : result.error;
    expect(bytesOf(em4100HexCodec.parse('0102abcdef'))).toBe('0102abcdef');
    expect(bytesOf(em4100DecimalCodec.parse('0044813807'))).toBe('02abcdef');
    expect(bytesOf(em4100FcCnCodec.parse('171,52719'))).toBe('abcdef');
    expect(bytesOf(em4100FcCnCodec.parse(' 1 : 43981 '))).toBe('01abcd');
  });

  it.each([
    [em4100HexCodec, '02ABCDEF', 'invalid_length', 'EM4100 hex: 4 bytes, not 5 (10 hex digits)'],
    [
      em4100DecimalCodec,
      '4294967296',
      'out_of_range',
      'EM4100 decimal value 4294967296 does not fit in 4 bytes (the largest is 4294967295)',
    ],
    [
      em4100FcCnCodec,
      '256,1',
      'out_of_range',
      'EM4100 FC,CN: facility code 256 is too large (the largest is 255)',
    ],
    [
      em4100FcCnCodec,
      '1,65536',
      'out_of_range',
      'EM4100 FC,CN: card number 65536 is too large (the largest is 65535)',
    ],
    [em4100FcCnCodec, '12345', 'malformed', 'EM4100 FC,CN: write the two numbers as FC,CN, e.g. 171,52719'],
    [em4100FcCnCodec, '1,2,3', 'malformed', 'EM4100 FC,CN: write the two numbers as FC,CN, e.g. 171,52719'],
    [em4100FcCnCodec, '1;2', 'invalid_character', "EM4100 FC,CN: ';' is not a digit or separator"],
  ] as const)('refuses %#: %j', (codec, text, code, message) => {
    expect(codec.parse(text)).toEqual({ ok: false, error: { code, message } });
  });

  it('applies only to EM4100', () => {
    const uid: Credential = { technology: 'iso14443a_uid', bytes: hex('0102ABCDEF') };
    expect([em4100HexCodec, em4100DecimalCodec, em4100FcCnCodec].map((codec) => codec.format(uid))).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
    expect(em4100DecimalCodec.parse('1', { technology: 'iso14443a_uid' })).toMatchObject({
      ok: false,
      error: { code: 'not_applicable' },
    });
  });
});
