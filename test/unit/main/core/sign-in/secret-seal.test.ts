// Authenticator secrets sealed under the key store's key: readable only with that key, tamper-evident,
// and a key store that cannot keep the key is said so, not worked around.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createKeyFileStore } from '../../../../../src-main/core/keys/adapters/key-file-store';
import { KeyStoreError, type KeyStore } from '../../../../../src-main/core/keys/key-store';
import { createSecretSeal, SIGN_IN_KEY_NAME } from '../../../../../src-main/core/sign-in/secret-seal';

let dir: string;
let store: KeyStore;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'frontdesk-seal-'));
  store = createKeyFileStore({ dir: join(dir, 'keys') });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const SECRET = new Uint8Array([...'12345678901234567890'].map((c) => c.charCodeAt(0)));

describe('sealing authenticator secrets', () => {
  it('opens what it sealed, with a key made on first use and kept for the next start', async () => {
    const sealed = await createSecretSeal(store).seal(SECRET);
    expect(sealed.includes(Buffer.from(SECRET))).toBe(false);
    expect((await store.get(SIGN_IN_KEY_NAME))?.length).toBe(32);
    // A new instance (the desk restarted) reads the same key.
    expect(await createSecretSeal(store).open(sealed)).toEqual(SECRET);
    // Each seal is different: a fresh IV every time.
    expect((await createSecretSeal(store).seal(SECRET)).equals(sealed)).toBe(false);
  });

  it('refuses a changed byte anywhere, and another desk’s key', async () => {
    const seal = createSecretSeal(store);
    const sealed = await seal.seal(SECRET);
    for (const index of [0, 12, 28, sealed.length - 1]) {
      const changed = Buffer.from(sealed);
      changed[index]! ^= 1;
      await expect(seal.open(changed), `byte ${index}`).rejects.toThrow();
    }
    const other = createKeyFileStore({ dir: join(dir, 'other-keys') });
    await expect(createSecretSeal(other).open(sealed)).rejects.toThrow();
  });

  it('answers key_store_unavailable without a key store, or when it cannot keep keys, and retries later', async () => {
    await expect(createSecretSeal(null).seal(SECRET)).rejects.toMatchObject({
      code: 'key_store_unavailable',
    });
    let isLocked = true;
    const locked: KeyStore = {
      ...store,
      get: (name) => {
        if (isLocked)
          return Promise.reject(new KeyStoreError('key_store_unavailable', 'The keychain is locked.'));
        return store.get(name);
      },
    };
    const seal = createSecretSeal(locked);
    await expect(seal.seal(SECRET)).rejects.toMatchObject({ code: 'key_store_unavailable' });
    isLocked = false;
    expect(await seal.open(await seal.seal(SECRET))).toEqual(SECRET);
  });
});
