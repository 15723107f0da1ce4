import { describe, expect, it } from 'vitest';
import { bytesToHex } from '../../../../src-shared/credentials/credential.js';
import {
  wiegand26Codec,
  wiegand35Codec,
  wiegand37H10302Codec,
  wiegand37H10304Codec,
  wiegandBitsCodec,
} from '../../../../src-shared/credentials/wiegand-formats.js';

type Parsed = ReturnType<typeof wiegand26Codec.parse>;
const frameOf = (result: Parsed) =>
  result.ok ? `${result.value.technology}:${bytesToHex(result.value.bytes)}` : result.error;

describe('facility code and card number', () => {
  it.each(['1:1', '1,1', '1/1', '1-1', '1 1', ' 001 : 00001 ', '00100001'])(
    '26-bit reads %j as FC 1 CN 1',
    (text) => {
      expect(frameOf(wiegand26Codec.parse(text))).toBe('wiegand26:02020002');
    },
  );

  it('26-bit reads 8 digits as FFF CCCCC', () => {
    expect(
      wiegand26Codec.format({ technology: 'wiegand26', bytes: Uint8Array.of(0x02, 0xf7, 0x64, 0xdd) }),
    ).toBe('123:45678');
    expect(frameOf(wiegand26Codec.parse('12345678'))).toBe('wiegand26:02f764dd');
  });

  it('reads the other layouts', () => {
    expect(frameOf(wiegand35Codec.parse('1:1'))).toBe('wiegand35:0600200003');
    expect(frameOf(wiegand37H10302Codec.parse('1'))).toBe('wiegand37_h10302:0000000002');
    expect(frameOf(wiegand37H10304Codec.parse('1:1'))).toBe('wiegand37_h10304:1000100002');
    expect(frameOf(wiegand37H10302Codec.parse('34359738367'))).toMatch(/^wiegand37_h10302:/);
  });

  it.each([
    [
      wiegand26Codec,
      '256:1',
      'out_of_range',
      '26-bit Wiegand (H10301): facility code 256 is too large (the largest is 255)',
    ],
    [
      wiegand26Codec,
      '1:65536',
      'out_of_range',
      '26-bit Wiegand (H10301): card number 65536 is too large (the largest is 65535)',
    ],
    [
      wiegand26Codec,
      '123456789',
      'malformed',
      '26-bit Wiegand (H10301): write facility code and card number as FC:CN or as 8 digits FFFCCCCC',
    ],
    [
      wiegand26Codec,
      '1:2:3',
      'malformed',
      '26-bit Wiegand (H10301): write facility code and card number as FC:CN or as 8 digits FFFCCCCC',
    ],
    [wiegand26Codec, '1:', 'empty', '26-bit Wiegand (H10301) card number: a number is missing'],
    [
      wiegand26Codec,
      '１:1',
      'invalid_character',
      '26-bit Wiegand (H10301): U+FF11 is not a digit or separator',
    ],
    [
      wiegand35Codec,
      '12345',
      'malformed',
      '35-bit Wiegand (Corporate 1000): write facility code and card number as FC:CN',
    ],
    [
      wiegand37H10302Codec,
      '34359738368',
      'out_of_range',
      '37-bit Wiegand (H10302): card number 34359738368 is too large (the largest is 34359738367)',
    ],
    [
      wiegand37H10302Codec,
      '1:1',
      'invalid_character',
      "37-bit Wiegand (H10302) card number: ':' is not a digit 0-9",
    ],
    [
      wiegand37H10304Codec,
      '65536:1',
      'out_of_range',
      '37-bit Wiegand (H10304): facility code 65536 is too large (the largest is 65535)',
    ],
  ] as const)('refuses %#: %j', (codec, text, code, message) => {
    expect(codec.parse(text)).toEqual({ ok: false, error: { code, message } });
  });

  it('applies only to its own technology', () => {
    expect(wiegand26Codec.format({ technology: 'wiegand35', bytes: new Uint8Array(5) })).toBeUndefined();
    expect(wiegand26Codec.parse('1:1', { technology: 'wiegand35' })).toMatchObject({
      ok: false,
      error: { code: 'not_applicable' },
    });
  });
});

describe('frame bits', () => {
  it('know 26 and 35 bits by their length, and need the technology for 37', () => {
    expect(frameOf(wiegandBitsCodec.parse('10000000100000000000000010'))).toBe('wiegand26:02020002');
    expect(frameOf(wiegandBitsCodec.parse('11000000000001000000000000000000011'))).toBe(
      'wiegand35:0600200003',
    );
    const bits37 = `${'0'.repeat(35)}10`;
    expect(wiegandBitsCodec.parse(bits37)).toMatchObject({ ok: false, error: { code: 'ambiguous' } });
    expect(frameOf(wiegandBitsCodec.parse(bits37, { technology: 'wiegand37_h10302' }))).toBe(
      'wiegand37_h10302:0000000002',
    );
  });

  it('refuse other lengths, other characters and bad parity', () => {
    expect(wiegandBitsCodec.parse('1010')).toMatchObject({ ok: false, error: { code: 'invalid_length' } });
    expect(wiegandBitsCodec.parse('10000000100000000000000012')).toMatchObject({
      ok: false,
      error: { code: 'invalid_character' },
    });
    expect(wiegandBitsCodec.parse('10000000100000000000000011')).toMatchObject({
      ok: false,
      error: { code: 'parity' },
    });
    expect(wiegandBitsCodec.parse('1'.repeat(26), { technology: 'em4100' })).toMatchObject({
      ok: false,
      error: { code: 'not_applicable' },
    });
  });
});
