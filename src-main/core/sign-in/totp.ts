// RFC 6238 as authenticator apps implement it (src-shared/domain/sign-in.ts): the desk keeps which
// time step it last accepted, so it needs the step a code belongs to, not only whether it fits.
import { randomBytes } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import {
  TOTP_ALGORITHM,
  TOTP_DIGITS,
  TOTP_ISSUER,
  TOTP_PERIOD_SECONDS,
  TOTP_WINDOW,
} from '../../../src-shared/domain/sign-in';

/** 160 bits, the length RFC 4226 recommends for HMAC-SHA-1. */
const SECRET_BYTES = 20;

export function newTotpSecret(): Uint8Array {
  return new Uint8Array(randomBytes(SECRET_BYTES));
}

function totpFor(secret: Uint8Array, digits = TOTP_DIGITS, label = 'OTPAuth'): TOTP {
  return new TOTP({
    issuer: TOTP_ISSUER,
    label,
    secret: new Secret({ buffer: Uint8Array.from(secret).buffer }),
    algorithm: TOTP_ALGORITHM,
    digits,
    period: TOTP_PERIOD_SECONDS,
  });
}

/** The code for this moment; `digits` other than 6 only for RFC 6238's own vectors. */
export function totpCode(secret: Uint8Array, atMs: number, digits = TOTP_DIGITS): string {
  return totpFor(secret, digits).generate({ timestamp: atMs });
}

export function totpStep(atMs: number): number {
  return Math.floor(atMs / 1000 / TOTP_PERIOD_SECONDS);
}

/** The time step the code belongs to (within ±TOTP_WINDOW of now), or null when it fits none. */
export function matchTotpStep(secret: Uint8Array, code: string, atMs: number): number | null {
  if (!/^[0-9]+$/.test(code) || code.length !== TOTP_DIGITS) return null;
  const delta = totpFor(secret).validate({ token: code, timestamp: atMs, window: TOTP_WINDOW });
  return delta === null ? null : totpStep(atMs) + delta;
}

/** Base32 in groups of four, for typing into an app by hand. */
export function groupedBase32(secret: Uint8Array): string {
  return totpFor(secret).secret.base32.replace(/(.{4})(?=.)/g, '$1 ');
}

/** The otpauth:// URI an authenticator app reads from the QR code; the label is the username. */
export function totpUri(secret: Uint8Array, username: string): string {
  return totpFor(secret, TOTP_DIGITS, username).toString();
}
