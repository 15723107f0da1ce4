// The formats readers print a chip UID in. The credential's bytes are the UID as the chip gives it
// (PC/SC GET DATA order, manufacturer byte first for 7-byte NXP UIDs); "reversed" formats are what
// readers that send the bytes least significant first print.
//
// 8H10D and 6H8D keep only part of a longer UID. We define both as keeping the LAST bytes, the low-order
// bytes of the UID read as a big-endian number: 8H10D is that number mod 2^32 printed as 10 digits,
// 6H8D is it mod 2^24 printed as 8 digits. Reversing readers print "8H10D reversed": the 8H10D of the
// byte-reversed UID, which keeps the FIRST 4 bytes, printed least significant byte first. For a 4-byte
// UID, 8H10D is the zero-padded decimal and 8H10D reversed the zero-padded reversed decimal.

import {
  bigIntToBytes,
  bytesToBigInt,
  bytesToHex,
  type CredentialTechnology,
  fail,
  reverseBytes,
  UID_TECHNOLOGIES,
} from './credential.js';
import { allowedByteLengths } from './credential-from-bytes.js';
import { chooseTechnology, completeCredential, fixedDecimalCodec, parseHexText } from './codec-helpers.js';
import type { FormatCodec } from './format-codec.js';
import { cleanText, MAX_TEXT_LENGTH, parseDigits } from './text-input.js';
import { WIEGAND_TECHNOLOGIES } from './wiegand.js';

const uidTechnologies: readonly CredentialTechnology[] = UID_TECHNOLOGIES;

/** Hex applies to every technology but EM4100 (which has its own): for Wiegand it is the raw frame. */
const hexTechnologies: readonly CredentialTechnology[] = [
  ...UID_TECHNOLOGIES,
  ...WIEGAND_TECHNOLOGIES,
  'hid_prox',
];

function hexCodec(isReversed: boolean): FormatCodec {
  const what = isReversed ? 'reversed hex' : 'hex';
  const technologies = isReversed ? uidTechnologies : hexTechnologies;
  return {
    label: isReversed ? 'Hex, bytes reversed' : 'Hex',
    technologies,
    keeps: 'all',
    parse(text, options) {
      const technology = chooseTechnology(options, technologies, what);
      if (!technology.ok) return technology;
      const bytes = parseHexText(text, what);
      if (!bytes.ok) return bytes;
      return completeCredential(
        technology.value,
        isReversed ? reverseBytes(bytes.value) : bytes.value,
        options,
        what,
      );
    },
    format(credential) {
      if (!technologies.includes(credential.technology)) return undefined;
      return bytesToHex(isReversed ? reverseBytes(credential.bytes) : credential.bytes).toUpperCase();
    },
  };
}

function decimalCodec(isReversed: boolean): FormatCodec {
  const what = isReversed ? 'reversed decimal' : 'decimal';
  return {
    label: isReversed ? 'Decimal, bytes reversed' : 'Decimal',
    technologies: uidTechnologies,
    keeps: isReversed ? 'int_reversed' : 'int',
    parse(text, options) {
      const technology = chooseTechnology(options, uidTechnologies, what);
      if (!technology.ok) return technology;
      const cleaned = cleanText(text, what);
      if (!cleaned.ok) return cleaned;
      const value = parseDigits(cleaned.value, what, MAX_TEXT_LENGTH);
      if (!value.ok) return value;
      // Decimal loses leading zero bytes: without a configured length, take the shortest UID that fits.
      const lengths = allowedByteLengths(technology.value);
      if (options?.byteLength !== undefined && !lengths.includes(options.byteLength)) {
        return fail('invalid_length', `${what}: ${technology.value} has no ${options.byteLength}-byte form`);
      }
      const fits = (length: number): boolean => value.value < 1n << BigInt(8 * length);
      const length = options?.byteLength ?? lengths.find(fits) ?? lengths[lengths.length - 1] ?? 0;
      const bytes = bigIntToBytes(value.value, length);
      if (!bytes) return fail('out_of_range', `${what} value ${value.value} does not fit in ${length} bytes`);
      return completeCredential(technology.value, isReversed ? reverseBytes(bytes) : bytes, options, what);
    },
    format(credential) {
      if (!uidTechnologies.includes(credential.technology)) return undefined;
      return bytesToBigInt(isReversed ? reverseBytes(credential.bytes) : credential.bytes).toString();
    },
  };
}

export const uidHexCodec = hexCodec(false);
export const uidHexReversedCodec = hexCodec(true);
export const uidDecimalCodec = decimalCodec(false);
export const uidDecimalReversedCodec = decimalCodec(true);

export const uid8h10dCodec = fixedDecimalCodec({
  label: '8H10D (last 4 bytes, 10 digits)',
  technologies: uidTechnologies,
  keeps: 'last4',
  isReversed: false,
  digits: 10,
  what: '8H10D',
});

export const uid8h10dReversedCodec = fixedDecimalCodec({
  label: '8H10D reversed (first 4 bytes, reversed, 10 digits)',
  technologies: uidTechnologies,
  keeps: 'first4',
  isReversed: true,
  digits: 10,
  what: '8H10D reversed',
});

export const uid6h8dCodec = fixedDecimalCodec({
  label: '6H8D (last 3 bytes, 8 digits)',
  technologies: uidTechnologies,
  keeps: 'last3',
  isReversed: false,
  digits: 8,
  what: '6H8D',
});
