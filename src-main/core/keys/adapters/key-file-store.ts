// Keys in plain files readable only by this user (0600 in a 0700 folder): the web host's and the
// tests' key store, and the one an administrator may choose where the desk has no keychain
// (settings.json "keyStore": "file"; DESIGN.md section 8).
import type { KeyStore } from '../key-store';
import { createKeyFolder } from './key-folder';

export interface KeyFileStoreOptions {
  dir: string;
  platform?: NodeJS.Platform;
  uid?: number;
}

export function createKeyFileStore(options: KeyFileStoreOptions): KeyStore {
  const folder = createKeyFolder({ ...options, suffix: '.key' });
  return {
    put: (name, bytes) => folder.write(name, bytes),
    async get(name) {
      const bytes = await folder.read(name);
      return bytes === null ? null : new Uint8Array(bytes);
    },
    delete: (name) => folder.remove(name),
    describe: () => ({ kind: 'keyFile', backend: 'file', location: folder.dir, isProtected: true }),
  };
}
