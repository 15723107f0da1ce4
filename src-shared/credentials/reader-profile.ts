// A reader profile says how one reader model, as configured, prints credentials: the format, the
// technology it reads, the UID length when the text does not show it, and any prefix/suffix the reader
// adds (keyboard-wedge readers are often set up to type e.g. ";" before and "?" after).

import { type Credential, fail, type Result } from './credential.js';
import type { CredentialTechnology } from './credential.js';
import { chooseTechnology } from './codec-helpers.js';
import { type CredentialFormat, formatCodec, parseCredential } from './formats.js';
import { MAX_TEXT_LENGTH } from './text-input.js';

export interface ReaderProfile {
  id: string;
  name: string;
  format: CredentialFormat;
  technology: CredentialTechnology;
  /** The UID length, for decimal formats whose text drops leading zero bytes. */
  byteLength?: number;
  prefix?: string;
  suffix?: string;
}

export const BUILT_IN_READER_PROFILES: readonly ReaderProfile[] = [
  { id: 'pcsc-uid', name: 'PC/SC reader, UID bytes', format: 'hex', technology: 'iso14443a_uid' },
  { id: 'wedge-hex', name: 'Keyboard wedge, UID in hex', format: 'hex', technology: 'iso14443a_uid' },
  {
    id: 'wedge-hex-reversed',
    name: 'Keyboard wedge, UID in hex, bytes reversed',
    format: 'hex_reversed',
    technology: 'iso14443a_uid',
  },
  {
    id: 'wedge-decimal',
    name: 'Keyboard wedge, UID in decimal',
    format: 'decimal',
    technology: 'iso14443a_uid',
  },
  {
    id: 'wedge-decimal-reversed',
    name: 'Keyboard wedge, UID in decimal, bytes reversed',
    format: 'decimal_reversed',
    technology: 'iso14443a_uid',
  },
  {
    id: 'wedge-8h10d',
    name: 'Keyboard wedge, 8H10D (10 digits)',
    format: '8h10d',
    technology: 'iso14443a_uid',
  },
  {
    id: 'wedge-8h10d-reversed',
    name: 'Keyboard wedge, 8H10D reversed (10 digits)',
    format: '8h10d_reversed',
    technology: 'iso14443a_uid',
  },
  { id: 'wedge-6h8d', name: 'Keyboard wedge, 6H8D (8 digits)', format: '6h8d', technology: 'iso14443a_uid' },
  {
    id: 'wedge-em4100-hex',
    name: 'Keyboard wedge, EM4100 in hex',
    format: 'em4100_hex',
    technology: 'em4100',
  },
  {
    id: 'wedge-em4100-decimal',
    name: 'Keyboard wedge, EM4100 id in 10 digits',
    format: 'em4100_decimal',
    technology: 'em4100',
  },
  {
    id: 'wedge-em4100-fc-cn',
    name: 'Keyboard wedge, EM4100 as FC,CN',
    format: 'em4100_fc_cn',
    technology: 'em4100',
  },
  {
    id: 'wiegand26-fc-cn',
    name: '26-bit Wiegand, FC:CN or FFFCCCCC',
    format: 'wiegand26',
    technology: 'wiegand26',
  },
  {
    id: 'wiegand26-raw-hex',
    name: '26-bit Wiegand, raw frame in hex',
    format: 'hex',
    technology: 'wiegand26',
  },
  {
    id: 'wiegand35-fc-cn',
    name: '35-bit Corporate 1000, company ID:CN',
    format: 'wiegand35',
    technology: 'wiegand35',
  },
  {
    id: 'wiegand37-h10302-cn',
    name: '37-bit H10302, card number',
    format: 'wiegand37_h10302',
    technology: 'wiegand37_h10302',
  },
  {
    id: 'wiegand37-h10304-fc-cn',
    name: '37-bit H10304, FC:CN',
    format: 'wiegand37_h10304',
    technology: 'wiegand37_h10304',
  },
];

export function findReaderProfile(id: string): ReaderProfile | undefined {
  return BUILT_IN_READER_PROFILES.find((profile) => profile.id === id);
}

/** Whether the profile's format can read its technology; a profile that cannot is a setup error. */
export function checkReaderProfile(profile: ReaderProfile): Result<ReaderProfile> {
  const technology = chooseTechnology(
    { technology: profile.technology },
    formatCodec(profile.format).technologies,
    `reader profile ${profile.id}: format ${profile.format}`,
  );
  return technology.ok ? { ok: true, value: profile } : technology;
}

const trimAscii = (text: string): string => text.replace(/^[ \t\r\n]+|[ \t\r\n]+$/gu, '');

/** What a reader typed or reported → credential: strips whitespace, prefix and suffix, then parses. */
export function credentialFromReaderText(text: string, profile: ReaderProfile): Result<Credential> {
  const checked = checkReaderProfile(profile);
  if (!checked.ok) return checked;
  const limit = MAX_TEXT_LENGTH + (profile.prefix?.length ?? 0) + (profile.suffix?.length ?? 0);
  if (text.length > limit) {
    return fail('too_long', `${profile.name}: the reader sent ${text.length} characters, more than ${limit}`);
  }
  let rest = trimAscii(text);
  if (profile.prefix) {
    if (!rest.startsWith(profile.prefix)) {
      return fail('missing_prefix', `${profile.name}: the text does not start with the reader's prefix`);
    }
    rest = rest.slice(profile.prefix.length);
  }
  if (profile.suffix) {
    if (!rest.endsWith(profile.suffix)) {
      return fail('missing_suffix', `${profile.name}: the text does not end with the reader's suffix`);
    }
    rest = rest.slice(0, rest.length - profile.suffix.length);
  }
  const options = { technology: profile.technology, byteLength: profile.byteLength };
  return parseCredential(trimAscii(rest), profile.format, options);
}
