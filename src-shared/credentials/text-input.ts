// Checks every format applies to text before reading it: a bound on length, ASCII whitespace trimmed
// (never Unicode spaces, which a wedge reader cannot type), and ASCII digits only, so fullwidth or
// Arabic-Indic digits are refused rather than silently read.

import { describeCharacter, fail, ok, type Result } from './credential.js';

/** The longest text any format reads; the longest value (16 bytes in decimal) is 39 digits. */
export const MAX_TEXT_LENGTH = 64;

/** Trims ASCII whitespace and refuses empty or over-long text. `what` names the format in messages. */
export function cleanText(text: string, what: string): Result<string> {
  if (text.length > MAX_TEXT_LENGTH) {
    return fail(
      'too_long',
      `${what}: the text is ${text.length} characters, more than the ${MAX_TEXT_LENGTH} allowed`,
    );
  }
  const trimmed = text.replace(/^[ \t\r\n]+|[ \t\r\n]+$/gu, '');
  if (trimmed === '') return fail('empty', `${what}: the text is empty`);
  return ok(trimmed);
}

/** A non-negative decimal integer of ASCII digits with at most `maxDigits` digits. */
export function parseDigits(text: string, what: string, maxDigits: number): Result<bigint> {
  const bad = /[^0-9]/u.exec(text);
  if (bad) return fail('invalid_character', `${what}: ${describeCharacter(bad[0])} is not a digit 0-9`);
  if (text === '') return fail('empty', `${what}: a number is missing`);
  if (text.length > maxDigits) {
    return fail('too_long', `${what}: ${text.length} digits is more than the ${maxDigits} this format has`);
  }
  return ok(BigInt(text));
}

/** Reads a bounded decimal and checks it is at most `max`; `field` names it ("facility code"). */
export function parseBoundedNumber(text: string, what: string, field: string, max: bigint): Result<bigint> {
  const digits = parseDigits(text, `${what} ${field}`, MAX_TEXT_LENGTH);
  if (!digits.ok) return digits;
  if (digits.value > max) {
    return fail('out_of_range', `${what}: ${field} ${digits.value} is too large (the largest is ${max})`);
  }
  return digits;
}
