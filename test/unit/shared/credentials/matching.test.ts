import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CREDENTIAL_FORMATS,
  type Credential,
  credentialKey,
  formatCodec,
  formatCredential,
  lookupKeys,
  matchKeys,
  parseCredential,
  type CredentialTechnology,
} from '../../../../src-shared/credentials/index.js';
import { credentialArb, hex, uidArb } from './arbitraries.js';

const intersects = (a: readonly string[], b: readonly string[]): boolean => a.some((key) => b.includes(key));

/** The stored credential, printed by a reader in `format`, read back and looked up. */
function presentedKeys(stored: Credential, format: (typeof CREDENTIAL_FORMATS)[number], withLength: boolean) {
  const text = formatCredential(stored, format);
  if (text === undefined) return undefined;
  const options = withLength
    ? { technology: stored.technology, byteLength: stored.bytes.length }
    : { technology: stored.technology };
  const parsed = parseCredential(text, format, options);
  if (!parsed.ok) throw new Error(`${format} could not read its own ${text}: ${parsed.error.message}`);
  return lookupKeys(parsed.value, format);
}

describe('matching across formats', () => {
  it('finds a stored 4, 7 or 10-byte UID whatever format a reader prints it in', () => {
    fc.assert(
      fc.property(uidArb, fc.boolean(), (stored, withLength) => {
        const indexed = matchKeys(stored);
        for (const format of CREDENTIAL_FORMATS) {
          const keys = presentedKeys(stored, format, withLength);
          if (keys === undefined) continue;
          expect(intersects(keys, indexed), `${format}: ${keys.join(' ')} vs ${indexed.join(' ')}`).toBe(
            true,
          );
        }
      }),
    );
  });

  it('finds UIDs with leading or trailing zero bytes that decimal readers drop', () => {
    for (const uidHex of ['00000001A2B3C4', '04A2B3C4000000', '00000000000000000001']) {
      const stored: Credential = { technology: 'iso14443a_uid', bytes: hex(uidHex) };
      for (const format of ['decimal', 'decimal_reversed'] as const) {
        expect(intersects(presentedKeys(stored, format, false) ?? [], matchKeys(stored))).toBe(true);
      }
    }
  });

  it('finds every technology in every format that applies to it', () => {
    const technologies = [
      ...new Set(CREDENTIAL_FORMATS.flatMap((format) => formatCodec(format).technologies)),
    ];
    fc.assert(
      fc.property(fc.constantFrom<CredentialTechnology>(...technologies).chain(credentialArb), (stored) => {
        for (const format of CREDENTIAL_FORMATS) {
          const keys = presentedKeys(stored, format, false);
          if (keys !== undefined) expect(intersects(keys, matchKeys(stored))).toBe(true);
        }
      }),
    );
  });

  it('never gives two different UIDs the same full key', () => {
    fc.assert(
      fc.property(uidArb, uidArb, (a, b) => {
        fc.pre(credentialKey(a) !== credentialKey(b));
        expect(matchKeys(a)[0]).not.toBe(matchKeys(b)[0]);
        expect(lookupKeys(a, 'hex')).not.toContain(matchKeys(b)[0]);
      }),
    );
  });

  it('puts the full key first, and tries it first when the read is whole', () => {
    fc.assert(
      fc.property(uidArb, (uid) => {
        expect(matchKeys(uid)[0]).toBe(credentialKey(uid));
        expect(lookupKeys(uid, 'hex')).toEqual([credentialKey(uid)]);
      }),
    );
  });
});

describe('the keys', () => {
  const uid: Credential = { technology: 'iso14443a_uid', bytes: hex('04A2B3C4D5E6F7') };

  it('index a 7-byte UID under every part a format keeps', () => {
    expect(matchKeys(uid)).toEqual([
      'iso14443a_uid:04a2b3c4d5e6f7',
      'iso14443a_uid/int:4a2b3c4d5e6f7',
      'iso14443a_uid/int_reversed:f7e6d5c4b3a204',
      'iso14443a_uid/last4:c4d5e6f7',
      'iso14443a_uid/first4:04a2b3c4',
      'iso14443a_uid/last3:d5e6f7',
    ]);
  });

  it('look a lossy read up by the part it keeps, and by the whole only when it can be whole', () => {
    const read = (text: string, format: (typeof CREDENTIAL_FORMATS)[number]) => {
      const parsed = parseCredential(text, format);
      return parsed.ok ? lookupKeys(parsed.value, format) : [];
    };
    expect(read('3302352631', '8h10d')).toEqual(['iso14443a_uid:c4d5e6f7', 'iso14443a_uid/last4:c4d5e6f7']);
    expect(read('3300106756', '8h10d_reversed')).toEqual([
      'iso14443a_uid:04a2b3c4',
      'iso14443a_uid/first4:04a2b3c4',
    ]);
    expect(read('14018295', '6h8d')).toEqual(['iso14443a_uid/last3:d5e6f7']);
    expect(read('0044813807', 'em4100_decimal')).toEqual(['em4100/last4:02abcdef']);
  });

  it('find an EM4100 card read through a 26-bit Wiegand output', () => {
    const em: Credential = { technology: 'em4100', bytes: hex('0102ABCDEF') };
    const viaWiegand = parseCredential('171:52719', 'wiegand26');
    expect(viaWiegand.ok).toBe(true);
    if (viaWiegand.ok) {
      const keys = lookupKeys(viaWiegand.value, 'wiegand26');
      expect(keys[0]).toBe(credentialKey(viaWiegand.value));
      expect(keys).toContain('em4100/last3:abcdef');
      expect(intersects(keys, matchKeys(em))).toBe(true);
    }
  });

  it('keep technologies apart', () => {
    const b: Credential = { technology: 'iso14443b', bytes: hex('04A2B3C4') };
    const a: Credential = { technology: 'iso14443a_uid', bytes: hex('04A2B3C4') };
    expect(intersects(matchKeys(a), matchKeys(b))).toBe(false);
  });
});
