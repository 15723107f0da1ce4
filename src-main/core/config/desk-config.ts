// One desk configuration for both shells: the Electron app and the web host turn their settings
// into createDesk's config here, so readers, database, idle time, desk name and key store are
// decided once. Each shell brings only what it alone has (the keychain) and its own overrides.
import { join, resolve } from 'node:path';
import type { DeskConfig } from '../create-desk';
import { createKeyFileStore } from '../keys/adapters/key-file-store';
import type { KeyStore } from '../keys/key-store';
import { createSmtpMailer } from '../mail/adapters/smtp-mailer';
import type { Mailer } from '../mail/mailer';
import { bankIdClientFromSettings } from '../sign-in/adapters/bankid-from-settings';
import { smsGatewayFromSettings } from '../sign-in/adapters/sms-gateway-from-settings';
import { defaultDataDir } from '../store/default-paths';
import { loadDeskSettings, overrideDeskSettings, type DeskSettings, type SettingName } from './desk-settings';

/** Where the key files live, sealed or not. */
export function keysDir(dataDir: string): string {
  return join(dataDir, 'keys');
}

export interface DeskLaunchOptions {
  dataDir: string;
  /** The web host's flags and environment; the Electron app has none. */
  overrides?: Partial<Record<SettingName, unknown>>;
  /** The operating system's keychain, where the shell has one (Electron's safeStorage). */
  keychain?: (dir: string) => KeyStore;
  warn?: (message: string) => void;
}

export interface DeskLaunch {
  settings: DeskSettings;
  config: DeskConfig & { keyStore: KeyStore };
  /** Bad overrides: the shell refuses to start and prints them. */
  errors: string[];
}

/** The key store the settings ask for; without a keychain (the web host) the key file. */
export function chooseKeyStore(
  settings: DeskSettings,
  dataDir: string,
  keychain?: (dir: string) => KeyStore,
): KeyStore {
  const dir = keysDir(dataDir);
  return settings.keyStore === 'os' && keychain ? keychain(dir) : createKeyFileStore({ dir });
}

/** The SMTP mailer the settings describe, its password from the settings or else the key store. */
export function mailerFromSettings(settings: DeskSettings, keyStore: KeyStore): Mailer | undefined {
  const smtp = settings.smtp;
  if (!smtp) return undefined;
  return createSmtpMailer(smtp, async () => {
    if (smtp.password) return smtp.password;
    const key = await keyStore.get('smtp-password');
    return key ? Buffer.from(key).toString('utf8') : null;
  });
}

export function deskConfigFromSettings(
  settings: DeskSettings,
  dataDir: string,
  keychain?: (dir: string) => KeyStore,
): DeskConfig & { keyStore: KeyStore } {
  const keyStore = chooseKeyStore(settings, dataDir, keychain);
  const mailer = mailerFromSettings(settings, keyStore);
  const smsGateway = smsGatewayFromSettings(settings, keyStore);
  const bankId = bankIdClientFromSettings(settings, keyStore);
  return {
    databasePath: settings.databasePath,
    idleTimeoutSeconds: settings.idleTimeoutSeconds,
    ...(settings.deskName === null ? {} : { deskName: settings.deskName }),
    readers: settings.readers === 'system' ? 'system' : [],
    keyStore,
    orders: {
      cardNumberPrefix: settings.cardNumberPrefix,
      photoMaxAgeMonths: settings.orderPhotoMaxAgeMonths,
      accessCardMaxYears: settings.accessCardMaxValidityYears,
    },
    production: {
      printer: settings.cardPrinter
        ? { name: settings.cardPrinter, server: settings.cupsServer, media: settings.cardPrinterMedia }
        : null,
      // Both folders or neither: a batch whose answers cannot be read would wait for ever.
      issuer:
        settings.issuerBatchFolder && settings.issuerAnswerFolder
          ? {
              batchFolder: resolve(dataDir, settings.issuerBatchFolder),
              answerFolder: resolve(dataDir, settings.issuerAnswerFolder),
            }
          : null,
    },
    mailLanguage: settings.mailLanguage,
    expiryReminderDays: settings.expiryReminderDays,
    ...(mailer ? { mailer } : {}),
    ...(smsGateway ? { smsGateway } : {}),
    ...(bankId ? { bankId } : {}),
  };
}

/** settings.json, then the overrides, then createDesk's config. */
export function loadDeskLaunch(options: DeskLaunchOptions): DeskLaunch {
  const fromFile = loadDeskSettings(options.dataDir, options.warn);
  const { settings, errors } = overrideDeskSettings(fromFile, options.overrides ?? {}, options.dataDir);
  return { settings, config: deskConfigFromSettings(settings, options.dataDir, options.keychain), errors };
}

/** The database the desk opens: FRONTDESK_DB, else settings.json's, for tools that open it too. */
export function configuredDatabasePath(env: NodeJS.ProcessEnv = process.env): string {
  if (env.FRONTDESK_DB) return resolve(env.FRONTDESK_DB);
  return loadDeskSettings(defaultDataDir(env)).databasePath;
}
