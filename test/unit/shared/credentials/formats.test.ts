import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bytesToHex,
  CREDENTIAL_FORMATS,
  type Credential,
  type CredentialErrorCode,
  describeCredential,
  formatCodec,
  formatCredential,
  formatLabel,
  isCredentialFormat,
  parseCredential,
  type Projection,
} from '../../../../src-shared/credentials/index.js';
import { credentialArb, hex } from './arbitraries.js';

/** What a format keeps of the bytes, written out again here rather than taken from the code. */
function kept(bytes: Uint8Array, keeps: Projection): Uint8Array | undefined {
  if (keeps === 'last4') return bytes.length >= 4 ? bytes.slice(-4) : undefined;
  if (keeps === 'first4') return bytes.length >= 4 ? bytes.slice(0, 4) : undefined;
  if (keeps === 'last3') return bytes.length >= 3 ? bytes.slice(-3) : undefined;
  return bytes;
}

describe.each(CREDENTIAL_FORMATS)('format %s', (format) => {
  const codec = formatCodec(format);

  it.each(codec.technologies)('round-trips %s credentials (text → bytes → same text)', (technology) => {
    fc.assert(
      fc.property(credentialArb(technology), (credential) => {
        const text = formatCredential(credential, format);
        const expected = kept(credential.bytes, codec.keeps);
        expect(text === undefined).toBe(expected === undefined);
        if (text === undefined || expected === undefined) return;
        expect(text.length).toBeLessThanOrEqual(64);
        const parsed = parseCredential(text, format, { technology, byteLength: credential.bytes.length });
        expect(parsed).toEqual({ ok: true, value: { technology, bytes: expected } });
        if (parsed.ok) expect(formatCredential(parsed.value, format)).toBe(text);
      }),
    );
  });

  it('has a label', () => {
    expect(formatLabel(format).length).toBeGreaterThan(2);
  });

  // Hostile or malformed text: each refused with a code, never thrown, never half-read.
  const HOSTILE: ReadonlyArray<[string, CredentialErrorCode]> = [
    ['', 'empty'],
    [' \t\r\n', 'empty'],
    ['1'.repeat(65), 'too_long'],
    ['9'.repeat(10_000), 'too_long'],
    ['１２３４５６７８', 'invalid_character'], // fullwidth digits
    ['١٢٣٤٥٦٧٨', 'invalid_character'], // Arabic-Indic digits
    ['1234\u00a05678', 'invalid_character'], // no-break space
    ['\u00a012345678', 'invalid_character'],
    ['1234😀5678', 'invalid_character'],
    ['12\u0000345678', 'invalid_character'],
    ['12345678\u202e', 'invalid_character'], // right-to-left override
  ];

  it.each(HOSTILE)('refuses %j with %s', (text, code) => {
    const result = parseCredential(text, format);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe(code);
      expect(result.error.message.length).toBeGreaterThan(10);
      expect(result.error.message.length).toBeLessThan(200);
    }
  });

  it('never throws, and what it reads it prints back the same way', () => {
    const text = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 80 }),
      fc.string({ unit: fc.constantFrom(...'0123456789abcdefABCDEF:,-/ '), maxLength: 40 }),
    );
    fc.assert(
      fc.property(text, (input) => {
        const result = parseCredential(input, format);
        if (!result.ok) return;
        const printed = formatCredential(result.value, format);
        expect(printed).toBeDefined();
        expect(parseCredential(printed ?? '', format, { technology: result.value.technology })).toEqual(
          result,
        );
      }),
    );
    // 100 generated inputs per format: well under a second alone, but CI shares 2 cores with Chromium.
  }, 30_000);
});

describe('the registry', () => {
  it('knows its format names', () => {
    expect(isCredentialFormat('8h10d')).toBe(true);
    expect(isCredentialFormat('8H10D')).toBe(false);
    expect(isCredentialFormat('__proto__')).toBe(false);
    expect(parseCredential('1', 'nope' as never)).toMatchObject({
      ok: false,
      error: { code: 'unknown_format' },
    });
  });

  it('describes a UID in every UID format and nothing else', () => {
    const uid: Credential = { technology: 'iso14443a_uid', bytes: hex('04A2B3C4D5E6F7') };
    expect(describeCredential(uid).map((row) => `${row.format}=${row.value}`)).toEqual([
      'hex=04A2B3C4D5E6F7',
      'hex_reversed=F7E6D5C4B3A204',
      'decimal=1304792892040951',
      'decimal_reversed=69778125050061316',
      '8h10d=3302352631',
      '8h10d_reversed=3300106756',
      '6h8d=14018295',
    ]);
  });

  it('describes Wiegand and EM4100 credentials in their own formats', () => {
    const wiegand: Credential = { technology: 'wiegand26', bytes: hex('02020002') };
    expect(describeCredential(wiegand).map((row) => row.value)).toEqual([
      '02020002',
      '1:1',
      '10000000100000000000000010',
    ]);
    const em: Credential = { technology: 'em4100', bytes: hex('0102ABCDEF') };
    expect(describeCredential(em)).toEqual([
      { format: 'em4100_hex', label: 'EM4100 hex (version + id)', value: '0102ABCDEF' },
      { format: 'em4100_decimal', label: 'EM4100 id, 10-digit decimal', value: '0044813807' },
      { format: 'em4100_fc_cn', label: 'EM4100 low 24 bits as FC,CN', value: '171,52719' },
    ]);
  });

  it('lists every applicable format for any credential, each parsing back', () => {
    const technologies = [
      ...new Set(CREDENTIAL_FORMATS.flatMap((format) => formatCodec(format).technologies)),
    ];
    const anyCredential = fc.constantFrom(...technologies).chain(credentialArb);
    fc.assert(
      fc.property(anyCredential, (credential) => {
        for (const row of describeCredential(credential)) {
          const parsed = parseCredential(row.value, row.format, { technology: credential.technology });
          expect(parsed.ok).toBe(true);
        }
        expect(describeCredential(credential).length).toBeGreaterThan(0);
        expect(bytesToHex(credential.bytes).length).toBeGreaterThan(0);
      }),
    );
  });
});
