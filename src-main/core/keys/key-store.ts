// The port for the desk's secrets at rest (TOTP secrets, the desk's signing and sealing keys):
// DESIGN.md section 8. Adapters: a 0600 key file (adapters/key-file-store.ts, the web host and
// tests) and the operating system's keychain through Electron's safeStorage (src-main/electron).

/** Where the keys are kept, for the desk's status and its start-up log. */
export interface KeyStoreDescription {
  /** 'keychain': the operating system's keychain; 'keyFile': files readable only by this user. */
  kind: 'keychain' | 'keyFile';
  /** The keychain behind it ('gnome_libsecret', 'kwallet5', 'basic_text', 'keychain', 'dpapi'…), or 'file'. */
  backend: string;
  /** The folder that holds the (sealed) key files. */
  location: string;
  /** False where the store refuses keys (no real keychain): the desk says so instead of pretending. */
  isProtected: boolean;
}

export interface KeyStore {
  /** Stores (or replaces) a key; written atomically, so a crash leaves the old key or the new one. */
  put(name: string, bytes: Uint8Array): Promise<void>;
  /** The key, or null when there is none by that name. */
  get(name: string): Promise<Uint8Array | null>;
  /** True when a key was removed. */
  delete(name: string): Promise<boolean>;
  describe(): KeyStoreDescription;
}

export type KeyStoreErrorCode =
  /** The name is not a plain key name (a path, an empty string, odd characters). */
  | 'key_name_invalid'
  /** The key file or its folder can be read by other users, or the keychain is only obfuscation. */
  | 'key_store_insecure'
  /** The keychain cannot encrypt or decrypt right now (locked, missing). */
  | 'key_store_unavailable';

/** Why a key could not be stored or read; the message says what an administrator can do. */
export class KeyStoreError extends Error {
  constructor(
    readonly code: KeyStoreErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'KeyStoreError';
  }
}

const KEY_NAME = /^[a-z0-9][a-z0-9._-]{0,63}$/;

/** Key names become file names: lower-case letters, digits, dot, dash and underscore only. */
export function assertKeyName(name: string): void {
  if (!KEY_NAME.test(name) || name.includes('..')) {
    throw new KeyStoreError(
      'key_name_invalid',
      `"${name}" is not a key name (1–64 of a-z, 0-9, ".", "-", "_", starting with a letter or digit).`,
    );
  }
}
