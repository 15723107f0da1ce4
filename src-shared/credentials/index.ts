// The credentials module's public API: import from here, not from the files behind it.

export {
  bigIntToBytes,
  bytesToBigInt,
  bytesToHex,
  CREDENTIAL_TECHNOLOGIES,
  credentialKey,
  hexToBytes,
  isCredentialTechnology,
  isUidTechnology,
  reverseBytes,
  UID_TECHNOLOGIES,
} from './credential.js';
export type {
  Credential,
  CredentialError,
  CredentialErrorCode,
  CredentialTechnology,
  Result,
  UidTechnology,
} from './credential.js';
export { allowedByteLengths, credentialFromBytes, describeByteLengths } from './credential-from-bytes.js';
export type { FormatCodec, ParseOptions, Projection } from './format-codec.js';
export {
  CREDENTIAL_FORMATS,
  describeCredential,
  formatCodec,
  formatCredential,
  formatLabel,
  isCredentialFormat,
  parseCredential,
} from './formats.js';
export type { CredentialFormat, FormattedCredential } from './formats.js';
export { lookupKeys, matchKeys, projectionKey } from './matching.js';
export {
  BUILT_IN_READER_PROFILES,
  checkReaderProfile,
  credentialFromReaderText,
  findReaderProfile,
} from './reader-profile.js';
export type { ReaderProfile } from './reader-profile.js';
export { MAX_TEXT_LENGTH } from './text-input.js';
export {
  decodeWiegand,
  decodeWiegandBits,
  encodeWiegand,
  encodeWiegandBits,
  isWiegandTechnology,
  WIEGAND_LAYOUTS,
  WIEGAND_TECHNOLOGIES,
} from './wiegand.js';
export type { WiegandCard, WiegandLayout, WiegandTechnology } from './wiegand.js';
