// "startAtLogin": the desk opens when the user logs in, as a kiosk should. Windows and macOS keep
// the login items themselves (app.setLoginItemSettings); Linux desktops read XDG autostart entries,
// a .desktop file in ~/.config/autostart (the XDG Autostart specification).
import { mkdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';

export const AUTOSTART_FILE = 'frontdesk-id.desktop';
/** Marks the entry as this app's, so turning the setting off never removes someone else's file. */
const MARK = 'X-Frontdesk-ID-Autostart=true';

export interface LoginItemApp {
  setLoginItemSettings(settings: { openAtLogin: boolean }): void;
}

export interface StartAtLoginOptions {
  enabled: boolean;
  app: LoginItemApp;
  platform?: NodeJS.Platform;
  env?: NodeJS.ProcessEnv;
  /** The program to start: the installed executable. */
  execPath: string;
}

/** One argument of a desktop entry's Exec key, quoted as the Desktop Entry specification says. */
export function quoteExecArgument(argument: string): string {
  if (!/[\s"'\\`$<>~|&;*?#()]/.test(argument)) return argument;
  return `"${argument.replace(/["`$\\]/g, (c) => `\\${c}`)}"`;
}

export function autostartEntry(program: string): string {
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Name=Frontdesk ID',
    `Exec=${quoteExecArgument(program)}`,
    'X-GNOME-Autostart-enabled=true',
    MARK,
    '',
  ].join('\n');
}

export function autostartPath(env: NodeJS.ProcessEnv = process.env): string {
  return join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), 'autostart', AUTOSTART_FILE);
}

async function writeLinuxEntry(path: string, program: string): Promise<void> {
  await mkdir(join(path, '..'), { recursive: true });
  const temporary = `${path}.tmp`;
  await writeFile(temporary, autostartEntry(program), { mode: 0o644 });
  await rename(temporary, path);
}

async function removeLinuxEntry(path: string): Promise<void> {
  const text = await readFile(path, 'utf8').catch(() => null);
  if (text?.includes(MARK)) await unlink(path);
}

/** Makes the login item match the setting; safe to call at every start. */
export async function applyStartAtLogin(options: StartAtLoginOptions): Promise<void> {
  const platform = options.platform ?? process.platform;
  if (platform === 'win32' || platform === 'darwin') {
    options.app.setLoginItemSettings({ openAtLogin: options.enabled });
    return;
  }
  const env = options.env ?? process.env;
  const path = autostartPath(env);
  // An AppImage runs from a temporary mount: the entry must start the AppImage file itself.
  const program = env.APPIMAGE || options.execPath;
  if (options.enabled) await writeLinuxEntry(path, program);
  else await removeLinuxEntry(path);
}
