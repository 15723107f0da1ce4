// EM4100 (125 kHz, read-only): 40 data bits, a version/customer byte then a 32-bit id, stored as
// those 5 bytes. Readers and card printing use three forms:
// - EM4100 hex: the 5 bytes as 10 hex digits, "0102ABCDEF" (version 0x01, id 0x02ABCDEF);
// - EM4100 decimal: the 32-bit id as 10 zero-padded digits, "0044813807" (the "8H10D" printed on the
//   card; the version byte is lost);
// - EM4100 as FC,CN: the id's low 24 bits as 3 + 5 digits, "171,52719" (byte 3, then bytes 4-5 as a
//   16-bit number). It is what a reader with 26-bit Wiegand output sends for an EM card, and the
//   second number printed on most EM cards. Only 24 bits survive.

import { bytesToHex, type Credential, describeCharacter, fail, ok, type Result } from './credential.js';
import { chooseTechnology, completeCredential, fixedDecimalCodec, parseHexText } from './codec-helpers.js';
import type { FormatCodec, ParseOptions } from './format-codec.js';
import { cleanText, parseBoundedNumber } from './text-input.js';

const em4100Only = ['em4100'] as const;

export const em4100HexCodec: FormatCodec = {
  label: 'EM4100 hex (version + id)',
  technologies: em4100Only,
  keeps: 'all',
  parse(text, options) {
    const technology = chooseTechnology(options, em4100Only, 'EM4100 hex');
    if (!technology.ok) return technology;
    const bytes = parseHexText(text, 'EM4100 hex');
    if (!bytes.ok) return bytes;
    if (bytes.value.length !== 5) {
      return fail('invalid_length', `EM4100 hex: ${bytes.value.length} bytes, not 5 (10 hex digits)`);
    }
    return completeCredential(technology.value, bytes.value, options, 'EM4100 hex');
  },
  format: (credential) =>
    credential.technology === 'em4100' && credential.bytes.length === 5
      ? bytesToHex(credential.bytes).toUpperCase()
      : undefined,
};

export const em4100DecimalCodec = fixedDecimalCodec({
  label: 'EM4100 id, 10-digit decimal',
  technologies: em4100Only,
  keeps: 'last4',
  isReversed: false,
  digits: 10,
  what: 'EM4100 decimal',
});

const W26 = 'EM4100 FC,CN';

function parseEm4100FcCn(text: string, options?: ParseOptions): Result<Credential> {
  const technology = chooseTechnology(options, em4100Only, W26);
  if (!technology.ok) return technology;
  const cleaned = cleanText(text, W26);
  if (!cleaned.ok) return cleaned;
  const bad = /[^0-9,: \t]/u.exec(cleaned.value);
  if (bad)
    return fail('invalid_character', `${W26}: ${describeCharacter(bad[0])} is not a digit or separator`);
  const parts = cleaned.value.split(/[ \t]*[,:][ \t]*/u);
  if (parts.length !== 2) {
    return fail('malformed', `${W26}: write the two numbers as FC,CN, e.g. 171,52719`);
  }
  const facility = parseBoundedNumber(parts[0] ?? '', W26, 'facility code', 255n);
  if (!facility.ok) return facility;
  const card = parseBoundedNumber(parts[1] ?? '', W26, 'card number', 65535n);
  if (!card.ok) return card;
  const cardNumber = Number(card.value);
  return ok({
    technology: technology.value,
    bytes: Uint8Array.of(Number(facility.value), cardNumber >> 8, cardNumber & 0xff),
  });
}

export const em4100FcCnCodec: FormatCodec = {
  label: 'EM4100 low 24 bits as FC,CN',
  technologies: em4100Only,
  keeps: 'last3',
  parse: parseEm4100FcCn,
  format(credential) {
    const [facility, high, low] = credential.bytes.slice(-3);
    if (credential.technology !== 'em4100' || low === undefined || high === undefined) return undefined;
    const cardNumber = (high << 8) | low;
    return `${String(facility).padStart(3, '0')},${String(cardNumber).padStart(5, '0')}`;
  },
};
