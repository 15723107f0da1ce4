import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  defaultDeskSettings,
  loadDeskSettings,
  overrideDeskSettings,
  parseDeskSettings,
} from '../../../../../src-main/core/config/desk-settings';
import {
  configuredDatabasePath,
  deskConfigFromSettings,
} from '../../../../../src-main/core/config/desk-config';

const dataDir = join(tmpdir(), 'frontdesk-data');

describe('parseDeskSettings', () => {
  it('uses the defaults, silently, when there is no file: the system readers and the keychain', () => {
    expect(parseDeskSettings(null, dataDir)).toEqual({
      settings: {
        kiosk: false,
        startAtLogin: false,
        databasePath: join(dataDir, 'desk.sqlite'),
        idleTimeoutSeconds: 300,
        deskName: null,
        readers: 'system',
        keyStore: 'os',
        hubUrl: null,
        cardNumberPrefix: 'FD',
        orderPhotoMaxAgeMonths: 6,
        accessCardMaxValidityYears: 5,
        cardPrinter: null,
        cupsServer: null,
        cardPrinterMedia: 'Custom.85.6x53.98mm',
        issuerBatchFolder: null,
        issuerAnswerFolder: null,
        smtp: null,
        mailLanguage: 'en',
        expiryReminderDays: null,
        smsGateway: null,
        bankId: null,
      },
      warnings: [],
    });
  });

  it('reads every setting', () => {
    const file = {
      kiosk: true,
      startAtLogin: true,
      databasePath: '/srv/desk/desk.sqlite',
      idleTimeoutSeconds: 120,
      deskName: 'Reception A',
      readers: 'none',
      keyStore: 'file',
      hubUrl: 'https://hub.example.org/',
      cardNumberPrefix: 'XY',
      orderPhotoMaxAgeMonths: 3,
      accessCardMaxValidityYears: 2,
      cardPrinter: 'Evolis_Primacy',
      cupsServer: 'print.example.org:631',
      cardPrinterMedia: 'CR80',
      issuerBatchFolder: '/srv/issuer/out',
      issuerAnswerFolder: '/srv/issuer/in',
      smtp: {
        host: 'smtp.example.org',
        port: 587,
        secure: false,
        user: 'desk@example.org',
        from: 'Reception <desk@example.org>',
      },
      mailLanguage: 'sv',
      expiryReminderDays: 30,
      smsGateway: {
        baseUrl: 'https://api.46elks.com/',
        username: 'u0123456789abcdef',
        from: 'Reception',
      },
      bankId: {
        baseUrl: 'https://appapi2.bankid.com/rp/v6.0',
        pfxPath: '/etc/frontdesk/bankid.p12',
        caPath: '/etc/frontdesk/bankid-ca.pem',
      },
    };
    expect(parseDeskSettings(JSON.stringify(file), dataDir)).toEqual({ settings: file, warnings: [] });
  });

  it.each([
    ['cardPrinter', '-oraw'],
    ['cardPrinter', 'Card Printer'],
    ['cupsServer', '-h'],
    ['cardPrinterMedia', '-o'],
  ])('refuses %s %j: it would reach lp as an option or split in two', (key, value) => {
    const { settings, warnings } = parseDeskSettings(JSON.stringify({ [key]: value }), dataDir);
    expect(settings).toEqual(defaultDeskSettings(dataDir));
    expect(warnings).toHaveLength(1);
  });

  it('takes a relative database path from the data directory', () => {
    const { settings } = parseDeskSettings('{"databasePath": "data/front.sqlite"}', dataDir);
    expect(settings.databasePath).toBe(join(dataDir, 'data', 'front.sqlite'));
  });

  it.each(['{ kiosk: true }', '{"kiosk": true,}', '', 'nul'])(
    'falls back to the defaults for malformed JSON %j',
    (text) => {
      const { settings, warnings } = parseDeskSettings(text, dataDir, '/etc/settings.json');
      expect(settings).toEqual(defaultDeskSettings(dataDir));
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatch(
        /^\/etc\/settings\.json is not valid JSON \(.+\): using the default settings\.$/,
      );
    },
  );

  it.each(['[]', '42', 'null', '"kiosk"'])(
    'falls back to the defaults when the file is not an object: %s',
    (text) => {
      const { settings, warnings } = parseDeskSettings(text, dataDir);
      expect(settings).toEqual(defaultDeskSettings(dataDir));
      expect(warnings).toEqual(['settings.json must hold a JSON object: using the default settings.']);
    },
  );

  it('keeps the good values and names each bad one', () => {
    const text = JSON.stringify({
      kiosk: 'yes',
      idleTimeoutSeconds: 5,
      databasePath: '/d.sqlite',
      keyStore: 'plaintext',
      readers: false,
      hubUrl: 'ftp://hub',
      deskName: '   ',
    });
    const { settings, warnings } = parseDeskSettings(text, dataDir);
    expect(settings).toEqual({ ...defaultDeskSettings(dataDir), databasePath: '/d.sqlite' });
    expect(warnings.map((w) => w.match(/"(\w+)" is invalid/)?.[1])).toEqual([
      'kiosk',
      'idleTimeoutSeconds',
      'keyStore',
      'readers',
      'hubUrl',
      'deskName',
    ]);
    expect(warnings[0]).toMatch(/"kiosk" is invalid \(.+\): using false\./);
    expect(warnings[2]).toMatch(/"keyStore" is invalid \(.+\): using "os"\./);
  });

  it('warns about settings it does not know (a typo would otherwise be silent)', () => {
    const { settings, warnings } = parseDeskSettings(
      '{"kisok": true, "__proto__": {"kiosk": true}}',
      dataDir,
    );
    expect(settings.kiosk).toBe(false);
    expect(warnings).toEqual([
      'settings.json: unknown setting "kisok" is ignored.',
      'settings.json: unknown setting "__proto__" is ignored.',
    ]);
  });
});

