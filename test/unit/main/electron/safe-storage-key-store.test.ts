// The keychain key store against the stand-in safeStorage (test/harness/electron-stand-in.ts), with
// its sealed key files on a real temporary folder.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { KeyStoreError } from '../../../../src-main/core/keys/key-store';
import { createSafeStorageKeyStore } from '../../../../src-main/electron/safe-storage-key-store';
import { safeStorage, standIn } from '../../../harness/electron-stand-in';

let root: string;
let dir: string;
const secret = new Uint8Array([0, 1, 2, 250, 251, 255, 42]);

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'frontdesk-sealed-'));
  dir = join(root, 'keys');
  standIn.ready();
  standIn.storageBackend = 'gnome_libsecret';
  standIn.isEncryptionAvailable = true;
  standIn.shouldReEncrypt = false;
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const store = (platform: NodeJS.Platform = 'linux') =>
  createSafeStorageKeyStore({ safeStorage, dir, platform });

async function refusal(promise: Promise<unknown>): Promise<KeyStoreError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(KeyStoreError);
  return error as KeyStoreError;
}

describe('safeStorage key store', () => {
  it('seals a key with the keychain and opens it again', async () => {
    await store().put('desk-sealing', secret);
    expect(readdirSync(dir)).toEqual(['desk-sealing.sealed']);
    const onDisk = readFileSync(join(dir, 'desk-sealing.sealed'));
    // What is on disk is the keychain's ciphertext, not the key nor its base64.
    expect(onDisk.subarray(0, 3).toString()).toBe('v11');
    expect(onDisk.includes(Buffer.from(secret))).toBe(false);
    expect(onDisk.includes(Buffer.from(Buffer.from(secret).toString('base64')))).toBe(false);
    expect(await store().get('desk-sealing')).toEqual(secret);
    expect(await store().get('other')).toBeNull();
    expect(await store().delete('desk-sealing')).toBe(true);
    expect(await store().get('desk-sealing')).toBeNull();
  });

  it.each(['basic_text', 'unknown'])(
    'refuses keys where Linux reports %s, saying how to fix it',
    async (backend) => {
      standIn.storageBackend = backend;
      const keys = store();
      const error = await refusal(keys.put('desk-sealing', secret));
      expect(error.code).toBe('key_store_insecure');
      expect(error.message).toMatch(/secret service \(GNOME Keyring or KWallet\)/);
      expect(error.message).toContain('"keyStore": "file"');
      await refusal(keys.get('desk-sealing'));
      expect(keys.describe()).toMatchObject({ kind: 'keychain', backend, isProtected: false });
      expect(readdirSync(root)).toEqual([]);
    },
  );

  it('does not ask Linux for a backend on Windows and macOS', async () => {
    standIn.storageBackend = 'basic_text';
    expect(store('win32').describe()).toMatchObject({ backend: 'dpapi', isProtected: true });
    expect(store('darwin').describe()).toMatchObject({ backend: 'keychain', isProtected: true });
    await store('win32').put('totp.anna', secret);
    expect(await store('win32').get('totp.anna')).toEqual(secret);
  });

  it('says when the keychain cannot encrypt (locked), and stores nothing', async () => {
    standIn.isEncryptionAvailable = false;
    const error = await refusal(store().put('desk-sealing', secret));
    expect(error.code).toBe('key_store_unavailable');
    expect(error.message).toMatch(/gnome_libsecret.*unlocked/);
  });

  it('refuses a sealed file the keychain cannot open, without crashing', async () => {
    await store().put('desk-sealing', secret);
    writeFileSync(join(dir, 'desk-sealing.sealed'), 'not sealed at all', { mode: 0o600 });
    const error = await refusal(store().get('desk-sealing'));
    expect(error.code).toBe('key_store_unavailable');
    expect(error.message).toContain('desk-sealing');
  });

  it('seals a key again when the keychain asks for it (a rotated key), and only then', async () => {
    await store().put('desk-sealing', secret);
    const seal = vi.spyOn(safeStorage, 'encryptStringAsync');
    expect(await store().get('desk-sealing')).toEqual(secret);
    expect(seal).not.toHaveBeenCalled();
    standIn.shouldReEncrypt = true;
    expect(await store().get('desk-sealing')).toEqual(secret);
    expect(seal).toHaveBeenCalledTimes(1);
    expect(seal).toHaveBeenCalledWith(Buffer.from(secret).toString('base64'));
    expect(readdirSync(dir)).toEqual(['desk-sealing.sealed']);
    seal.mockRestore();
  });

  it('refuses a path as a key name', async () => {
    const error = await refusal(store().put('../../etc/key', secret));
    expect(error.code).toBe('key_name_invalid');
  });
});
