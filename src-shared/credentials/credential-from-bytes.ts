// The one place that decides whether bytes are a whole, valid credential of a technology: the byte
// counts each technology allows, and for Wiegand the frame's padding and parity.

import { type Credential, type CredentialTechnology, fail, ok, type Result } from './credential.js';
import { decodeWiegand, isWiegandTechnology } from './wiegand.js';

type ByteLengths = { oneOf: readonly number[] } | { min: number; max: number };

const BYTE_LENGTHS: Readonly<Record<CredentialTechnology, ByteLengths>> = {
  // ISO 14443-3: single, double and triple size UIDs.
  iso14443a_uid: { oneOf: [4, 7, 10] },
  // ISO 14443-3 type B: the 4-byte PUPI.
  iso14443b: { oneOf: [4] },
  em4100: { oneOf: [5] },
  // Wiegand frames are right-aligned in ceil(bits / 8) bytes; the frame decoder checks the rest.
  wiegand26: { oneOf: [4] },
  wiegand35: { oneOf: [5] },
  wiegand37_h10302: { oneOf: [5] },
  wiegand37_h10304: { oneOf: [5] },
  // ISO 15693: the 8-byte UID.
  iso15693: { oneOf: [8] },
  hid_prox: { min: 1, max: 16 },
  other: { min: 1, max: 16 },
};

/** Every byte count a technology allows, shortest first. */
export function allowedByteLengths(technology: CredentialTechnology): number[] {
  const lengths = BYTE_LENGTHS[technology];
  if ('oneOf' in lengths) return [...lengths.oneOf];
  return Array.from({ length: lengths.max - lengths.min + 1 }, (_, i) => lengths.min + i);
}

export function isAllowedByteLength(technology: CredentialTechnology, length: number): boolean {
  return allowedByteLengths(technology).includes(length);
}

/** The byte counts a technology allows, in words: "4, 7 or 10 bytes", "1 to 32 bytes". */
export function describeByteLengths(technology: CredentialTechnology): string {
  const lengths = BYTE_LENGTHS[technology];
  if (!('oneOf' in lengths)) return `${lengths.min} to ${lengths.max} bytes`;
  const list = lengths.oneOf.map(String);
  const last = list.pop() ?? '';
  return `${list.length > 0 ? `${list.join(', ')} or ` : ''}${last} bytes`;
}

/** Checks `bytes` are a whole credential of `technology`; the result holds its own copy of them. */
export function credentialFromBytes(technology: CredentialTechnology, bytes: Uint8Array): Result<Credential> {
  if (isWiegandTechnology(technology)) {
    const card = decodeWiegand(technology, bytes);
    if (!card.ok) return card;
  } else if (!isAllowedByteLength(technology, bytes.length)) {
    return fail(
      'invalid_length',
      `${technology}: ${bytes.length} bytes, but this technology has ${describeByteLengths(technology)}`,
    );
  }
  return ok({ technology, bytes: Uint8Array.from(bytes) });
}
