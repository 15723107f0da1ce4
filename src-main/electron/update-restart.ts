// A clean restart after an update. A Linux package upgrade (apt installing a new .deb) or a macOS
// app replaced in /Applications swaps the files under the running desk, which then fails at its
// next lazy load. The installer leaves resources/installed-package.json (electron-builder.yml,
// extraResources): it lives outside app.asar, so reading it is never served from Electron's cache of
// the old archive. When its version differs from the running one, the desk closes its database
// cleanly and starts again as the new version. (Windows' NSIS installer closes the app itself.)
import { readFile } from 'node:fs/promises';

export const INSTALLED_VERSION_FILE = 'installed-package.json';

export interface UpdateWatchOptions {
  /** resources/installed-package.json of the installed app. */
  file: string;
  runningVersion: string;
  /** Closes the desk and relaunches; called once. */
  onUpdated: (installedVersion: string) => void;
  intervalMs?: number;
  log?: (message: string) => void;
}

/** The installed version, or null when the file is missing or unreadable (mid-install). */
export async function readInstalledVersion(file: string): Promise<string | null> {
  try {
    const parsed: unknown = JSON.parse(await readFile(file, 'utf8'));
    const version = (parsed as { version?: unknown } | null)?.version;
    return typeof version === 'string' && version.length > 0 ? version : null;
  } catch {
    return null;
  }
}

/** Polls the installed version; returns the function that stops watching. */
export function watchForUpdate(options: UpdateWatchOptions): () => void {
  const log = options.log ?? ((message: string) => console.warn(`[update] ${message}`));
  let isDone = false;
  let isChecking = false;
  const check = async () => {
    if (isDone || isChecking) return;
    isChecking = true;
    const installed = await readInstalledVersion(options.file);
    isChecking = false;
    if (isDone || installed === null || installed === options.runningVersion) return;
    isDone = true;
    clearInterval(timer);
    log(`version ${installed} was installed under the running ${options.runningVersion}: restarting`);
    options.onUpdated(installed);
  };
  const timer = setInterval(() => void check(), options.intervalMs ?? 60_000);
  timer.unref();
  return () => {
    isDone = true;
    clearInterval(timer);
  };
}
