// The folder both key stores keep their files in: created 0700, each file 0600, written atomically
// (a temporary file, fsync, rename), and refused when another user could read it. On Windows the
// POSIX mode bits mean nothing (the user profile's ACL protects the folder), so they are not checked.
import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { assertKeyName, KeyStoreError } from '../key-store';

export interface KeyFolder {
  readonly dir: string;
  write(name: string, bytes: Uint8Array): Promise<void>;
  read(name: string): Promise<Buffer | null>;
  remove(name: string): Promise<boolean>;
}

export interface KeyFolderOptions {
  dir: string;
  /** The file name suffix, so a sealed key is never read as a plain one and back. */
  suffix: string;
  platform?: NodeJS.Platform;
  /** The user who must own the files; default this process's user. */
  uid?: number;
}

function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException).code === 'ENOENT';
}

export function createKeyFolder(options: KeyFolderOptions): KeyFolder {
  const { dir, suffix } = options;
  const checksModes = (options.platform ?? process.platform) !== 'win32';
  const uid = options.uid ?? process.getuid?.();

  function refuseIfExposed(path: string, what: 'folder' | 'file', mode: number, owner: number): void {
    if (!checksModes) return;
    const wanted = what === 'folder' ? '700' : '600';
    if ((mode & 0o077) !== 0) {
      throw new KeyStoreError(
        'key_store_insecure',
        `The key ${what} ${path} can be read or changed by other users (mode ${(mode & 0o777).toString(8)}): ` +
          `no key is read or written until it is private (chmod ${wanted} "${path}").`,
      );
    }
    if (uid !== undefined && owner !== uid) {
      throw new KeyStoreError(
        'key_store_insecure',
        `The key ${what} ${path} belongs to another user (uid ${owner}): no key is read or written.`,
      );
    }
  }

  async function ensureDir(): Promise<void> {
    await mkdir(dir, { recursive: true, mode: 0o700 });
    const info = await stat(dir);
    refuseIfExposed(dir, 'folder', info.mode, info.uid);
  }

  function fileOf(name: string): string {
    assertKeyName(name);
    return join(dir, `${name}${suffix}`);
  }

  return {
    dir,
    async write(name, bytes) {
      const file = fileOf(name);
      await ensureDir();
      const temporary = join(dir, `.${name}.${randomBytes(6).toString('hex')}.tmp`);
      const handle = await open(temporary, 'wx', 0o600);
      try {
        await handle.writeFile(bytes);
        await handle.sync();
      } finally {
        await handle.close();
      }
      try {
        await rename(temporary, file);
      } catch (error) {
        await unlink(temporary).catch(() => undefined);
        throw error;
      }
    },
    async read(name) {
      const file = fileOf(name);
      await ensureDir();
      try {
        const info = await stat(file);
        refuseIfExposed(file, 'file', info.mode, info.uid);
        return await readFile(file);
      } catch (error) {
        if (isMissing(error)) return null;
        throw error;
      }
    },
    async remove(name) {
      const file = fileOf(name);
      try {
        await unlink(file);
        return true;
      } catch (error) {
        if (isMissing(error)) return false;
        throw error;
      }
    },
  };
}
