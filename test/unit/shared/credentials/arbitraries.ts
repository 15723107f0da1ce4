// fast-check generators shared by the credential tests.

import fc from 'fast-check';
import {
  allowedByteLengths,
  type Credential,
  type CredentialTechnology,
  encodeWiegand,
  WIEGAND_LAYOUTS,
  type WiegandTechnology,
  hexToBytes,
  isWiegandTechnology,
} from '../../../../src-shared/credentials/index.js';

export const bytesOf = (length: number): fc.Arbitrary<Uint8Array> =>
  fc.uint8Array({ minLength: length, maxLength: length });

/** ISO 14443-A UIDs of 4, 7 and 10 bytes. */
export const uidArb: fc.Arbitrary<Credential> = fc
  .constantFrom(4, 7, 10)
  .chain(bytesOf)
  .map((bytes) => ({ technology: 'iso14443a_uid', bytes }));

export const wiegandCardArb = (
  technology: WiegandTechnology,
): fc.Arbitrary<{ facilityCode: number; cardNumber: number }> => {
  const layout = WIEGAND_LAYOUTS[technology];
  return fc.record({
    facilityCode: layout.facilityCode
      ? fc.integer({ min: 0, max: 2 ** layout.facilityCode.length - 1 })
      : fc.constant(0),
    cardNumber: fc.integer({ min: 0, max: 2 ** layout.cardNumber.length - 1 }),
  });
};

export const wiegandCredentialArb = (technology: WiegandTechnology): fc.Arbitrary<Credential> =>
  wiegandCardArb(technology).map((card) => {
    const bytes = encodeWiegand(technology, card);
    if (!bytes.ok) throw new Error(bytes.error.message);
    return { technology, bytes: bytes.value };
  });

/** A whole, valid credential of the technology. */
export function credentialArb(technology: CredentialTechnology): fc.Arbitrary<Credential> {
  if (isWiegandTechnology(technology)) return wiegandCredentialArb(technology);
  return fc
    .constantFrom(...allowedByteLengths(technology))
    .chain(bytesOf)
    .map((bytes) => ({ technology, bytes }));
}

/** Bytes from hex in test tables, throwing on a typo in the table. */
export function hex(text: string): Uint8Array {
  const bytes = hexToBytes(text.replace(/[ :]/g, ''));
  if (!bytes.ok) throw new Error(bytes.error.message);
  return bytes.value;
}
