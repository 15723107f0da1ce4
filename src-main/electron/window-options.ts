// The security decisions of the Electron shell, as plain data and predicates (DESIGN.md section 8).
// No electron import here, so every rule is unit-tested; main-window.ts applies them.

/** The renderer is served only from this origin (a privileged custom scheme, see protocol.ts). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'desk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

export interface WindowSettings {
  kiosk: boolean;
  preloadPath: string;
  /** Developer tools: on while developing, off in a packaged desk. */
  devTools: boolean;
}

/** A structural subset of Electron's BrowserWindowConstructorOptions. */
export interface MainWindowOptions {
  title: string;
  width: number;
  height: number;
  minWidth: number;
  minHeight: number;
  kiosk: boolean;
  show: boolean;
  autoHideMenuBar: boolean;
  backgroundColor: string;
  webPreferences: {
    preload: string;
    contextIsolation: true;
    sandbox: true;
    nodeIntegration: false;
    nodeIntegrationInWorker: false;
    nodeIntegrationInSubFrames: false;
    webSecurity: true;
    allowRunningInsecureContent: false;
    webviewTag: false;
    navigateOnDragDrop: false;
    safeDialogs: true;
    spellcheck: false;
    disableBlinkFeatures: 'Auxclick';
    devTools: boolean;
  };
}

export function mainWindowOptions(settings: WindowSettings): MainWindowOptions {
  return {
    title: 'Frontdesk ID',
    width: 1280,
    height: 800,
    minWidth: 1024,
    minHeight: 700,
    kiosk: settings.kiosk,
    // Shown on ready-to-show, so the operator never sees an empty white window.
    show: false,
    autoHideMenuBar: true,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: settings.preloadPath,
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
      // A middle-click opens links in new windows: refused anyway (shouldOpenWindow), and off here too.
      disableBlinkFeatures: 'Auxclick',
      devTools: settings.devTools,
    },
  };
}

function parseUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * True only for a URL on exactly app://desk. Node's URL gives a non-special scheme the origin
 * "null", so the parts are compared one by one: `app://desk@evil` has host "evil", and
 * `app://desk.evil.com` or `app://desk:1` are other hosts.
 */
export function isTrustedSenderUrl(url: string): boolean {
  const parsed = parseUrl(url);
  return (
    parsed !== null &&
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.hostname === APP_HOST &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === ''
  );
}

/** The window stays inside the app: links elsewhere and drag-and-dropped files are refused. */
export function isAllowedNavigation(url: string): boolean {
  return isTrustedSenderUrl(url);
}

/**
 * BankID on the same computer: the sign-in screen navigates to `bankid:///?autostarttoken=…&redirect=null`
 * (BankID's autostart link). The window never follows it; the shell hands the operating system a link
 * rebuilt from the token alone, so nothing else a page puts in such a URL reaches another program.
 * Null for anything that is not exactly that link.
 */
export function bankIdAutostartLink(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'bankid:' || parsed.host !== '' || parsed.username || parsed.password) return null;
  const token = parsed.searchParams.get('autostarttoken') ?? '';
  // BankID's autostart tokens are UUIDs.
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(token)) return null;
  return `bankid:///?autostarttoken=${token.toLowerCase()}&redirect=null`;
}

/** No pop-ups, ever: the desk is one window. */
export function shouldOpenWindow(): { action: 'deny' } {
  return { action: 'deny' };
}

/** The details Electron gives a permission request (mediaTypes) or check (mediaType). */
export interface PermissionDetails {
  requestingUrl?: string;
  mediaTypes?: readonly string[];
  mediaType?: string;
}

/** Everything is denied except the camera (video only, no microphone) for holder photos. */
export function isAllowedPermission(permission: string, details: PermissionDetails): boolean {
  if (permission !== 'media') return false;
  if (details.requestingUrl !== undefined && !isTrustedSenderUrl(details.requestingUrl)) return false;
  const types = details.mediaTypes ?? (details.mediaType === undefined ? [] : [details.mediaType]);
  return types.length > 0 && types.every((type) => type === 'video');
}
