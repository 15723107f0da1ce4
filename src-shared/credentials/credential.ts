// A credential is its technology plus its raw bytes (DESIGN.md section 6). Every printed format is
// derived from the bytes, so two reads of one card compare equal by `credentialKey` whatever the
// reader printed. Pure TypeScript: it runs in main, renderer and hub alike.

export const CREDENTIAL_TECHNOLOGIES = [
  'iso14443a_uid',
  'iso14443b',
  'em4100',
  'wiegand26',
  'wiegand35',
  'wiegand37_h10302',
  'wiegand37_h10304',
  'hid_prox',
  'iso15693',
  'other',
] as const;

/**
 * What the bytes are. UID technologies hold the chip's UID as the reader returned it (most significant
 * byte first); `em4100` holds the 5 bytes version + 32-bit id; the Wiegand technologies hold the whole
 * frame, parity bits included, right-aligned (see wiegand.ts); `hid_prox` holds a 125 kHz HID frame of
 * a layout we do not decode, right-aligned the same way.
 */
export type CredentialTechnology = (typeof CREDENTIAL_TECHNOLOGIES)[number];

export interface Credential {
  technology: CredentialTechnology;
  bytes: Uint8Array;
}

/** Technologies whose bytes are a chip UID: the UID formats (hex, decimal, 8H10D, …) apply to them. */
export const UID_TECHNOLOGIES = ['iso14443a_uid', 'iso14443b', 'iso15693', 'other'] as const;
export type UidTechnology = (typeof UID_TECHNOLOGIES)[number];

export function isUidTechnology(technology: CredentialTechnology): technology is UidTechnology {
  return (UID_TECHNOLOGIES as readonly string[]).includes(technology);
}

export function isCredentialTechnology(text: string): text is CredentialTechnology {
  return (CREDENTIAL_TECHNOLOGIES as readonly string[]).includes(text);
}

/** The canonical key: `technology:hex` with lowercase hex. Equal keys mean the same credential. */
export function credentialKey(credential: Credential): string {
  return `${credential.technology}:${bytesToHex(credential.bytes)}`;
}

/** Why a text or bytes are not a credential: stable codes the screens translate. */
export const CREDENTIAL_ERROR_CODES = [
  'empty',
  'too_long',
  'invalid_character',
  'invalid_length',
  'malformed',
  'ambiguous',
  'out_of_range',
  'parity',
  'not_applicable',
  'missing_prefix',
  'missing_suffix',
  'unknown_format',
] as const;
export type CredentialErrorCode = (typeof CREDENTIAL_ERROR_CODES)[number];

/** A user-facing error: `code` is what the UI translates, `message` says why in plain English. */
export interface CredentialError {
  code: CredentialErrorCode;
  message: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: CredentialError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail(code: CredentialErrorCode, message: string): { ok: false; error: CredentialError } {
  return { ok: false, error: { code, message } };
}

/** Lowercase hex, two digits a byte, no separators. */
export function bytesToHex(bytes: Uint8Array): string {
  let hex = '';
  for (const byte of bytes) hex += byte.toString(16).padStart(2, '0');
  return hex;
}

/** Strict: ASCII hex digits only (either case), an even number of them, nothing else. */
export function hexToBytes(hex: string): Result<Uint8Array> {
  const bad = /[^0-9A-Fa-f]/u.exec(hex);
  if (bad) return fail('invalid_character', `hex: ${describeCharacter(bad[0])} is not a hex digit`);
  if (hex.length % 2 !== 0) {
    return fail('invalid_length', `hex: ${hex.length} digits is an odd number; each byte is two digits`);
  }
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return ok(bytes);
}

/** The bytes as an unsigned big-endian integer (first byte most significant). */
export function bytesToBigInt(bytes: Uint8Array): bigint {
  let value = 0n;
  for (const byte of bytes) value = (value << 8n) | BigInt(byte);
  return value;
}

/** `value` as exactly `length` big-endian bytes, or undefined when it is negative or does not fit. */
export function bigIntToBytes(value: bigint, length: number): Uint8Array | undefined {
  if (value < 0n || value >= 1n << BigInt(8 * length)) return undefined;
  const bytes = new Uint8Array(length);
  let rest = value;
  for (let i = length - 1; i >= 0; i--) {
    bytes[i] = Number(rest & 0xffn);
    rest >>= 8n;
  }
  return bytes;
}

export function reverseBytes(bytes: Uint8Array): Uint8Array {
  return Uint8Array.from(bytes).reverse();
}

/** A character for an error message: printable ASCII quoted, anything else as its code point. */
export function describeCharacter(character: string): string {
  const codePoint = character.codePointAt(0) ?? 0;
  if (codePoint >= 0x21 && codePoint <= 0x7e) return `'${character}'`;
  return `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
}
