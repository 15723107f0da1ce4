import { describe, expect, it } from 'vitest';
import {
  APP_ENTRY_URL,
  bankIdAutostartLink,
  isAllowedNavigation,
  isAllowedPermission,
  isTrustedSenderUrl,
  mainWindowOptions,
  shouldOpenWindow,
} from '../../../../src-main/electron/window-options';

const hostileUrls = [
  'app://desk.evil.com/index.html',
  'app://evil/index.html',
  'app://desk@evil/index.html',
  'app://desk:evil@evil.com/',
  'app://desk:8080/index.html',
  'app://DESK.evil/',
  'file:///work/main/out/renderer/index.html',
  'file://desk/index.html',
  'http://127.0.0.1:5178/',
  'http://desk/',
  'https://desk/',
  'javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'about:blank',
  'devtools://devtools/bundled/inspector.html',
  'chrome://gpu',
  'application://desk/',
  'app:desk',
  '',
  'not a url',
];

describe('mainWindowOptions', () => {
  const options = mainWindowOptions({
    kiosk: false,
    preloadPath: '/app/out/preload/preload.cjs',
    devTools: false,
  });

  it('isolates the renderer from Node and Electron', () => {
    expect(options.webPreferences).toMatchObject({
      preload: '/app/out/preload/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      disableBlinkFeatures: 'Auxclick',
      devTools: false,
    });
  });

  it('takes kiosk mode and developer tools from the settings', () => {
    expect(options.kiosk).toBe(false);
    const kiosk = mainWindowOptions({ kiosk: true, preloadPath: '/p.cjs', devTools: true });
    expect(kiosk.kiosk).toBe(true);
    expect(kiosk.webPreferences.devTools).toBe(true);
    expect(kiosk.webPreferences.sandbox).toBe(true);
  });

  it('has a minimum size the desk screens fit in, and shows only when painted', () => {
    expect(options.minWidth).toBeGreaterThanOrEqual(1024);
    expect(options.minHeight).toBeGreaterThanOrEqual(600);
    expect(options.width).toBeGreaterThanOrEqual(options.minWidth);
    expect(options.height).toBeGreaterThanOrEqual(options.minHeight);
    expect(options.show).toBe(false);
  });
});

describe('isTrustedSenderUrl', () => {
  it.each([APP_ENTRY_URL, 'app://desk/', 'app://desk', 'app://desk/holders/12?tab=cards#top'])(
    'trusts %s',
    (url) => {
      expect(isTrustedSenderUrl(url)).toBe(true);
    },
  );

  it.each(hostileUrls)('refuses %j', (url) => {
    expect(isTrustedSenderUrl(url)).toBe(false);
  });
});

describe('isAllowedNavigation', () => {
  it('stays inside app://desk', () => {
    expect(isAllowedNavigation('app://desk/index.html#/holders')).toBe(true);
  });

  it.each(hostileUrls)('refuses %j', (url) => {
    expect(isAllowedNavigation(url)).toBe(false);
  });
});

describe('bankIdAutostartLink', () => {
  const token = '0c6b2b4a-1d2e-4f5a-8b9c-0d1e2f3a4b5c';

  it("passes BankID's autostart link on, rebuilt from its token", () => {
    expect(bankIdAutostartLink(`bankid:///?autostarttoken=${token}&redirect=null`)).toBe(
      `bankid:///?autostarttoken=${token}&redirect=null`,
    );
    // Anything else in the link is dropped: only the token travels to the BankID app.
    expect(bankIdAutostartLink(`bankid:///?autostarttoken=${token}&redirect=https://evil.example/`)).toBe(
      `bankid:///?autostarttoken=${token}&redirect=null`,
    );
  });

  it.each([
    'bankid:///?autostarttoken=not-a-token&redirect=null',
    'bankid:///?redirect=null',
    `bankid://evil.example/?autostarttoken=${token}`,
    `file:///?autostarttoken=${token}`,
    `https://app.bankid.com/?autostarttoken=${token}`,
    'bankid:',
    '',
    ...hostileUrls,
  ])('refuses %j', (url) => {
    expect(bankIdAutostartLink(url)).toBeNull();
  });
});

describe('shouldOpenWindow', () => {
  it('denies every new window', () => {
    expect(shouldOpenWindow()).toEqual({ action: 'deny' });
  });
});

describe('isAllowedPermission', () => {
  const fromDesk = { requestingUrl: 'app://desk/index.html' };

  it('allows the camera for the desk', () => {
    expect(isAllowedPermission('media', { ...fromDesk, mediaTypes: ['video'] })).toBe(true);
    expect(isAllowedPermission('media', { ...fromDesk, mediaType: 'video' })).toBe(true);
  });

  it('denies the microphone, alone or with the camera', () => {
    expect(isAllowedPermission('media', { ...fromDesk, mediaTypes: ['audio'] })).toBe(false);
    expect(isAllowedPermission('media', { ...fromDesk, mediaTypes: ['video', 'audio'] })).toBe(false);
    expect(isAllowedPermission('media', { ...fromDesk, mediaType: 'audio' })).toBe(false);
  });

  it('denies media requests that do not say what they want', () => {
    expect(isAllowedPermission('media', { ...fromDesk, mediaTypes: [] })).toBe(false);
    expect(isAllowedPermission('media', { ...fromDesk, mediaType: 'unknown' })).toBe(false);
    expect(isAllowedPermission('media', fromDesk)).toBe(false);
  });

  it('denies the camera to any other page', () => {
    for (const requestingUrl of hostileUrls) {
      expect(isAllowedPermission('media', { requestingUrl, mediaTypes: ['video'] })).toBe(false);
    }
  });

  it.each([
    'geolocation',
    'notifications',
    'display-capture',
    'clipboard-read',
    'fullscreen',
    'hid',
    'usb',
    'serial',
    'midi',
    'openExternal',
    'pointerLock',
    'unknown',
  ])('denies %s', (permission) => {
    expect(isAllowedPermission(permission, { ...fromDesk, mediaTypes: ['video'] })).toBe(false);
  });
});
