// The 0600 key file store on real files in a temporary folder.
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createKeyFileStore } from '../../../../../../src-main/core/keys/adapters/key-file-store';
import { KeyStoreError } from '../../../../../../src-main/core/keys/key-store';

const isPosix = process.platform !== 'win32';
let root: string;
let dir: string;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'frontdesk-keys-'));
  dir = join(root, 'keys');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const bytes = (...values: number[]) => new Uint8Array(values);

async function refusal(promise: Promise<unknown>): Promise<KeyStoreError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(KeyStoreError);
  return error as KeyStoreError;
}

describe('key file store', () => {
  it('keeps a key and gives the same bytes back, in a 0600 file in a 0700 folder', async () => {
    const store = createKeyFileStore({ dir });
    await store.put('totp.anna', bytes(1, 2, 3, 0, 255));
    expect(await store.get('totp.anna')).toEqual(bytes(1, 2, 3, 0, 255));
    if (isPosix) {
      expect(statSync(dir).mode & 0o777).toBe(0o700);
      expect(statSync(join(dir, 'totp.anna.key')).mode & 0o777).toBe(0o600);
    }
    expect(readdirSync(dir)).toEqual(['totp.anna.key']);
  });

  it('replaces a key whole and leaves no temporary files behind', async () => {
    const store = createKeyFileStore({ dir });
    await store.put('desk-signing', bytes(1));
    await store.put('desk-signing', bytes(9, 9, 9));
    expect(await store.get('desk-signing')).toEqual(bytes(9, 9, 9));
    expect(readdirSync(dir)).toEqual(['desk-signing.key']);
  });

  it('answers null for a key it does not have, and deletes only what exists', async () => {
    const store = createKeyFileStore({ dir });
    expect(await store.get('nothing')).toBeNull();
    await store.put('sealing', bytes(7));
    expect(await store.delete('sealing')).toBe(true);
    expect(await store.delete('sealing')).toBe(false);
    expect(await store.get('sealing')).toBeNull();
  });

  it.each(['../escape', 'a/b', '', 'Upper', '.hidden', 'a..b', 'x'.repeat(65), 'nul\0'])(
    'refuses the key name %j and writes nothing',
    async (name) => {
      const store = createKeyFileStore({ dir });
      const error = await refusal(store.put(name, bytes(1)));
      expect(error.code).toBe('key_name_invalid');
      expect(existsSync(join(root, 'escape.key'))).toBe(false);
      expect(existsSync(dir) ? readdirSync(dir) : []).toEqual([]);
    },
  );

  it.runIf(isPosix)('refuses a key folder other users can read, naming it and the fix', async () => {
    mkdirSync(dir, { mode: 0o755 });
    chmodSync(dir, 0o755);
    const store = createKeyFileStore({ dir });
    const error = await refusal(store.put('sealing', bytes(1)));
    expect(error.code).toBe('key_store_insecure');
    expect(error.message).toContain(dir);
    expect(error.message).toContain('mode 755');
    expect(error.message).toContain(`chmod 700 "${dir}"`);
    expect(readdirSync(dir)).toEqual([]);
    await refusal(store.get('sealing'));
  });

  it.runIf(isPosix)('refuses to read a key file other users can read', async () => {
    const store = createKeyFileStore({ dir });
    await store.put('sealing', bytes(1));
    chmodSync(join(dir, 'sealing.key'), 0o644);
    const error = await refusal(store.get('sealing'));
    expect(error.code).toBe('key_store_insecure');
    expect(error.message).toContain('chmod 600');
  });

  it.runIf(isPosix)('refuses key files that belong to another user', async () => {
    const store = createKeyFileStore({ dir, uid: (process.getuid?.() ?? 0) + 4242 });
    const error = await refusal(store.put('sealing', bytes(1)));
    expect(error.message).toMatch(/belongs to another user/);
  });

  it('does not check POSIX modes on Windows, where the profile ACL protects the folder', async () => {
    mkdirSync(dir, { mode: 0o755 });
    chmodSync(dir, 0o755);
    const store = createKeyFileStore({ dir, platform: 'win32' });
    await store.put('sealing', bytes(5));
    expect(await store.get('sealing')).toEqual(bytes(5));
  });

  it('fails cleanly when the key cannot be put in place: no temporary file is left', async () => {
    const store = createKeyFileStore({ dir });
    await store.put('sealing', bytes(1));
    // A folder where the key file should go: the rename at the end of the write fails.
    await store.delete('sealing');
    mkdirSync(join(dir, 'sealing.key'));
    writeFileSync(join(dir, 'sealing.key', 'inside'), 'x');
    await expect(store.put('sealing', bytes(2))).rejects.toThrow();
    expect(readdirSync(dir)).toEqual(['sealing.key']);
  });

  it('says where it keeps the keys', () => {
    expect(createKeyFileStore({ dir }).describe()).toEqual({
      kind: 'keyFile',
      backend: 'file',
      location: dir,
      isProtected: true,
    });
  });
});
