// The Electron entry (src-main/index.ts) and the preload, launched for real against the stand-in
// electron module (test/harness/electron-stand-in.ts): what a launch does, with the real desk core,
// a real SQLite file in a temporary data directory and the machine's real card reader backends.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DeskClient } from '../../../src-shared/api/client';
import type { ReadersOverview } from '../../../src-shared/api/readers';
import type * as StandIn from '../../harness/electron-stand-in';

type Electron = typeof StandIn;

const ENTRY_URL = 'app://desk/index.html';
const INDEX_HTML = '<!doctype html><title>Frontdesk ID</title><div id="app"></div>';

let root: string;
let dataDir: string;
let appDir: string;
let electron: Electron;
const savedEnv = { ...process.env };

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'frontdesk-shell-'));
  dataDir = join(root, 'data');
  appDir = join(root, 'app');
  mkdirSync(join(appDir, 'out', 'renderer', 'assets'), { recursive: true });
  writeFileSync(join(appDir, 'out', 'renderer', 'index.html'), INDEX_HTML);
  writeFileSync(join(appDir, 'out', 'renderer', 'assets', 'app.js'), 'console.log("desk")');
  process.env.FRONTDESK_DATA_DIR = dataDir;
  process.env.XDG_CONFIG_HOME = join(root, 'config');
  delete process.env.APPIMAGE;
  vi.spyOn(console, 'log').mockImplementation(() => {});
});

afterEach(async () => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  // Whatever a test left running is quit the way a user would, so the desk closes its database.
  if (electron?.standIn.isReady && !electron.standIn.hasQuit && electron.standIn.exitCode === null) {
    electron.app.quit();
    await vi.waitFor(() => expect(electron.standIn.hasQuit).toBe(true));
  }
  process.env = { ...savedEnv };
  rmSync(root, { recursive: true, force: true });
});

interface LaunchOptions {
  settings?: Record<string, unknown>;
  isPackaged?: boolean;
  isAnotherInstanceRunning?: boolean;
  storageBackend?: string;
}

/** Loads index.ts fresh, as Electron does at start: everything before 'ready'. */
async function load(options: LaunchOptions = {}): Promise<Electron> {
  vi.resetModules();
  electron = await import('../../harness/electron-stand-in');
  electron.standIn.appPath = appDir;
  electron.standIn.isAnotherInstanceRunning = options.isAnotherInstanceRunning ?? false;
  electron.standIn.storageBackend = options.storageBackend ?? 'gnome_libsecret';
  electron.app.isPackaged = options.isPackaged ?? false;
  if (options.settings) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(join(dataDir, 'settings.json'), JSON.stringify(options.settings));
  }
  await import('../../../src-main/index');
  return electron;
}

/** Loads, makes the app ready and waits for the desk window; loads the preload into it. */
async function launch(options: LaunchOptions = {}) {
  const e = await load(options);
  e.standIn.ready();
  await vi.waitFor(() => expect(e.BrowserWindow.getAllWindows()).toHaveLength(1));
  const window = e.BrowserWindow.getAllWindows()[0]!;
  await import('../../../src-main/preload');
  const desk = e.standIn.exposed.get('desk') as DeskClient;
  return { e, window, contents: window.webContents, desk };
}

async function loggedIn(desk: DeskClient): Promise<void> {
  const created = await desk.call('setup.createFirstAdmin', {
    username: 'admin',
    displayName: 'Astrid Admin',
    password: 'correct horse battery',
    language: 'en',
  });
  expect(created.ok).toBe(true);
}

async function backends(desk: DeskClient): Promise<string[]> {
  const listed = await desk.call('readers.list', {});
  if (!listed.ok) throw new Error(listed.error.message);
  return (listed.value as ReadersOverview).backends.map((b) => b.backend);
}

const walFile = () => join(dataDir, 'desk.sqlite-wal');

describe('before the app is ready', () => {
  it('takes the single-instance lock, registers app:// as privileged, enables the sandbox and guards every webContents', async () => {
    const e = await load();
    expect(e.standIn.requestedLock).toBe(true);
    expect(e.standIn.privilegedSchemes).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    expect(e.standIn.sandboxEnabled).toBe(true);
    expect(e.app.getPath('userData')).toBe(dataDir);
    expect(e.app.listenerCount('web-contents-created')).toBe(1);
    // Nothing opens before ready: no window, no database.
    expect(e.BrowserWindow.getAllWindows()).toEqual([]);
    expect(existsSync(join(dataDir, 'desk.sqlite'))).toBe(false);
  });

  it('a second instance quits at once and opens neither a window nor the database', async () => {
    const e = await load({ isAnotherInstanceRunning: true });
    expect(e.standIn.quitRequested).toBe(1);
    e.standIn.ready();
    await new Promise((resolve) => setImmediate(resolve));
    expect(e.BrowserWindow.getAllWindows()).toEqual([]);
    expect(existsSync(join(dataDir, 'desk.sqlite'))).toBe(false);
  });
});

