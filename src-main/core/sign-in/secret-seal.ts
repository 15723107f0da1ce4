// Authenticator secrets are sealed at rest (DESIGN.md section 8): AES-256-GCM under a key that
// lives in the desk's key store, never in the database, so a copied database file reveals no secret.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { KeyStore } from '../keys/key-store';
import { DomainError } from '../ops/domain-error';

export const SIGN_IN_KEY_NAME = 'sign-in-key';
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
/** Bound to what the sealed bytes are for, so they cannot be passed off as another kind of secret. */
const AAD = Buffer.from('frontdesk-id:totp-secret:v1');

export interface SecretSeal {
  seal(secret: Uint8Array): Promise<Buffer>;
  open(sealed: Uint8Array): Promise<Uint8Array>;
}

export function createSecretSeal(keyStore: KeyStore | null): SecretSeal {
  let key: Promise<Buffer> | undefined;

  async function loadKey(store: KeyStore): Promise<Buffer> {
    const existing = await store.get(SIGN_IN_KEY_NAME);
    if (existing) {
      if (existing.length !== KEY_BYTES) throw new Error(`The ${SIGN_IN_KEY_NAME} key has the wrong length.`);
      return Buffer.from(existing);
    }
    const created = randomBytes(KEY_BYTES);
    await store.put(SIGN_IN_KEY_NAME, created);
    return created;
  }

  function theKey(): Promise<Buffer> {
    if (!keyStore) {
      return Promise.reject(
        new DomainError('key_store_unavailable', 'This desk has no key store for authenticator secrets.'),
      );
    }
    // A failed read is not remembered: the keychain may be unlocked by the next attempt.
    key ??= loadKey(keyStore).catch((error: unknown) => {
      key = undefined;
      throw new DomainError(
        'key_store_unavailable',
        `The desk's key store cannot keep authenticator secrets: ${error instanceof Error ? error.message : 'unknown error'}`,
      );
    });
    return key;
  }

  return {
    async seal(secret) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', await theKey(), iv);
      cipher.setAAD(AAD);
      const body = Buffer.concat([cipher.update(secret), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    async open(sealed) {
      const bytes = Buffer.from(sealed);
      const decipher = createDecipheriv('aes-256-gcm', await theKey(), bytes.subarray(0, IV_BYTES));
      decipher.setAAD(AAD);
      decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
      return new Uint8Array(
        Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]),
      );
    },
  };
}
