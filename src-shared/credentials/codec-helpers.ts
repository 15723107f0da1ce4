// Pieces the format codecs share: choosing the technology, reading hex text, taking the part of the
// bytes a lossy format keeps, and fixed-width decimal formats (8H10D and friends).

import {
  bigIntToBytes,
  bytesToBigInt,
  type Credential,
  type CredentialTechnology,
  describeCharacter,
  fail,
  hexToBytes,
  ok,
  type Result,
  reverseBytes,
} from './credential.js';
import { credentialFromBytes } from './credential-from-bytes.js';
import type { FormatCodec, ParseOptions, Projection } from './format-codec.js';
import { cleanText, parseDigits } from './text-input.js';

/** The technology to parse as: the caller's if the format supports it, else the format's default. */
export function chooseTechnology(
  options: ParseOptions | undefined,
  technologies: readonly CredentialTechnology[],
  what: string,
): Result<CredentialTechnology> {
  const technology = options?.technology ?? technologies[0];
  if (technology === undefined || !technologies.includes(technology)) {
    return fail('not_applicable', `${what} does not apply to ${String(technology)} credentials`);
  }
  return ok(technology);
}

/** Hex digits, optionally as byte pairs separated by ':', '-' or single spaces ("04:A2:B3:C4"). */
export function parseHexText(text: string, what: string): Result<Uint8Array> {
  const cleaned = cleanText(text, what);
  if (!cleaned.ok) return cleaned;
  const pairs = /^[0-9A-Fa-f]{2}(?:([:\- ])[0-9A-Fa-f]{2})(?:\1[0-9A-Fa-f]{2})*$/u.test(cleaned.value);
  const digits = pairs ? cleaned.value.replace(/[:\- ]/gu, '') : cleaned.value;
  const bad = /[^0-9A-Fa-f]/u.exec(digits);
  if (bad) return fail('invalid_character', `${what}: ${describeCharacter(bad[0])} is not a hex digit`);
  if (digits.length % 2 !== 0) {
    return fail(
      'invalid_length',
      `${what}: ${digits.length} digits is an odd number; each byte is two digits`,
    );
  }
  return hexToBytes(digits);
}

/** Checks a whole credential, and that it has the byte count the reader profile expects, if any. */
export function completeCredential(
  technology: CredentialTechnology,
  bytes: Uint8Array,
  options: ParseOptions | undefined,
  what: string,
): Result<Credential> {
  const expected = options?.byteLength;
  if (expected !== undefined && bytes.length !== expected) {
    return fail('invalid_length', `${what}: ${bytes.length} bytes, but the reader is set up for ${expected}`);
  }
  return credentialFromBytes(technology, bytes);
}

/** The part of `bytes` a projection keeps, or undefined when there are too few bytes for it. */
export function projectBytes(bytes: Uint8Array, projection: Projection): Uint8Array | undefined {
  switch (projection) {
    case 'all':
    case 'int':
    case 'int_reversed':
      return bytes;
    case 'last4':
      return bytes.length >= 4 ? bytes.slice(-4) : undefined;
    case 'first4':
      return bytes.length >= 4 ? bytes.slice(0, 4) : undefined;
    case 'last3':
      return bytes.length >= 3 ? bytes.slice(-3) : undefined;
  }
}

interface FixedDecimalSpec {
  label: string;
  technologies: readonly CredentialTechnology[];
  keeps: 'last4' | 'first4' | 'last3';
  /** Readers print the kept bytes in reverse order (little-endian). */
  isReversed: boolean;
  digits: number;
  /** Name for messages, e.g. "8H10D". */
  what: string;
}

/** A lossy format printing some bytes as a zero-padded decimal of fixed width, e.g. 8H10D. */
export function fixedDecimalCodec(spec: FixedDecimalSpec): FormatCodec {
  const byteCount = spec.keeps === 'last3' ? 3 : 4;
  return {
    label: spec.label,
    technologies: spec.technologies,
    keeps: spec.keeps,
    parse(text, options) {
      const technology = chooseTechnology(options, spec.technologies, spec.what);
      if (!technology.ok) return technology;
      const cleaned = cleanText(text, spec.what);
      if (!cleaned.ok) return cleaned;
      const value = parseDigits(cleaned.value, spec.what, spec.digits);
      if (!value.ok) return value;
      const bytes = bigIntToBytes(value.value, byteCount);
      if (!bytes) {
        const max = (1n << BigInt(8 * byteCount)) - 1n;
        return fail(
          'out_of_range',
          `${spec.what} value ${value.value} does not fit in ${byteCount} bytes (the largest is ${max})`,
        );
      }
      return ok({ technology: technology.value, bytes: spec.isReversed ? reverseBytes(bytes) : bytes });
    },
    format(credential) {
      if (!spec.technologies.includes(credential.technology)) return undefined;
      const kept = projectBytes(credential.bytes, spec.keeps);
      if (!kept) return undefined;
      const value = bytesToBigInt(spec.isReversed ? reverseBytes(kept) : kept);
      return value.toString().padStart(spec.digits, '0');
    },
  };
}
