// The Electron entry: one instance, the renderer on app://desk, one window, one desk connection.
// The desk is built from the same settings as the web host's (core/config/desk-config.ts), card
// readers included, with the operating system's keychain as its key store.
import { join } from 'node:path';
import { app, dialog, ipcMain, powerSaveBlocker, safeStorage, type BrowserWindow } from 'electron';
import { loadDeskLaunch } from './core/config/desk-config';
import { createDesk, type Desk } from './core/create-desk';
import { defaultDataDir } from './core/store/default-paths';
import { registerDeskBridge } from './electron/ipc-bridge';
import { registerKeepAwake } from './electron/keep-awake';
import { createMainWindow, guardAllContents } from './electron/main-window';
import { registerAppScheme, serveRenderer } from './electron/protocol';
import { watchRenderer } from './electron/renderer-recovery';
import { createSafeStorageKeyStore } from './electron/safe-storage-key-store';
import { applyStartAtLogin } from './electron/start-at-login';
import { watchForUpdate } from './electron/update-restart';
import { APP_ENTRY_URL } from './electron/window-options';

// The same data directory as the web host (npm run start:web), so both run the same desk.
const dataDir = defaultDataDir();
app.setPath('userData', dataDir);
app.enableSandbox();
registerAppScheme();
guardAllContents();

let desk: Desk | null = null;
let mainWindow: BrowserWindow | null = null;
let teardown: Array<() => void> = [];
let closing: Promise<void> | null = null;

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function start(): void {
  const launch = loadDeskLaunch({
    dataDir: app.getPath('userData'),
    keychain: (dir) => createSafeStorageKeyStore({ safeStorage, dir }),
  });
  const { settings, config } = launch;
  const keys = config.keyStore.describe();
  console.log(`[desk] keys: ${keys.kind} (${keys.backend}) in ${keys.location}`);
  if (!keys.isProtected) {
    console.warn(
      '[desk] this computer has no keyring (basic_text): the desk keeps no keys until one is set up ' +
        'or settings.json chooses "keyStore": "file".',
    );
  }
  desk = createDesk(config);

  const appDir = app.getAppPath();
  serveRenderer(join(appDir, 'out', 'renderer'));
  const window = createMainWindow({
    kiosk: settings.kiosk,
    preloadPath: join(appDir, 'out', 'preload', 'preload.cjs'),
    devTools: !app.isPackaged,
  });
  mainWindow = window;
  const contents = window.webContents;

  const connection = desk.connect();
  const unbridge = registerDeskBridge({ ipcMain, contents, connection });
  const keepAwake = registerKeepAwake({ ipcMain, contents, powerSaveBlocker });
  const unwatch = watchRenderer({
    contents,
    reload: () => void window.loadURL(APP_ENTRY_URL),
    onGone: keepAwake.release,
  });
  teardown = [unwatch, keepAwake.dispose, unbridge, () => connection.close()];

  // In development the "app" is the bare electron binary: neither a login item nor an installer.
  if (app.isPackaged) {
    applyStartAtLogin({ enabled: settings.startAtLogin, app, execPath: process.execPath }).catch(
      (error: unknown) => console.warn(`[desk] start at login could not be set: ${describeError(error)}`),
    );
    const stopWatching = watchForUpdate({
      file: join(process.resourcesPath, 'app.asar'),
      onUpdated: () => void restart(),
    });
    teardown.unshift(stopWatching);
  }
}

/** Closes the desk (readers, database) once, however many ways the app is asked to stop. */
function closeDesk(): Promise<void> {
  closing ??= (async () => {
    for (const undo of teardown) undo();
    teardown = [];
    mainWindow = null;
    const open = desk;
    desk = null;
    await open?.close();
  })();
  return closing;
}

async function restart(): Promise<void> {
  await closeDesk().catch((error: unknown) =>
    console.error(`[desk] closing failed: ${describeError(error)}`),
  );
  app.relaunch();
  app.exit(0);
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  // A second launch (a double-click on the icon) brings the running desk to the front instead.
  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
  });
  app.on('window-all-closed', () => app.quit());
  // Electron does not wait for promises: quitting waits here until the readers have let go and
  // the database is closed, then quits for real.
  app.on('will-quit', (event) => {
    if (desk === null) return;
    event.preventDefault();
    void closeDesk()
      .catch((error: unknown) => console.error(`[desk] closing failed: ${describeError(error)}`))
      .then(() => app.quit());
  });
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      dialog.showErrorBox('Frontdesk ID could not start', describeError(error));
      void closeDesk().finally(() => app.exit(1));
    });
}
