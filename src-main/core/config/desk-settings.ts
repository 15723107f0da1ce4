// The desk's settings, one list for both shells: settings.json in the data directory, read by the
// Electron app and the web host alike, so a setting cannot exist in one and be forgotten in the
// other. A missing file means the defaults; a broken file or a bad value is reported and that
// value falls back to its default, so one typo never stops a desk from starting. The web host's
// command-line flags and environment override the file through the same validation.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { LANGUAGES } from '../../../src-shared/domain/languages';

export const SETTINGS_FILE = 'settings.json';

const fields = {
  /** Full screen, no window frame, no way out but the app's own controls (Electron only). */
  kiosk: z.boolean(),
  /** Start the desk when the user logs in to the computer (Electron only). */
  startAtLogin: z.boolean(),
  /** The desk database; relative paths are taken from the data directory. */
  databasePath: z.string().min(1),
  /** Log the operator out after this long without activity. */
  idleTimeoutSeconds: z
    .number()
    .int()
    .min(30)
    .max(24 * 60 * 60),
  /** The desk's name, stored in its database; null keeps the stored one. */
  deskName: z.string().trim().min(1).max(80).nullable(),
  /** 'system': this machine's PC/SC and configured HID readers; 'none': no reader backends. */
  readers: z.enum(['system', 'none']),
  /**
   * 'os': the operating system's keychain (Electron's safeStorage); 'file': a 0600 key file in the
   * data directory, an administrator's explicit choice where there is no keychain. The web host has
   * no keychain and always uses the key file.
   */
  keyStore: z.enum(['os', 'file']),
  /** The hub this desk syncs with; null until sync exists and an administrator sets it. */
  hubUrl: z.url({ protocol: /^https?$/ }).nullable(),
  /** The two letters every card number this desk assigns starts with (ID06 style: 2 letters + 10 digits). */
  cardNumberPrefix: z.string().regex(/^[A-Z]{2}$/, 'Two capital letters A–Z.'),
  /** A card photo may be at most this many months old when the card is ordered. */
  orderPhotoMaxAgeMonths: z.number().int().min(1).max(60),
  /** The longest an access card may be valid (an ID06 card: 5 years, by ID06's rules). */
  accessCardMaxValidityYears: z.number().int().min(1).max(10),
  /**
   * The CUPS queue of the desk's card printer; null: no printer. Never starts with "-": it is passed to
   * lp as an argument (docs/production.md).
   */
  cardPrinter: z
    .string()
    .regex(/^[A-Za-z0-9_][A-Za-z0-9_.@-]{0,126}$/, 'a CUPS queue name: letters, digits, _ . @ -')
    .nullable(),
  /** The CUPS scheduler as host or host:port; null: this computer's (or CUPS_SERVER). */
  cupsServer: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9.-]{0,252}(:\d{1,5})?$/, 'host or host:port')
    .nullable(),
  /** The media option sent with each card: ISO/IEC 7810 ID-1 by default; some printers call it CR80. */
  cardPrinterMedia: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'a media name such as CR80'),
  /** Where batches for an external card issuer are written, and where its answers are read; null: none. */
  issuerBatchFolder: z.string().min(1).nullable(),
  issuerAnswerFolder: z.string().min(1).nullable(),
  /**
   * The mail server for invitations to mobile IDs; null: none (sends fail, shown, and can be resent).
   * The password is the key store's `smtp-password` unless given here (an administrator's choice).
   */
  smtp: z
    .strictObject({
      host: z.string().trim().min(1).max(253),
      port: z.number().int().min(1).max(65535),
      /** true: TLS from the first byte (port 465); false: STARTTLS when the server offers it. */
      secure: z.boolean(),
      user: z.string().min(1).max(200).nullable(),
      password: z.string().min(1).max(200).nullable().optional(),
      from: z.string().trim().min(3).max(254),
    })
    .nullable(),
  /** The language of mail to holders whose own language is not known. */
  mailLanguage: z.enum(LANGUAGES),
  /** Remind holders by e-mail this many days before a card expires; null: no reminders. */
  expiryReminderDays: z.number().int().min(1).max(180).nullable(),
  /**
   * The SMS gateway for sign-in codes (46elks' API: POST <baseUrl>/a1/sms); null: none. The password
   * is the key store's `sms-gateway-password` unless given here (docs/sign-in.md).
   */
  smsGateway: z
    .strictObject({
      baseUrl: z.url({ protocol: /^https?$/ }),
      username: z.string().min(1).max(200),
      password: z.string().min(1).max(200).nullable().optional(),
      /** The sender: 3–11 letters and digits starting with a letter, or an E.164 number. */
      from: z
        .string()
        .regex(
          /^([A-Za-z][A-Za-z0-9]{2,10}|\+[1-9][0-9]{6,14})$/,
          'a name of 3–11 letters or digits, or +46…',
        ),
    })
    .nullable(),
  /**
   * BankID (RP API v6) for sign-in; null: none. The relying party certificate is a PKCS#12 file; its
   * passphrase is the key store's `bankid-passphrase` unless given here. `caPath`: the CA that signs
   * BankID's server certificate (BankID publishes it for test and production).
   */
  bankId: z
    .strictObject({
      baseUrl: z.url({ protocol: /^https$/ }),
      pfxPath: z.string().min(1),
      passphrase: z.string().max(200).nullable().optional(),
      caPath: z.string().min(1).nullable(),
    })
    .nullable(),
};

