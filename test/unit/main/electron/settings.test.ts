import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  defaultDeskSettings,
  loadDeskSettings,
  parseDeskSettings,
} from '../../../../src-main/electron/settings';

const userData = join(tmpdir(), 'frontdesk-user-data');

describe('parseDeskSettings', () => {
  it('uses the defaults, silently, when there is no file', () => {
    expect(parseDeskSettings(null, userData)).toEqual({
      settings: { kiosk: false, databasePath: join(userData, 'desk.sqlite'), idleTimeoutSeconds: 300 },
      warnings: [],
    });
  });

  it('reads every setting', () => {
    const text = JSON.stringify({
      kiosk: true,
      databasePath: '/srv/desk/desk.sqlite',
      idleTimeoutSeconds: 120,
    });
    expect(parseDeskSettings(text, userData)).toEqual({
      settings: { kiosk: true, databasePath: '/srv/desk/desk.sqlite', idleTimeoutSeconds: 120 },
      warnings: [],
    });
  });

  it('takes a relative database path from the user data directory', () => {
    const { settings } = parseDeskSettings('{"databasePath": "data/front.sqlite"}', userData);
    expect(settings.databasePath).toBe(join(userData, 'data', 'front.sqlite'));
  });

  it.each(['{ kiosk: true }', '{"kiosk": true,}', '', 'nul'])(
    'falls back to the defaults for malformed JSON %j',
    (text) => {
      const { settings, warnings } = parseDeskSettings(text, userData, '/etc/settings.json');
      expect(settings).toEqual(defaultDeskSettings(userData));
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatch(
        /^\/etc\/settings\.json is not valid JSON \(.+\): using the default settings\.$/,
      );
    },
  );

  it.each(['[]', '42', 'null', '"kiosk"'])(
    'falls back to the defaults when the file is not an object: %s',
    (text) => {
      const { settings, warnings } = parseDeskSettings(text, userData);
      expect(settings).toEqual(defaultDeskSettings(userData));
      expect(warnings).toEqual(['settings.json must hold a JSON object: using the default settings.']);
    },
  );

  it('keeps the good values and names each bad one', () => {
    const text = JSON.stringify({ kiosk: 'yes', idleTimeoutSeconds: 5, databasePath: '/d.sqlite' });
    const { settings, warnings } = parseDeskSettings(text, userData);
    expect(settings).toEqual({ kiosk: false, databasePath: '/d.sqlite', idleTimeoutSeconds: 300 });
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatch(/"kiosk" is invalid \(.+\): using the default false\./);
    expect(warnings[1]).toMatch(/"idleTimeoutSeconds" is invalid \(.+\): using the default 300\./);
  });

  it('warns about settings it does not know (a typo would otherwise be silent)', () => {
    const { settings, warnings } = parseDeskSettings('{"kisok": true}', userData);
    expect(settings.kiosk).toBe(false);
    expect(warnings).toEqual(['settings.json: unknown setting "kisok" is ignored.']);
  });
});

describe('loadDeskSettings', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'frontdesk-settings-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('reads settings.json from the user data directory', () => {
    writeFileSync(join(dir, 'settings.json'), '{"kiosk": true}');
    const warnings: string[] = [];
    expect(loadDeskSettings(dir, (m) => warnings.push(m)).kiosk).toBe(true);
    expect(warnings).toEqual([]);
  });

  it('reports a malformed file with its path and starts with the defaults', () => {
    writeFileSync(join(dir, 'settings.json'), '{"kiosk": tru');
    const warnings: string[] = [];
    expect(loadDeskSettings(dir, (m) => warnings.push(m))).toEqual(defaultDeskSettings(dir));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(`[settings] ${join(dir, 'settings.json')} is not valid JSON`);
    expect(warnings[0]).toContain('using the default settings');
  });

  it('uses the defaults without a word when the file does not exist', () => {
    const warnings: string[] = [];
    expect(loadDeskSettings(dir, (m) => warnings.push(m))).toEqual(defaultDeskSettings(dir));
    expect(warnings).toEqual([]);
  });
});
