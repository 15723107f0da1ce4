// How Wiegand credentials are written as text: facility code and card number ("123:45678"; H10302 has
// only a card number), and the frame as bits ("10000000100000000000000010"). Parsing encodes the frame
// with its parity, so a credential from text equals one from the raw frame of the same card.

import {
  type Credential,
  type CredentialTechnology,
  describeCharacter,
  fail,
  ok,
  type Result,
} from './credential.js';
import { chooseTechnology } from './codec-helpers.js';
import type { FormatCodec, ParseOptions } from './format-codec.js';
import { cleanText, parseBoundedNumber } from './text-input.js';
import {
  decodeWiegand,
  decodeWiegandBits,
  encodeWiegand,
  WIEGAND_LAYOUTS,
  WIEGAND_TECHNOLOGIES,
  wiegandBitsToBytes,
  wiegandBytesToBits,
  type WiegandTechnology,
  maxFieldValue,
} from './wiegand.js';

/** "FC:CN"; ',', '/', '-' or a space also separate. 26-bit also reads 8 digits "FFFCCCCC" (3 + 5). */
function parseFacilityAndCard(text: string, technology: WiegandTechnology): Result<[string, string]> {
  const layout = WIEGAND_LAYOUTS[technology];
  const bad = /[^0-9:,/\- \t]/u.exec(text);
  if (bad)
    return fail(
      'invalid_character',
      `${layout.label}: ${describeCharacter(bad[0])} is not a digit or separator`,
    );
  const parts = text.split(/[ \t]*[:,/-][ \t]*|[ \t]+/u);
  if (parts.length === 2) return ok([parts[0] ?? '', parts[1] ?? '']);
  if (technology === 'wiegand26' && /^[0-9]{8}$/u.test(text)) return ok([text.slice(0, 3), text.slice(3)]);
  const eightDigits = technology === 'wiegand26' ? ' or as 8 digits FFFCCCCC' : '';
  return fail('malformed', `${layout.label}: write facility code and card number as FC:CN${eightDigits}`);
}

function wiegandTextCodec(technology: WiegandTechnology, label: string): FormatCodec {
  const layout = WIEGAND_LAYOUTS[technology];
  const what = layout.label;
  const parse = (text: string, options?: ParseOptions): Result<Credential> => {
    const chosen = chooseTechnology(options, [technology], what);
    if (!chosen.ok) return chosen;
    const cleaned = cleanText(text, what);
    if (!cleaned.ok) return cleaned;
    let facilityCode = 0n;
    let cardText = cleaned.value;
    if (layout.facilityCode) {
      const parts = parseFacilityAndCard(cleaned.value, technology);
      if (!parts.ok) return parts;
      const facility = parseBoundedNumber(
        parts.value[0],
        what,
        'facility code',
        BigInt(maxFieldValue(layout.facilityCode)),
      );
      if (!facility.ok) return facility;
      facilityCode = facility.value;
      cardText = parts.value[1];
    }
    const card = parseBoundedNumber(cardText, what, 'card number', BigInt(maxFieldValue(layout.cardNumber)));
    if (!card.ok) return card;
    const bytes = encodeWiegand(technology, {
      facilityCode: Number(facilityCode),
      cardNumber: Number(card.value),
    });
    return bytes.ok ? ok({ technology, bytes: bytes.value }) : bytes;
  };
  return {
    label,
    technologies: [technology],
    keeps: 'all',
    parse,
    format(credential) {
      if (credential.technology !== technology) return undefined;
      const card = decodeWiegand(technology, credential.bytes);
      if (!card.ok) return undefined;
      return layout.facilityCode
        ? `${card.value.facilityCode}:${card.value.cardNumber}`
        : `${card.value.cardNumber}`;
    },
  };
}

export const wiegand26Codec = wiegandTextCodec('wiegand26', '26-bit Wiegand H10301 (FC:CN)');
export const wiegand35Codec = wiegandTextCodec('wiegand35', '35-bit Corporate 1000 (company ID:CN)');
export const wiegand37H10302Codec = wiegandTextCodec('wiegand37_h10302', '37-bit Wiegand H10302 (CN)');
export const wiegand37H10304Codec = wiegandTextCodec('wiegand37_h10304', '37-bit Wiegand H10304 (FC:CN)');

const wiegandTechnologies: readonly CredentialTechnology[] = WIEGAND_TECHNOLOGIES;
const BITS = 'Wiegand bits';

/** 26 bits are H10301 and 35 bits Corporate 1000; 37 bits need the technology, the frames look alike. */
function technologyForBits(bitCount: number, options?: ParseOptions): Result<WiegandTechnology> {
  const chosen = options?.technology;
  if (chosen !== undefined) {
    const technology = WIEGAND_TECHNOLOGIES.find((candidate) => candidate === chosen);
    return technology
      ? ok(technology)
      : fail('not_applicable', `${BITS} do not apply to ${chosen} credentials`);
  }
  if (bitCount === 26) return ok('wiegand26');
  if (bitCount === 35) return ok('wiegand35');
  if (bitCount === 37) {
    return fail('ambiguous', `${BITS}: a 37-bit frame is H10302 or H10304; give the technology to say which`);
  }
  return fail('invalid_length', `${BITS}: ${bitCount} bits is not a 26, 35 or 37-bit frame`);
}

export const wiegandBitsCodec: FormatCodec = {
  label: 'Wiegand frame bits',
  technologies: wiegandTechnologies,
  keeps: 'all',
  parse(text, options) {
    const cleaned = cleanText(text, BITS);
    if (!cleaned.ok) return cleaned;
    const bad = /[^01]/u.exec(cleaned.value);
    if (bad) return fail('invalid_character', `${BITS}: ${describeCharacter(bad[0])} is not a bit (0 or 1)`);
    const technology = technologyForBits(cleaned.value.length, options);
    if (!technology.ok) return technology;
    const card = decodeWiegandBits(technology.value, cleaned.value);
    if (!card.ok) return card;
    return ok({ technology: technology.value, bytes: wiegandBitsToBytes(technology.value, cleaned.value) });
  },
  format(credential) {
    const technology = WIEGAND_TECHNOLOGIES.find((candidate) => candidate === credential.technology);
    if (!technology || !decodeWiegand(technology, credential.bytes).ok) return undefined;
    const bits = wiegandBytesToBits(technology, credential.bytes);
    return bits.ok ? bits.value : undefined;
  },
};
