// SMS codes are kept only as HMAC-SHA256 under a random salt. 10^8 codes could be tried offline
// against a stolen hash, but a code is worth nothing after five minutes or five wrong tries, so a
// slow hash would buy no safety and cost every check; the salt stops precomputed tables.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { SMS_CODE_DIGITS } from '../../../src-shared/domain/sign-in';
import type { Random } from '../ops/context';

const RANGE = 10 ** SMS_CODE_DIGITS;
/** The largest multiple of RANGE below 2^32: values at or above it would make low codes likelier. */
const ACCEPT_BELOW = Math.floor(2 ** 32 / RANGE) * RANGE;

/** A uniformly random code of SMS_CODE_DIGITS digits, leading zeros kept. */
export function randomSmsCode(random: Random): string {
  for (;;) {
    const bytes = random.bytes(4);
    const value = ((bytes[0]! << 24) | (bytes[1]! << 16) | (bytes[2]! << 8) | bytes[3]!) >>> 0;
    if (value < ACCEPT_BELOW) return String(value % RANGE).padStart(SMS_CODE_DIGITS, '0');
  }
}

export function hashSmsCode(saltHex: string, code: string): string {
  return createHmac('sha256', Buffer.from(saltHex, 'hex')).update(code, 'utf8').digest('hex');
}

/** No code as a person types it is this long; longer input is wrong without being looked at. */
const MAX_TYPED_LENGTH = 64;

/**
 * The code as a person typed it ("1234 5678", "1234-5678") without its spaces and dashes; anything
 * else stays as typed and simply does not match.
 */
export function normaliseSmsCode(typed: string): string {
  return typed.length > MAX_TYPED_LENGTH ? '' : typed.replace(/[\s-]/g, '');
}

/** Whether `typed` is the code behind `storedHash`, in time that does not depend on where they differ. */
export function isSmsCode(storedHash: string, saltHex: string, typed: string): boolean {
  const expected = Buffer.from(storedHash, 'hex');
  const actual = Buffer.from(hashSmsCode(saltHex, normaliseSmsCode(typed)), 'hex');
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
