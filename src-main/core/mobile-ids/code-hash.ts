// Activation codes are kept only as a salted scrypt hash: whoever reads the database (or a backup)
// still has to try codes one by one at scrypt's cost. The code itself lives only in the mail.
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { normaliseActivationCode } from '../../../src-shared/domain/activation-code';

// N = 2^14: ~30–60 ms per hash here, once per invitation and once per activation attempt.
const PARAMS = { N: 16384, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;

function derive(code: string, salt: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(code, salt, KEY_LENGTH, PARAMS, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

export async function hashActivationCode(code: string, salt: Uint8Array = randomBytes(16)): Promise<string> {
  const key = await derive(code, Buffer.from(salt));
  return `scrypt$${Buffer.from(salt).toString('hex')}$${key.toString('hex')}`;
}

/** Whether `typed` (as a person typed it) is the code behind `stored`. */
export async function isActivationCode(stored: string, typed: string): Promise<boolean> {
  const code = normaliseActivationCode(typed);
  const [scheme, saltHex, hashHex] = stored.split('$');
  if (!code || scheme !== 'scrypt' || !saltHex || !hashHex) return false;
  const expected = Buffer.from(hashHex, 'hex');
  const key = await derive(code, Buffer.from(saltHex, 'hex'));
  return key.length === expected.length && timingSafeEqual(key, expected);
}
