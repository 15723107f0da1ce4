// A small, faithful model of the Electron APIs the shell uses, loaded in place of the `electron`
// package by the vitest 'shell' project (vitest.config.ts alias): importing the real package starts
// a binary download, and the binary cannot run here. It keeps Electron's rules that the shell must
// respect: schemes are registered before ready and handled after it, enableSandbox only before
// ready, one ipcMain.handle per channel, whenReady resolves once the app is ready, a quit can be
// prevented in 'will-quit', safeStorage reports 'unknown' on Linux before ready.
// The preload's ipcRenderer is wired to ipcMain through the first window, so a test can drive the
// whole path: window.desk → preload → ipcMain → IPC bridge → the real desk core.
import { EventEmitter } from 'node:events';

type Handler = (...args: unknown[]) => unknown;

export interface StandInEvent {
  defaultPrevented: boolean;
  preventDefault(): void;
}

function newEvent(): StandInEvent {
  return {
    defaultPrevented: false,
    preventDefault() {
      this.defaultPrevented = true;
    },
  };
}

export const standIn = {
  isReady: false,
  /** Another instance holds the single-instance lock. */
  isAnotherInstanceRunning: false,
  requestedLock: false,
  sandboxEnabled: false,
  quitRequested: 0,
  hasQuit: false,
  exitCode: null as number | null,
  relaunched: 0,
  appPath: process.cwd(),
  version: '0.1.0',
  privilegedSchemes: [] as Array<{ scheme: string; privileges: Record<string, boolean> }>,
  protocolHandlers: new Map<string, (request: Request) => Promise<Response> | Response>(),
  errorBoxes: [] as Array<[string, string]>,
  exposed: new Map<string, unknown>(),
  loginItem: null as { openAtLogin: boolean } | null,
  blockers: new Map<number, string>(),
  storageBackend: 'gnome_libsecret' as string,
  isEncryptionAvailable: true,
  shouldReEncrypt: false,
  sessionHandlers: {} as Record<string, Handler>,

  /** Electron's 'ready': whenReady() resolves, 'ready' is emitted. */
  ready(): void {
    if (standIn.isReady) return;
    standIn.isReady = true;
    app.emit('ready', newEvent(), {});
    for (const resolve of readyWaiters.splice(0)) resolve();
  },
};

const readyWaiters: Array<() => void> = [];
let nextId = 1;

class StandInWebContents extends EventEmitter {
  readonly id = nextId++;
  url = '';
  loads: string[] = [];
  sent: Array<[string, unknown]> = [];
  windowOpenHandler: Handler | null = null;
  private destroyed = false;

  loadURL(url: string): Promise<void> {
    this.url = url;
    this.loads.push(url);
    setImmediate(() => this.emit('did-finish-load'));
    return Promise.resolve();
  }
  getURL(): string {
    return this.url;
  }
  send(channel: string, message: unknown): void {
    if (this.destroyed) throw new Error('Object has been destroyed');
    this.sent.push([channel, message]);
    if (this === preloadContents()) ipcRenderer.emit(channel, newEvent(), message);
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  setWindowOpenHandler(handler: Handler): void {
    this.windowOpenHandler = handler;
  }
  /** Ends the renderer process: Electron then emits 'render-process-gone' with reason 'killed'. */
  forcefullyCrashRenderer(): void {
    this.emit('render-process-gone', newEvent(), { reason: 'killed', exitCode: 9 });
  }
  destroy(): void {
    this.destroyed = true;
    this.emit('destroyed');
  }
}

const windows: BrowserWindow[] = [];

export class BrowserWindow extends EventEmitter {
  readonly webContents = new StandInWebContents();
  visible = false;
  focused = false;
  minimized = false;
  destroyed = false;

