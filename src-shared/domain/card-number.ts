// Printed card numbers in ID06 style: two letters, then ten digits, the last a check digit.
//
// The check digit is Luhn (mod 10) over the letters written as two-digit numbers (A = 10 … Z = 35,
// as IBAN and ISO 7064 write letters) followed by the nine serial digits, so one mistyped digit or
// two swapped neighbours are caught whoever reads the number aloud at the desk.
import { luhnCheckDigit } from './checksums';

export const CARD_NUMBER_PATTERN = /^[A-Z]{2}[0-9]{10}$/;
export const CARD_NUMBER_PREFIX_PATTERN = /^[A-Z]{2}$/;
export const DEFAULT_CARD_NUMBER_PREFIX = 'FD';
const SERIAL_DIGITS = 9;

function lettersAsDigits(prefix: string): string {
  return Array.from(prefix, (letter) => String(letter.charCodeAt(0) - 55)).join('');
}

/** The check digit for a prefix (two capital letters) and nine serial digits. */
export function cardNumberCheckDigit(prefix: string, serial: string): number {
  if (!CARD_NUMBER_PREFIX_PATTERN.test(prefix)) throw new RangeError('The prefix is two letters A–Z.');
  if (!/^[0-9]{9}$/.test(serial)) throw new RangeError('The serial is nine digits.');
  return luhnCheckDigit(lettersAsDigits(prefix) + serial);
}

/** Whether `value` is a card number of this shape whose check digit matches. */
export function isValidCardNumber(value: string): boolean {
  if (!CARD_NUMBER_PATTERN.test(value)) return false;
  return cardNumberCheckDigit(value.slice(0, 2), value.slice(2, 11)) === Number(value.slice(11));
}

/**
 * A card number from random bytes (at least 4): the serial is the bytes read as one number, modulo
 * 10⁹, zero-padded. The caller checks uniqueness against its cards and draws again on a collision.
 */
export function cardNumberFrom(prefix: string, random: Uint8Array): string {
  if (random.length < 4) throw new RangeError('At least four random bytes.');
  let value = 0n;
  for (const byte of random) value = (value << 8n) | BigInt(byte);
  const serial = (value % 10n ** BigInt(SERIAL_DIGITS)).toString().padStart(SERIAL_DIGITS, '0');
  return `${prefix}${serial}${cardNumberCheckDigit(prefix, serial)}`;
}
