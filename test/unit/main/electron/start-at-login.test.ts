import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  applyStartAtLogin,
  autostartEntry,
  quoteExecArgument,
} from '../../../../src-main/electron/start-at-login';

let config: string;
const entry = () => join(config, 'autostart', 'frontdesk-id.desktop');
const loginItems: Array<{ openAtLogin: boolean }> = [];
const app = { setLoginItemSettings: (s: { openAtLogin: boolean }) => loginItems.push(s) };

beforeEach(() => {
  config = mkdtempSync(join(tmpdir(), 'frontdesk-autostart-'));
  loginItems.length = 0;
});
afterEach(() => rmSync(config, { recursive: true, force: true }));

describe('start at login', () => {
  it.each(['win32', 'darwin'] as const)(
    'asks %s to keep the login item, and writes no file',
    async (platform) => {
      await applyStartAtLogin({
        enabled: true,
        app,
        platform,
        env: { XDG_CONFIG_HOME: config },
        execPath: '/x',
      });
      await applyStartAtLogin({
        enabled: false,
        app,
        platform,
        env: { XDG_CONFIG_HOME: config },
        execPath: '/x',
      });
      expect(loginItems).toEqual([{ openAtLogin: true }, { openAtLogin: false }]);
      expect(existsSync(join(config, 'autostart'))).toBe(false);
    },
  );

  it('writes an XDG autostart entry on Linux that starts the installed program, and removes it', async () => {
    const execPath = '/opt/Frontdesk ID/frontdesk-id';
    await applyStartAtLogin({
      enabled: true,
      app,
      platform: 'linux',
      env: { XDG_CONFIG_HOME: config },
      execPath,
    });
    const text = readFileSync(entry(), 'utf8');
    expect(text).toMatch(/^\[Desktop Entry\]\nType=Application\nName=Frontdesk ID\n/);
    expect(text).toContain('Exec="/opt/Frontdesk ID/frontdesk-id"\n');
    await applyStartAtLogin({
      enabled: false,
      app,
      platform: 'linux',
      env: { XDG_CONFIG_HOME: config },
      execPath,
    });
    expect(existsSync(entry())).toBe(false);
    expect(loginItems).toEqual([]);
  });

  it('starts the AppImage file, not its temporary mount', async () => {
    const env = { XDG_CONFIG_HOME: config, APPIMAGE: '/home/desk/Frontdesk.AppImage' };
    await applyStartAtLogin({
      enabled: true,
      app,
      platform: 'linux',
      env,
      execPath: '/tmp/.mount_xyz/frontdesk-id',
    });
    expect(readFileSync(entry(), 'utf8')).toContain('Exec=/home/desk/Frontdesk.AppImage\n');
  });

  it('never removes an autostart entry it did not write', async () => {
    mkdirSync(join(config, 'autostart'));
    writeFileSync(entry(), '[Desktop Entry]\nExec=/usr/bin/something-else\n');
    await applyStartAtLogin({
      enabled: false,
      app,
      platform: 'linux',
      env: { XDG_CONFIG_HOME: config },
      execPath: '/x',
    });
    expect(existsSync(entry())).toBe(true);
  });

  it('quotes Exec arguments as the Desktop Entry specification says', () => {
    expect(quoteExecArgument('/usr/bin/frontdesk-id')).toBe('/usr/bin/frontdesk-id');
    expect(quoteExecArgument('/opt/a "b" $c `d` \\e')).toBe('"/opt/a \\"b\\" \\$c \\`d\\` \\\\e"');
    expect(autostartEntry('/x')).toContain('X-GNOME-Autostart-enabled=true');
  });
});