describe('a launch', () => {
  it('opens one window on app://desk with every security option, shown when ready', async () => {
    const { e, window, contents } = await launch();
    expect(e.BrowserWindow.getAllWindows()).toHaveLength(1);
    expect(window.options).toMatchObject({ kiosk: false, show: false });
    expect(window.options.webPreferences).toEqual({
      preload: join(appDir, 'out', 'preload', 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      disableBlinkFeatures: 'Auxclick',
      devTools: true,
    });
    expect(contents.loads).toEqual([ENTRY_URL]);
    await vi.waitFor(() => expect(window.isVisible()).toBe(true));
    // Navigation away, pop-ups and devices are refused.
    const navigation = {
      defaultPrevented: false,
      preventDefault: () => (navigation.defaultPrevented = true),
    };
    contents.emit('will-navigate', navigation, 'https://example.org/');
    expect(navigation.defaultPrevented).toBe(true);
    expect(contents.windowOpenHandler?.({ url: 'https://example.org/' })).toEqual({ action: 'deny' });
    expect(e.standIn.sessionHandlers.devicePermission?.()).toBe(false);
  });

  it('takes kiosk mode from settings.json', async () => {
    const { window } = await launch({ settings: { kiosk: true } });
    expect(window.options.kiosk).toBe(true);
  });

  it('serves the built renderer on app://desk with the content security policy', async () => {
    const { e } = await launch();
    const handler = e.standIn.protocolHandlers.get('app');
    expect(handler).toBeDefined();
    const page = await handler!(new Request(ENTRY_URL));
    expect(page.status).toBe(200);
    expect(await page.text()).toBe(INDEX_HTML);
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("object-src 'none'");
    const script = await handler!(new Request('app://desk/assets/app.js'));
    expect(script.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect((await handler!(new Request('app://elsewhere/index.html'))).status).toBe(403);
    expect((await handler!(new Request(ENTRY_URL, { method: 'POST', body: 'x' }))).status).toBe(405);
  });

  it('creates the desk with this computer’s card readers, reachable through the preload', async () => {
    const { desk } = await launch();
    expect(existsSync(join(dataDir, 'desk.sqlite'))).toBe(true);
    await loggedIn(desk);
    // PC/SC is always there with the system readers (reporting itself unavailable without pcscd).
    expect(await backends(desk)).toContain('pcsc');
  });

  it('leaves the readers out only when settings.json says "readers": "none"', async () => {
    const { desk } = await launch({ settings: { readers: 'none' } });
    await loggedIn(desk);
    expect(await backends(desk)).not.toContain('pcsc');
  });

  it('answers calls only from the desk window on app://desk', async () => {
    const { e, contents } = await launch();
    const call = { method: 'session.status', input: {} };
    const fromWindow = await e.ipcMain.invoke('desk:call', e.senderEvent(contents), call);
    expect(fromWindow).toMatchObject({ ok: true });
    const otherWindow = new e.BrowserWindow({});
    await otherWindow.loadURL(ENTRY_URL);
    for (const event of [
      e.senderEvent(otherWindow.webContents),
      e.senderEvent(contents, 'https://example.org/'),
      e.senderEvent(contents, 'app://desk.example.org/'),
    ]) {
      const refused = await e.ipcMain.invoke('desk:call', event, call);
      expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    e.ipcMain.emit('desk:keep-awake', e.senderEvent(otherWindow.webContents), true);
    expect([...e.standIn.blockers.values()]).toEqual([]);
  });

  it('a second launch brings the running desk to the front', async () => {
    const { e, window } = await launch();
    window.minimize();
    e.app.emit('second-instance', {}, ['frontdesk-id'], '/');
    expect(window.isMinimized()).toBe(false);
    expect(window.isFocused()).toBe(true);
    expect(e.BrowserWindow.getAllWindows()).toHaveLength(1);
  });

  it('a quit waits for the desk to close its readers and its database, then quits', async () => {
    const { e, desk } = await launch();
    await loggedIn(desk);
    expect(existsSync(walFile())).toBe(true);
    e.app.quit();
    // The first will-quit is held back until the desk is closed; the app then quits by itself.
    await vi.waitFor(() => expect(e.standIn.hasQuit).toBe(true));
    expect(e.standIn.quitRequested).toBe(2);
    // SQLite removes the write-ahead log when the last connection closes: the database is closed.
    expect(existsSync(walFile())).toBe(false);
    expect(e.ipcMain.handlers.has('desk:call')).toBe(false);
  });

  it('shows why it cannot start and exits when the desk cannot open its database', async () => {
    mkdirSync(join(root, 'a-folder'));
    const e = await load({ settings: { databasePath: join(root, 'a-folder') } });
    e.standIn.ready();
    await vi.waitFor(() => expect(e.standIn.exitCode).toBe(1));
    expect(e.standIn.errorBoxes).toHaveLength(1);
    expect(e.standIn.errorBoxes[0]![0]).toBe('Frontdesk ID could not start');
    expect(e.BrowserWindow.getAllWindows()).toEqual([]);
  });
});

describe('the key store', () => {
  it('is the keychain through safeStorage by default', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    await launch();
    expect(log).toHaveBeenCalledWith(`[desk] keys: keychain (gnome_libsecret) in ${join(dataDir, 'keys')}`);
  });

  it('says so where Linux has no keyring (basic_text), instead of pretending', async () => {
    vi.spyOn(console, 'log').mockImplementation(() => {});
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    await launch({ storageBackend: 'basic_text' });
    expect(warn.mock.calls.flat().join('\n')).toMatch(/no keyring \(basic_text\)/);
  });

  it('is the 0600 key file when settings.json chooses it explicitly', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    await launch({ settings: { keyStore: 'file' }, storageBackend: 'basic_text' });
    expect(log).toHaveBeenCalledWith(`[desk] keys: keyFile (file) in ${join(dataDir, 'keys')}`);
  });
});

describe('kiosk habits', () => {
  it('keeps the display awake while the idle screen asks, and lets it sleep when it leaves', async () => {
    const { e, desk } = await launch();
    desk.keepScreenAwake?.(true);
    desk.keepScreenAwake?.(true);
    expect([...e.standIn.blockers.values()]).toEqual(['prevent-display-sleep']);
    desk.keepScreenAwake?.(false);
    expect([...e.standIn.blockers.values()]).toEqual([]);
  });

  it('reloads a crashed renderer to the idle screen, logs why, and lets the display sleep', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const { e, contents, desk } = await launch();
    desk.keepScreenAwake?.(true);
    contents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 139 });
    expect(contents.loads).toEqual([ENTRY_URL, ENTRY_URL]);
    expect(error.mock.calls.flat().join('\n')).toMatch(/crashed, exit code 139/);
    expect([...e.standIn.blockers.values()]).toEqual([]);
  });

  it('ends a renderer that stays unresponsive past its grace period and reloads it', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const { contents } = await launch({ settings: { readers: 'none' } });
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    contents.emit('unresponsive');
    vi.advanceTimersByTime(9_000);
    expect(contents.loads).toEqual([ENTRY_URL]);
    vi.advanceTimersByTime(1_000);
    expect(contents.loads).toEqual([ENTRY_URL, ENTRY_URL]);
    expect(error.mock.calls.flat().join('\n')).toMatch(/not responding[\s\S]*did not recover[\s\S]*killed/);
  });

  it('leaves a renderer that recovers within the grace period alone', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const { contents } = await launch({ settings: { readers: 'none' } });
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    contents.emit('unresponsive');
    vi.advanceTimersByTime(5_000);
    contents.emit('responsive');
    vi.advanceTimersByTime(60_000);
    expect(contents.loads).toEqual([ENTRY_URL]);
  });

  it('starts at login when installed and the setting asks for it (XDG autostart on Linux)', async () => {
    const file = join(root, 'config', 'autostart', 'frontdesk-id.desktop');
    Object.assign(process, { resourcesPath: join(root, 'resources') });
    await launch({ isPackaged: true, settings: { startAtLogin: true, readers: 'none' } });
    await vi.waitFor(() => expect(existsSync(file)).toBe(true));
    expect(readFileSync(file, 'utf8')).toContain(`Exec=${process.execPath}`);
    electron.app.quit();
    await vi.waitFor(() => expect(electron.standIn.hasQuit).toBe(true));
    await launch({ isPackaged: true, settings: { startAtLogin: false, readers: 'none' } });
    await vi.waitFor(() => expect(existsSync(file)).toBe(false));
  });

  it('does not register the development binary as a login item', async () => {
    await launch({ settings: { startAtLogin: true, readers: 'none' } });
    await new Promise((resolve) => setImmediate(resolve));
    expect(existsSync(join(root, 'config', 'autostart'))).toBe(false);
  });

  it('restarts cleanly once a new version is installed under it and the installer has finished', async () => {
    const resources = join(root, 'resources');
    mkdirSync(resources);
    const archive = join(resources, 'app.asar');
    writeFileSync(archive, 'version 0.1.0');
    Object.assign(process, { resourcesPath: resources });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const { e, desk } = await launch({ isPackaged: true, settings: { readers: 'none' } });
    await loggedIn(desk);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(e.standIn.relaunched).toBe(0);
    // The installer replaces the archive (a new file renamed over the old one).
    writeFileSync(`${archive}.new`, 'version 0.2.0, longer');
    renameSync(`${archive}.new`, archive);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(e.standIn.relaunched).toBe(0);
    await vi.advanceTimersByTimeAsync(30_000);
    await vi.waitFor(() => expect(e.standIn.exitCode).toBe(0));
    expect(e.standIn.relaunched).toBe(1);
    expect(existsSync(walFile())).toBe(false);
    expect(warn.mock.calls.flat().join('\n')).toMatch(/new version was installed/);
  });
});