  constructor(readonly options: Record<string, unknown> = {}) {
    super();
    if (!standIn.isReady) throw new Error('Cannot create BrowserWindow before app is ready');
    windows.push(this);
    app.emit('web-contents-created', newEvent(), this.webContents);
    app.emit('browser-window-created', newEvent(), this);
    this.webContents.on('did-finish-load', () => this.emit('ready-to-show'));
  }
  static getAllWindows(): BrowserWindow[] {
    return windows.filter((w) => !w.destroyed);
  }
  loadURL(url: string): Promise<void> {
    return this.webContents.loadURL(url);
  }
  show(): void {
    this.visible = true;
    this.minimized = false;
  }
  isVisible(): boolean {
    return this.visible;
  }
  focus(): void {
    this.focused = true;
  }
  isFocused(): boolean {
    return this.focused;
  }
  minimize(): void {
    this.minimized = true;
    this.focused = false;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  restore(): void {
    this.minimized = false;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  close(): void {
    if (this.destroyed) return;
    const event = newEvent();
    this.emit('close', event);
    if (event.defaultPrevented) return;
    this.destroyed = true;
    this.webContents.destroy();
    this.emit('closed');
    if (BrowserWindow.getAllWindows().length === 0) app.emit('window-all-closed');
  }
}

/** The webContents the preload runs in: the first window's. */
function preloadContents(): StandInWebContents | undefined {
  return windows[0]?.webContents;
}

class StandInApp extends EventEmitter {
  isPackaged = false;
  private paths = new Map<string, string>([
    ['userData', '/nonexistent/user-data'],
    ['home', process.env.HOME ?? '/root'],
  ]);

  whenReady(): Promise<void> {
    if (standIn.isReady) return Promise.resolve();
    return new Promise((resolve) => readyWaiters.push(resolve));
  }
  isReady(): boolean {
    return standIn.isReady;
  }
  requestSingleInstanceLock(): boolean {
    standIn.requestedLock = true;
    return !standIn.isAnotherInstanceRunning;
  }
  enableSandbox(): void {
    if (standIn.isReady) throw new Error('app.enableSandbox() can only be called before app is ready');
    standIn.sandboxEnabled = true;
  }
  setPath(name: string, path: string): void {
    this.paths.set(name, path);
  }
  getPath(name: string): string {
    const path = this.paths.get(name);
    if (path === undefined) throw new Error(`Failed to get '${name}' path`);
    return path;
  }
  getAppPath(): string {
    return standIn.appPath;
  }
  getVersion(): string {
    return standIn.version;
  }
  setLoginItemSettings(settings: { openAtLogin: boolean }): void {
    standIn.loginItem = { openAtLogin: settings.openAtLogin };
  }
  focus(): void {}
  /** Electron's order: before-quit, windows close, will-quit (preventable), quit. */
  quit(): void {
    standIn.quitRequested += 1;
    const before = newEvent();
    this.emit('before-quit', before);
    if (before.defaultPrevented) return;
    for (const window of BrowserWindow.getAllWindows()) {
      window.destroyed = true;
      window.webContents.destroy();
      window.emit('closed');
    }
    const will = newEvent();
    this.emit('will-quit', will);
    if (will.defaultPrevented) return;
    standIn.hasQuit = true;
    this.emit('quit', newEvent(), 0);
  }
  /** Exits at once: no 'before-quit' or 'will-quit'. */
  exit(code = 0): void {
    standIn.exitCode = code;
  }
  relaunch(): void {
    standIn.relaunched += 1;
  }
}

export const app = new StandInApp();

export const protocol = {
  registerSchemesAsPrivileged(schemes: Array<{ scheme: string; privileges: Record<string, boolean> }>): void {
    if (standIn.isReady) {
      throw new Error('protocol.registerSchemesAsPrivileged should be called before app is ready');
    }
    standIn.privilegedSchemes.push(...schemes);
  },
  handle(scheme: string, handler: (request: Request) => Promise<Response> | Response): void {
    if (!standIn.isReady) throw new Error('protocol.handle must be called after app is ready');
    if (standIn.protocolHandlers.has(scheme)) throw new Error(`Failed to register protocol: ${scheme}`);
    standIn.protocolHandlers.set(scheme, handler);
  },
  isProtocolHandled(scheme: string): boolean {
    return standIn.protocolHandlers.has(scheme);
  },
};

export const session = {
  defaultSession: {
    setPermissionRequestHandler(handler: Handler) {
      standIn.sessionHandlers.permissionRequest = handler;
    },
    setPermissionCheckHandler(handler: Handler) {
      standIn.sessionHandlers.permissionCheck = handler;
    },
    setDevicePermissionHandler(handler: Handler) {
      standIn.sessionHandlers.devicePermission = handler;
    },
  },
};

class StandInIpcMain extends EventEmitter {
  readonly handlers = new Map<string, Handler>();
  handle(channel: string, handler: Handler): void {
    if (this.handlers.has(channel)) {
      throw new Error(`Attempted to register a second handler for '${channel}'`);
    }
    this.handlers.set(channel, handler);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  /** What ipcRenderer.invoke does: the handler's answer, or Electron's rejection without one. */
  async invoke(channel: string, event: unknown, ...args: unknown[]): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`Error invoking remote method '${channel}': No handler registered`);
    return handler(event, ...args);
  }
}

export const ipcMain = new StandInIpcMain();

/** The event Electron gives ipcMain for a message from a webContents (its main frame). */
export function senderEvent(contents: { getURL(): string } | undefined, url = contents?.getURL() ?? '') {
  return { sender: contents, senderFrame: { url }, ...newEvent() };
}

class StandInIpcRenderer extends EventEmitter {
  invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    return ipcMain.invoke(channel, senderEvent(preloadContents()), ...args);
  }
  send(channel: string, ...args: unknown[]): void {
    ipcMain.emit(channel, senderEvent(preloadContents()), ...args);
  }
}

export const ipcRenderer = new StandInIpcRenderer();

export const contextBridge = {
  exposeInMainWorld(key: string, api: unknown): void {
    if (standIn.exposed.has(key))
      throw new Error(`Cannot bind an API on top of an existing property: ${key}`);
    standIn.exposed.set(key, api);
  },
};

export const dialog = {
  showErrorBox(title: string, content: string): void {
    standIn.errorBoxes.push([title, content]);
  },
};

export const powerSaveBlocker = {
  start(type: string): number {
    const id = nextId++;
    standIn.blockers.set(id, type);
    return id;
  },
  stop(id: number): boolean {
    return standIn.blockers.delete(id);
  },
  isStarted(id: number): boolean {
    return standIn.blockers.has(id);
  },
};

// Not encryption: a reversible transform with Chromium's "v11" prefix, enough to prove the key
// store seals what it stores and opens only what was sealed.
const SEAL_PREFIX = 'v11';
const flip = (bytes: Buffer) => Buffer.from(bytes.map((b) => b ^ 0x5a));

export const safeStorage = {
  async isAsyncEncryptionAvailable(): Promise<boolean> {
    return standIn.isReady && standIn.isEncryptionAvailable;
  },
  async encryptStringAsync(plainText: string): Promise<Buffer> {
    if (!(await safeStorage.isAsyncEncryptionAvailable())) throw new Error('Encryption is not available.');
    return Buffer.concat([Buffer.from(SEAL_PREFIX), flip(Buffer.from(plainText, 'utf8'))]);
  },
  async decryptStringAsync(encrypted: Buffer): Promise<{ shouldReEncrypt: boolean; result: string }> {
    if (!(await safeStorage.isAsyncEncryptionAvailable())) throw new Error('Decryption is not available.');
    if (encrypted.subarray(0, 3).toString() !== SEAL_PREFIX) {
      throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    }
    return { shouldReEncrypt: standIn.shouldReEncrypt, result: flip(encrypted.subarray(3)).toString('utf8') };
  },
  getSelectedStorageBackend(): string {
    return standIn.isReady ? standIn.storageBackend : 'unknown';
  },
};

export default {
  app,
  BrowserWindow,
  contextBridge,
  dialog,
  ipcMain,
  ipcRenderer,
  powerSaveBlocker,
  protocol,
  safeStorage,
  session,
};
