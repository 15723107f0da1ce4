import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BUILT_IN_READER_PROFILES,
  bytesToHex,
  checkReaderProfile,
  credentialFromReaderText,
  findReaderProfile,
  formatCredential,
  lookupKeys,
  matchKeys,
  type ReaderProfile,
} from '../../../../src-shared/credentials/index.js';
import { uidArb } from './arbitraries.js';

const profile = (id: string): ReaderProfile => {
  const found = findReaderProfile(id);
  if (!found) throw new Error(`no profile ${id}`);
  return found;
};
const hexOf = (result: ReturnType<typeof credentialFromReaderText>) =>
  result.ok ? `${result.value.technology}:${bytesToHex(result.value.bytes)}` : result.error.code;

describe('built-in reader profiles', () => {
  it('have unique ids, and formats that read their technology', () => {
    const ids = BUILT_IN_READER_PROFILES.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const p of BUILT_IN_READER_PROFILES) expect(checkReaderProfile(p)).toEqual({ ok: true, value: p });
    expect(findReaderProfile('nope')).toBeUndefined();
  });

  it.each([
    ['pcsc-uid', '04A2B3C4D5E6F7', 'iso14443a_uid:04a2b3c4d5e6f7'],
    ['wedge-hex-reversed', 'F7E6D5C4B3A204', 'iso14443a_uid:04a2b3c4d5e6f7'],
    ['wedge-decimal-reversed', '2018915346', 'iso14443a_uid:12345678'],
    ['wedge-8h10d', '0305419896\r\n', 'iso14443a_uid:12345678'],
    ['wedge-em4100-decimal', '0044813807', 'em4100:02abcdef'],
    ['wiegand26-fc-cn', '123:45678', 'wiegand26:02f764dd'],
    ['wiegand26-fc-cn', '12345678', 'wiegand26:02f764dd'],
    ['wiegand26-raw-hex', '02F764DD', 'wiegand26:02f764dd'],
    ['wiegand26-raw-hex', '02F764DC', 'parity'],
  ])('%s reads %j', (id, text, expected) => {
    expect(hexOf(credentialFromReaderText(text, profile(id)))).toBe(expected);
  });

  it('find a card enrolled over PC/SC whichever wedge profile reads it', () => {
    const wedges = BUILT_IN_READER_PROFILES.filter((p) => p.technology === 'iso14443a_uid');
    fc.assert(
      fc.property(uidArb, (stored) => {
        for (const p of wedges) {
          const text = formatCredential(stored, p.format);
          if (text === undefined) continue;
          const read = credentialFromReaderText(`${text}\n`, p);
          expect(read.ok).toBe(true);
          if (read.ok)
            expect(lookupKeys(read.value, p.format).some((key) => matchKeys(stored).includes(key))).toBe(
              true,
            );
        }
      }),
    );
  });
});

describe('credentialFromReaderText', () => {
  const framed: ReaderProfile = { ...profile('wedge-8h10d'), prefix: ';', suffix: '?' };

  it('strips whitespace, prefix and suffix', () => {
    expect(hexOf(credentialFromReaderText(' ;0305419896?\r\n', framed))).toBe('iso14443a_uid:12345678');
    expect(hexOf(credentialFromReaderText(';  0305419896 ?', framed))).toBe('iso14443a_uid:12345678');
  });

  it('refuses text without the prefix or suffix, or too long', () => {
    expect(hexOf(credentialFromReaderText('0305419896?', framed))).toBe('missing_prefix');
    expect(hexOf(credentialFromReaderText(';0305419896', framed))).toBe('missing_suffix');
    expect(hexOf(credentialFromReaderText(`;${'1'.repeat(100)}?`, framed))).toBe('too_long');
    expect(hexOf(credentialFromReaderText('1'.repeat(1_000_000), framed))).toBe('too_long');
  });

  it('uses the profile byte length for decimal readers', () => {
    const sevenBytes: ReaderProfile = { ...profile('wedge-decimal'), byteLength: 7 };
    expect(hexOf(credentialFromReaderText('305419896', sevenBytes))).toBe('iso14443a_uid:00000012345678');
    expect(hexOf(credentialFromReaderText('305419896', profile('wedge-decimal')))).toBe(
      'iso14443a_uid:12345678',
    );
  });

  it('refuses a profile whose format cannot read its technology', () => {
    const broken: ReaderProfile = { id: 'x', name: 'Broken', format: 'wiegand26', technology: 'em4100' };
    const result = credentialFromReaderText('1:1', broken);
    expect(!result.ok && result.error).toEqual({
      code: 'not_applicable',
      message: 'reader profile x: format wiegand26 does not apply to em4100 credentials',
    });
  });
});
