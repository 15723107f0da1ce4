// The key store on the operating system's keychain: each key is sealed with Electron's safeStorage
// (DPAPI on Windows, the Keychain on macOS, the secret service or KWallet on Linux) and the sealed
// bytes kept in the key folder. Only the async API: the synchronous one is deprecated and goes in
// Electron 46. Where Linux has no keyring, safeStorage falls back to 'basic_text', a hard-coded
// password that protects nothing: this store refuses keys there rather than pretend (DESIGN.md
// section 8), and says how to fix it.
import { createKeyFolder } from '../core/keys/adapters/key-folder';
import { KeyStoreError, type KeyStore } from '../core/keys/key-store';

/** The part of Electron's safeStorage this store uses. */
export interface SafeStorageLike {
  isAsyncEncryptionAvailable(): Promise<boolean>;
  encryptStringAsync(plainText: string): Promise<Buffer>;
  decryptStringAsync(encrypted: Buffer): Promise<{ shouldReEncrypt: boolean; result: string }>;
  getSelectedStorageBackend(): string;
}

export interface SafeStorageKeyStoreOptions {
  safeStorage: SafeStorageLike;
  dir: string;
  platform?: NodeJS.Platform;
  uid?: number;
}

const NO_KEYRING =
  'This computer has no keyring for the desk\'s keys: Linux reports the "basic_text" backend, which ' +
  'only obfuscates. Install and unlock a secret service (GNOME Keyring or KWallet) for this user, ' +
  'or choose the 0600 key file explicitly with "keyStore": "file" in settings.json.';

function backendOf(safeStorage: SafeStorageLike, platform: NodeJS.Platform): string {
  if (platform === 'win32') return 'dpapi';
  if (platform === 'darwin') return 'keychain';
  return safeStorage.getSelectedStorageBackend();
}

export function createSafeStorageKeyStore(options: SafeStorageKeyStoreOptions): KeyStore {
  const { safeStorage } = options;
  const platform = options.platform ?? process.platform;
  const folder = createKeyFolder({ dir: options.dir, suffix: '.sealed', platform, uid: options.uid });

  // 'unknown' is what Linux answers before the app is ready: no keyring has been chosen yet.
  const isUnprotected = (backend: string) => backend === 'basic_text' || backend === 'unknown';

  async function ready(): Promise<void> {
    const backend = backendOf(safeStorage, platform);
    if (isUnprotected(backend)) throw new KeyStoreError('key_store_insecure', NO_KEYRING);
    if (!(await safeStorage.isAsyncEncryptionAvailable())) {
      throw new KeyStoreError(
        'key_store_unavailable',
        `The keychain (${backend}) cannot encrypt right now: is it unlocked for this user?`,
      );
    }
  }

  async function seal(name: string, bytes: Uint8Array): Promise<void> {
    const sealed = await safeStorage.encryptStringAsync(Buffer.from(bytes).toString('base64'));
    await folder.write(name, sealed);
  }

  return {
    async put(name, bytes) {
      await ready();
      await seal(name, bytes);
    },
    async get(name) {
      await ready();
      const sealed = await folder.read(name);
      if (sealed === null) return null;
      let opened: { shouldReEncrypt: boolean; result: string };
      try {
        opened = await safeStorage.decryptStringAsync(sealed);
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new KeyStoreError(
          'key_store_unavailable',
          `The key "${name}" could not be opened with this user's keychain (${reason}).`,
        );
      }
      const bytes = new Uint8Array(Buffer.from(opened.result, 'base64'));
      // The keychain rotated its key or gained a stronger one: seal again under the new one.
      if (opened.shouldReEncrypt) await seal(name, bytes);
      return bytes;
    },
    delete: (name) => folder.remove(name),
    describe() {
      const backend = backendOf(safeStorage, platform);
      return { kind: 'keychain', backend, location: folder.dir, isProtected: !isUnprotected(backend) };
    },
  };
}
