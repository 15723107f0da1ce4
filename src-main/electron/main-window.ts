// The one desk window, with every guard of DESIGN.md section 8 applied. The decisions themselves
// live in window-options.ts; this file only wires them into Electron.
import { app, BrowserWindow, session, shell, type WebContents } from 'electron';
import {
  APP_ENTRY_URL,
  bankIdAutostartLink,
  isAllowedNavigation,
  isAllowedPermission,
  mainWindowOptions,
  shouldOpenWindow,
  type WindowSettings,
} from './window-options';

function guardContents(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (isAllowedNavigation(url)) return;
    event.preventDefault();
    const bankIdLink = bankIdAutostartLink(url);
    if (bankIdLink) void shell.openExternal(bankIdLink).catch(() => undefined);
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAllowedNavigation(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(shouldOpenWindow);
}

/** Guards every webContents ever created (the window, and anything that slips past it). */
export function guardAllContents(): void {
  app.on('web-contents-created', (_event, contents) => guardContents(contents));
}

function guardPermissions(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const mediaTypes = 'mediaTypes' in details ? details.mediaTypes : undefined;
    callback(isAllowedPermission(permission, { requestingUrl: details.requestingUrl, mediaTypes }));
  });
  ses.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) =>
    isAllowedPermission(permission, {
      requestingUrl: details.requestingUrl ?? requestingOrigin,
      mediaType: details.mediaType,
    }),
  );
  // USB, HID and serial devices are the desk's business (card readers), never the page's.
  ses.setDevicePermissionHandler(() => false);
}

export function createMainWindow(settings: WindowSettings): BrowserWindow {
  guardPermissions();
  const window = new BrowserWindow(mainWindowOptions(settings));
  guardContents(window.webContents);
  window.once('ready-to-show', () => window.show());
  void window.loadURL(APP_ENTRY_URL);
  return window;
}