export type DeskSettings = { [K in keyof typeof fields]: z.infer<(typeof fields)[K]> };
export type SettingName = keyof DeskSettings;

export function defaultDeskSettings(dataDir: string): DeskSettings {
  return {
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
  };
}

export interface ParsedSettings {
  settings: DeskSettings;
  /** One line per value that was not used, naming it and why. */
  warnings: string[];
}

function isSettingName(key: string): key is SettingName {
  return Object.hasOwn(fields, key);
}

/** Applies each known, valid value of `raw` on top of `base`; names every other one. */
function applyValues(base: DeskSettings, raw: object, dataDir: string, source: string): ParsedSettings {
  const settings = { ...base };
  const warnings: string[] = [];
  for (const [key, value] of Object.entries(raw)) {
    if (!isSettingName(key)) {
      warnings.push(`${source}: unknown setting "${key}" is ignored.`);
      continue;
    }
    const parsed = fields[key].safeParse(value);
    if (!parsed.success) {
      const reason = parsed.error.issues.map((issue) => issue.message).join('; ');
      warnings.push(`${source}: "${key}" is invalid (${reason}): using ${JSON.stringify(settings[key])}.`);
      continue;
    }
    Object.assign(settings, { [key]: parsed.data });
  }
  settings.databasePath = resolve(dataDir, settings.databasePath);
  return { settings, warnings };
}

/** `text` is the file's content, or null when there is no file. */
export function parseDeskSettings(
  text: string | null,
  dataDir: string,
  source = SETTINGS_FILE,
): ParsedSettings {
  const settings = defaultDeskSettings(dataDir);
  if (text === null) return { settings, warnings: [] };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { settings, warnings: [`${source} is not valid JSON (${reason}): using the default settings.`] };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { settings, warnings: [`${source} must hold a JSON object: using the default settings.`] };
  }
  return applyValues(settings, raw, dataDir, source);
}

/**
 * Command-line flags and environment over the file (the web host). Unlike the file, a bad override
 * is an error: whoever typed it is there to read the message.
 */
export function overrideDeskSettings(
  settings: DeskSettings,
  overrides: Partial<Record<SettingName, unknown>>,
  dataDir: string,
): { settings: DeskSettings; errors: string[] } {
  const given = Object.fromEntries(Object.entries(overrides).filter(([, value]) => value !== undefined));
  const { settings: next, warnings } = applyValues(settings, given, dataDir, 'option');
  // Nothing falls back here: the shell stops, so the message ends at the reason.
  return { settings: next, errors: warnings.map((w) => w.replace(/: using .*\.$/, '.')) };
}

function readIfPresent(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

export function loadDeskSettings(
  dataDir: string,
  warn: (message: string) => void = console.warn,
): DeskSettings {
  const path = join(dataDir, SETTINGS_FILE);
  const { settings, warnings } = parseDeskSettings(readIfPresent(path), dataDir, path);
  for (const warning of warnings) warn(`[settings] ${warning}`);
  return settings;
}
