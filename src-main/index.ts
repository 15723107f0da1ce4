// The Electron entry: one instance, the renderer on app://desk, one window, one desk connection.
import { join } from 'node:path';
import { app, dialog, ipcMain, type BrowserWindow } from 'electron';
import { createDesk, type Desk } from './core/create-desk';
import { defaultDataDir } from './core/store/default-paths';
import { registerDeskBridge } from './electron/ipc-bridge';
import { createMainWindow, guardAllContents } from './electron/main-window';
import { registerAppScheme, serveRenderer } from './electron/protocol';
import { loadDeskSettings } from './electron/settings';

const here = import.meta.dirname;
const preloadPath = join(here, '..', 'preload', 'preload.cjs');
const rendererDir = join(here, '..', 'renderer');

// The same data directory as the web host (npm run start:web), so both run the same desk.
app.setPath('userData', defaultDataDir());
app.enableSandbox();
registerAppScheme();
guardAllContents();

let desk: Desk | null = null;
let mainWindow: BrowserWindow | null = null;
let disconnect: (() => void) | null = null;

function start(): void {
  const settings = loadDeskSettings(app.getPath('userData'));
  desk = createDesk({ databasePath: settings.databasePath, idleTimeoutSeconds: settings.idleTimeoutSeconds });
  serveRenderer(rendererDir);
  const window = createMainWindow({ kiosk: settings.kiosk, preloadPath, devTools: !app.isPackaged });
  mainWindow = window;
  const connection = desk.connect();
  const unregister = registerDeskBridge({ ipcMain, contents: window.webContents, connection });
  disconnect = () => {
    unregister();
    connection.close();
  };
}

function stop(): void {
  disconnect?.();
  disconnect = null;
  desk?.close();
  desk = null;
  mainWindow = null;
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
  app.on('will-quit', stop);
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      dialog.showErrorBox('Frontdesk ID could not start', message);
      stop();
      app.exit(1);
    });
}
