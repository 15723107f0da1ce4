// BankID from the login screen, through the real RP API v6 over mutual TLS to a local BankID peer
// (test/harness/bankid-peer.ts): the animated QR code large enough to scan from arm's length, each
// hint in BankID's recommended words, a completed order signs the operator in; a BankID that is
// no operator's, and a cancelled one, are said in words. Screenshots: sign-in-bankid-*.png.
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { generateIdentityNumber } from '../../src-shared/domain/identity-number';
import { createBankIdRpClient } from '../../src-main/core/sign-in/adapters/bankid-rp-client';
import { startBankIdPeer } from '../harness/bankid-peer';
import { typed } from '../harness/test-desk';
import { ADMIN, expect, test as base } from './fixtures';
import { closeBrowser } from './helpers';
import { signInShots } from './sign-in-steps';

type BankIdPeer = Awaited<ReturnType<typeof startBankIdPeer>>;

const test = base.extend<{ bankIdPeer: BankIdPeer }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's needs from this pattern.
  bankIdPeer: async ({}, use) => {
    const peer = await startBankIdPeer();
    await use(peer);
    await peer.close();
  },
  deskBankId: async ({ bankIdPeer }, use) => {
    await use(
      createBankIdRpClient({
        baseUrl: bankIdPeer.baseUrl,
        tls: {
          pfx: readFileSync(bankIdPeer.pfxPath),
          passphrase: bankIdPeer.passphrase,
          ca: readFileSync(bankIdPeer.caPath),
        },
      }),
    );
  },
});

test.afterEach(closeBrowser);

const RITA = { username: 'rita', displayName: 'Rita Reception', password: 'granite harbour lamp' };
/** 12 digits, as BankID gives a personal number. */
const RITA_NUMBER = generateIdentityNumber('SE', new Date('1990-05-20'), 42);
const RITA_USER = {
  personalNumber: RITA_NUMBER,
  name: 'Rita Reception',
  givenName: 'Rita',
  surname: 'Reception',
};

test.beforeEach(async ({ desk }) => {
  await desk.seedAdmin();
  const admin = typed(desk.desk.connect());
  await admin.must('session.login', { username: ADMIN.username, password: ADMIN.password });
  await admin.must('operators.create', {
    ...RITA,
    roles: ['reception'],
    language: 'en',
    identity: { country: 'SE', number: RITA_NUMBER },
  });
  await admin.must('signIn.setPolicy', { methods: ['bankid', 'totp'], defaultMethod: 'bankid' });
  admin.raw.close();
});

async function startBankId(page: Page, url: string): Promise<void> {
  await page.goto(url);
  const button = page.getByTestId('login-bankid');
  await expect(button).toHaveText('Log in with BankID');
  // The default method is the big button, above the password.
  await expect(button).toHaveClass(/p-button-lg/);
  await button.click();
}

test('BankID on a phone: the QR code, the hints, then signed in', async ({ page, desk, bankIdPeer }) => {
  await startBankId(page, desk.url);
  const qr = page.getByTestId('qr-code');
  await expect(qr).toBeVisible();
  const hint = page.getByTestId('bankid-hint');
  await expect(hint).toHaveText('Start your BankID app.');
  // Large enough to scan from arm's length: at least 280 px, about 60 % of the short side.
  const box = await qr.boundingBox();
  expect(box?.width ?? 0).toBeGreaterThanOrEqual(280);
  expect(box?.width ?? 0).toBeGreaterThanOrEqual(0.55 * 768);
  // The QR code changes every second (BankID's animated QR).
  const first = await qr.getAttribute('src');
  await expect.poll(() => qr.getAttribute('src'), { timeout: 5000 }).not.toBe(first);
  await signInShots(page, 'bankid');

  await bankIdPeer.setHint('started');
  await expect(hint).toHaveText(/^Searching for BankID/);
  // The phone has read the QR code: BankID now waits for the person's security code.
  await bankIdPeer.scanQr();
  await expect(hint).toHaveText('Enter your security code in the BankID app and select Identify.');
  await bankIdPeer.complete(RITA_USER);
  await expect(page.getByTestId('card-presentation')).toBeVisible();
  await expect(page.getByTestId('operator-name')).toHaveText(RITA.displayName);
});

test('a BankID that is no operator’s does not sign in', async ({ page, desk, bankIdPeer }) => {
  await startBankId(page, desk.url);
  await expect(page.getByTestId('qr-code')).toBeVisible();
  await bankIdPeer.scanQr();
  await bankIdPeer.complete({
    personalNumber: generateIdentityNumber('SE', new Date('1975-01-02'), 7),
    name: 'Someone Else',
    givenName: 'Someone',
    surname: 'Else',
  });
  await expect(page.getByTestId('bankid-error')).toContainText(
    'This BankID does not belong to an operator of this desk',
  );
  await expect(page.getByTestId('card-presentation')).toHaveCount(0);
  await expect(page.getByTestId('bankid-try-again')).toBeVisible();
});

test('a cancelled order says so in BankID’s words and can be tried again', async ({
  page,
  desk,
  bankIdPeer,
}) => {
  await startBankId(page, desk.url);
  await expect(page.getByTestId('qr-code')).toBeVisible();
  await bankIdPeer.fail('userCancel');
  await expect(page.getByTestId('bankid-hint')).toHaveText('Action cancelled.');
  await page.getByTestId('bankid-try-again').click();
  await expect(page.getByTestId('bankid-hint')).toHaveText('Start your BankID app.');
  await expect(page.getByTestId('qr-code')).toBeVisible();
  // Back to the login: the order is cancelled at BankID too, and the password form is there.
  await page.getByTestId('sign-in-cancel').click();
  await expect(page.getByTestId('login-username')).toBeVisible();
});
