// Finding a stored credential whatever format a reader printed it in.
//
// The rule. A printed value carries one projection of the card's bytes (see Projection in
// format-codec.ts): all of them, the big- or little-endian integer (leading/trailing zero bytes lost),
// the last 4, the first 4 or the last 3 bytes. So:
// - a STORED credential is indexed under its full key and under one key per projection that some
//   format of its technology keeps (`matchKeys`);
// - a PRESENTED credential, parsed from format F, is looked up under its full key (when its bytes can
//   be a whole credential) and then under the key of the projection F keeps (`lookupKeys`).
// Projections are idempotent (the last 4 bytes of 4 bytes are those 4 bytes; the integer of the
// parsed bytes is the integer the reader printed), so the presented projection key equals the stored
// one exactly when the card's bytes agree with everything the reader printed.
//
// Keys: full `technology:hex` (= credentialKey); projected `technology/projection:hex`, where the hex
// of `int` / `int_reversed` is the integer's, without leading zeros.
//
// A lossy key may find several stored credentials (two 7-byte UIDs with the same last 4 bytes): the
// caller must treat more than one hit as ambiguous, never pick one.
//
// One key crosses technologies: an EM4100 reader with 26-bit Wiegand output sends the EM id's low 24
// bits as facility code (8 bits) + card number (16 bits), so a wiegand26 lookup also tries the
// `em4100/last3` key, after its own.

import {
  bytesToBigInt,
  bytesToHex,
  type Credential,
  type CredentialTechnology,
  credentialKey,
  reverseBytes,
} from './credential.js';
import { isAllowedByteLength } from './credential-from-bytes.js';
import { projectBytes } from './codec-helpers.js';
import type { Projection } from './format-codec.js';
import { CREDENTIAL_FORMATS, type CredentialFormat, formatCodec } from './formats.js';
import { decodeWiegand } from './wiegand.js';

/** The index key of one projection of `bytes`, or undefined when there are too few bytes for it. */
export function projectionKey(
  technology: CredentialTechnology,
  projection: Projection,
  bytes: Uint8Array,
): string | undefined {
  switch (projection) {
    case 'all':
      return credentialKey({ technology, bytes });
    case 'int':
      return `${technology}/int:${bytesToBigInt(bytes).toString(16)}`;
    case 'int_reversed':
      return `${technology}/int_reversed:${bytesToBigInt(reverseBytes(bytes)).toString(16)}`;
    default: {
      const kept = projectBytes(bytes, projection);
      return kept ? `${technology}/${projection}:${bytesToHex(kept)}` : undefined;
    }
  }
}

const unique = (keys: ReadonlyArray<string | undefined>): string[] => [
  ...new Set(keys.filter((key): key is string => key !== undefined)),
];

/** Every key a stored credential must be indexed under, full key first. */
export function matchKeys(credential: Credential): string[] {
  const projections = new Set<Projection>(['all']);
  for (const format of CREDENTIAL_FORMATS) {
    const codec = formatCodec(format);
    if (codec.technologies.includes(credential.technology)) projections.add(codec.keeps);
  }
  return unique(
    [...projections].map((projection) => projectionKey(credential.technology, projection, credential.bytes)),
  );
}

/** The keys to try, most specific first, for a credential parsed from text in `format`. */
export function lookupKeys(presented: Credential, format: CredentialFormat): string[] {
  const { technology, bytes } = presented;
  const isWhole = isAllowedByteLength(technology, bytes.length);
  const keys = [
    isWhole ? credentialKey(presented) : undefined,
    projectionKey(technology, formatCodec(format).keeps, bytes),
  ];
  if (technology === 'wiegand26') {
    const card = decodeWiegand(technology, bytes);
    if (card.ok) {
      const { facilityCode, cardNumber } = card.value;
      keys.push(
        projectionKey('em4100', 'last3', Uint8Array.of(facilityCode, cardNumber >> 8, cardNumber & 0xff)),
      );
    }
  }
  return unique(keys);
}