describe('overrideDeskSettings (the web host flags)', () => {
  const base = defaultDeskSettings(dataDir);

  it('lays the given values over the file and leaves the rest', () => {
    const { settings, errors } = overrideDeskSettings(
      { ...base, deskName: 'From file', kiosk: true },
      { idleTimeoutSeconds: 60, readers: 'none', deskName: undefined, databasePath: '/tmp/x.sqlite' },
      dataDir,
    );
    expect(errors).toEqual([]);
    expect(settings).toEqual({
      ...base,
      kiosk: true,
      deskName: 'From file',
      idleTimeoutSeconds: 60,
      readers: 'none',
      databasePath: '/tmp/x.sqlite',
    });
  });

  it('names a bad value as an error instead of starting with it', () => {
    const { settings, errors } = overrideDeskSettings(base, { idleTimeoutSeconds: Number('soon') }, dataDir);
    expect(settings.idleTimeoutSeconds).toBe(300);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^option: "idleTimeoutSeconds" is invalid \(.*NaN.*\)\.$/);
  });
});

describe('loadDeskSettings', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'frontdesk-settings-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('reads settings.json from the data directory', () => {
    writeFileSync(join(dir, 'settings.json'), '{"kiosk": true, "startAtLogin": true}');
    const warnings: string[] = [];
    const settings = loadDeskSettings(dir, (m) => warnings.push(m));
    expect(settings).toMatchObject({
      kiosk: true,
      startAtLogin: true,
      databasePath: join(dir, 'desk.sqlite'),
    });
    expect(warnings).toEqual([]);
  });

  it('reports a broken file with its path and still starts', () => {
    writeFileSync(join(dir, 'settings.json'), '{ broken');
    const warnings: string[] = [];
    expect(loadDeskSettings(dir, (m) => warnings.push(m))).toEqual(defaultDeskSettings(dir));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(join(dir, 'settings.json'));
    expect(warnings[0]).toContain('using the default settings');
  });

  it('uses the defaults without a word when the file does not exist', () => {
    const warnings: string[] = [];
    expect(loadDeskSettings(dir, (m) => warnings.push(m))).toEqual(defaultDeskSettings(dir));
    expect(warnings).toEqual([]);
  });
});

describe('configuredDatabasePath (the tools open the desk’s database)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'frontdesk-settings-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('follows settings.json, and FRONTDESK_DB over it', () => {
    writeFileSync(join(dir, 'settings.json'), '{"databasePath": "front.sqlite"}');
    expect(configuredDatabasePath({ FRONTDESK_DATA_DIR: dir })).toBe(join(dir, 'front.sqlite'));
    expect(configuredDatabasePath({ FRONTDESK_DATA_DIR: dir, FRONTDESK_DB: '/srv/x.sqlite' })).toBe(
      '/srv/x.sqlite',
    );
  });
});

describe('deskConfigFromSettings', () => {
  it('gives createDesk the system readers, the key store and the settings, and nothing for "none"', () => {
    const settings = { ...defaultDeskSettings(dataDir), deskName: 'Reception A', idleTimeoutSeconds: 90 };
    const config = deskConfigFromSettings(settings, dataDir);
    expect(config).toMatchObject({
      databasePath: join(dataDir, 'desk.sqlite'),
      idleTimeoutSeconds: 90,
      deskName: 'Reception A',
      readers: 'system',
    });
    // Without a keychain (the web host), the key file in the data directory.
    expect(config.keyStore.describe()).toEqual({
      kind: 'keyFile',
      backend: 'file',
      location: join(dataDir, 'keys'),
      isProtected: true,
    });
    expect(deskConfigFromSettings({ ...settings, readers: 'none' }, dataDir).readers).toEqual([]);
  });
});
