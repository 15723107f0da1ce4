import { test as base, expect, type Page } from '@playwright/test';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createDesk, type Desk, type DeskConfig, type DeskConnection } from '../../src-main/core/create-desk';
import { createKeyFileStore } from '../../src-main/core/keys/adapters/key-file-store';
import { startWebHost } from '../../src-main/web/web-host';
import type { SignInPolicy } from '../../src-shared/domain/sign-in';

export interface DeskFixture {
  /** The URL to open: web host origin with this launch's token in the fragment. */
  url: string;
  origin: string;
  desk: Desk;
  /** Creates an operator directly through the API (first admin if none exists yet). */
  seedAdmin(username?: string, password?: string): Promise<void>;
}

export const ADMIN = { username: 'admin', password: 'correct horse battery', displayName: 'Astrid Admin' };

/**
 * The password alone, as an administrator's explicit choice: the specs that are not about signing in
 * log in as they always have. A new desk asks for an authenticator app (DEFAULT_SIGN_IN_POLICY).
 */
export const PASSWORD_POLICY: SignInPolicy = { methods: ['password', 'totp'], defaultMethod: 'password' };

/** Sets the policy on a connection signed in as an administrator; throws when refused. */
export async function setSignInPolicy(connection: DeskConnection, policy: SignInPolicy): Promise<void> {
  const result = await connection.call('signIn.setPolicy', policy);
  if (!result.ok) throw new Error(`signIn.setPolicy: ${result.error.message}`);
}

/** Saves a screenshot the reviewer can open: test-results/screens/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync('test-results/screens', { recursive: true });
  // From the top: a full-page shot of a scrolled page draws the sticky top bar mid-page.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join('test-results/screens', `${name}.png`), fullPage: true });
}

export interface DeskOptions {
  idleTimeoutSeconds: number;
  /** The desk's card readers: none by default; 'system' (PC/SC) in the readers project. */
  deskReaders: DeskConfig['readers'];
  /** Card production: the printer (the run's private CUPS, see global-setup.ts) and issuer folders. */
  deskProduction: DeskConfig['production'];
  /** The policy seedAdmin sets; null keeps a new desk's own (the sign-in specs). */
  deskSignInPolicy: SignInPolicy | null;
  /** An SMS gateway (the sign-in specs give one that talks to test/harness/sms-gateway-peer.ts). */
  deskSmsGateway: DeskConfig['smsGateway'];
  /** A BankID relying-party client (the sign-in specs: test/harness/bankid-peer.ts). */
  deskBankId: DeskConfig['bankId'];
}

export const test = base.extend<{ desk: DeskFixture } & DeskOptions>({
  idleTimeoutSeconds: [300, { option: true }],
  deskReaders: [undefined, { option: true }],
  deskProduction: [undefined, { option: true }],
  deskSignInPolicy: [PASSWORD_POLICY, { option: true }],
  deskSmsGateway: [undefined, { option: true }],
  deskBankId: [undefined, { option: true }],
  desk: async (
    { idleTimeoutSeconds, deskReaders, deskProduction, deskSignInPolicy, deskSmsGateway, deskBankId },
    use,
  ) => {
    const dir = mkdtempSync(join(tmpdir(), 'frontdesk-e2e-'));
    const desk = createDesk({
      databasePath: join(dir, 'desk.sqlite'),
      deskName: 'Reception A',
      idleTimeoutSeconds,
      // As the web host has it (config/desk-config.ts): a 0600 key file, for authenticator secrets.
      keyStore: createKeyFileStore({ dir: join(dir, 'keys') }),
      ...(deskReaders ? { readers: deskReaders } : {}),
      ...(deskProduction ? { production: deskProduction } : {}),
      ...(deskSmsGateway ? { smsGateway: deskSmsGateway } : {}),
      ...(deskBankId ? { bankId: deskBankId } : {}),
    });
    const host = await startWebHost({ desk, rendererDir: resolve('out/renderer') });
    await use({
      url: host.openUrl,
      origin: host.url,
      desk,
      async seedAdmin(username = ADMIN.username, password = ADMIN.password) {
        const connection = desk.connect();
        const result = await connection.call('setup.createFirstAdmin', {
          username,
          password,
          displayName: ADMIN.displayName,
          language: 'en',
        });
        if (!result.ok) throw new Error(`seedAdmin: ${result.error.message}`);
        if (deskSignInPolicy) await setSignInPolicy(connection, deskSignInPolicy);
        connection.close();
      },
    });
    await host.close();
    await desk.close();
    rmSync(dir, { recursive: true, force: true });
  },
});

export { expect };
