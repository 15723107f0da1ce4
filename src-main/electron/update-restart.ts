// A clean restart after an update. A Linux package upgrade (apt installing a new .deb) or a macOS
// app replaced in /Applications swaps the files under the running desk, which then fails at its
// next lazy load of a file that changed. So the desk watches its own app.asar: once the archive is
// replaced (another inode, size or time) and has stayed the same for one more look (the installer
// has finished), the desk closes its database cleanly and starts again as the new version.
// Windows' NSIS installer closes the running app itself before it installs.
import { statSync } from 'node:fs';

export interface ArchiveStamp {
  ino: number;
  size: number;
  mtimeMs: number;
}

/**
 * The archive file's own identity. Electron's fs treats an .asar path as a folder and caches the
 * archive it opened: process.noAsar turns that off for this one synchronous stat.
 */
export function stampOf(file: string): ArchiveStamp | null {
  const host = process as { noAsar?: boolean };
  const before = host.noAsar;
  host.noAsar = true;
  try {
    const info = statSync(file);
    return { ino: info.ino, size: info.size, mtimeMs: info.mtimeMs };
  } catch {
    return null;
  } finally {
    host.noAsar = before;
  }
}

const isSame = (a: ArchiveStamp, b: ArchiveStamp) =>
  a.ino === b.ino && a.size === b.size && a.mtimeMs === b.mtimeMs;

export interface UpdateWatchOptions {
  /** resources/app.asar of the installed app. */
  file: string;
  /** Closes the desk and relaunches; called once. */
  onUpdated: () => void;
  intervalMs?: number;
  log?: (message: string) => void;
}

/** Polls the installed archive; returns the function that stops watching. */
export function watchForUpdate(options: UpdateWatchOptions): () => void {
  const log = options.log ?? ((message: string) => console.warn(`[update] ${message}`));
  const running = stampOf(options.file);
  let pending: ArchiveStamp | null = null;
  const timer = setInterval(() => {
    const now = stampOf(options.file);
    // Missing (mid-install), or nothing to compare with (not started from an archive).
    if (running === null || now === null || isSame(now, running)) {
      pending = null;
      return;
    }
    if (pending === null || !isSame(pending, now)) {
      pending = now;
      return;
    }
    clearInterval(timer);
    log(`a new version was installed under the running one (${options.file}): restarting`);
    options.onUpdated();
  }, options.intervalMs ?? 30_000);
  timer.unref();
  return () => clearInterval(timer);
}
