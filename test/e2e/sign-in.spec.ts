// Signing in with a second factor (DESIGN.md flow 6): an administrator chooses the organisation's
// methods on screen; an operator without an authenticator app sets one up inside the sign-in (the
// key read from the page, the code computed as a phone would), signs in again with a new code, and
// a code already used is refused. Screenshots of each screen at 1024×768 and 1920×1080, in English
// and Swedish: test-results/screens/sign-in-*.png.
import { expect, type Page } from '@playwright/test';
import { test } from './fixtures';
import { closeBrowser, logIn, seedOperator } from './helpers';
import { nextTotpCode, signInShots, totpCode } from './sign-in-steps';

test.afterEach(closeBrowser);

const RITA = { username: 'rita', displayName: 'Rita Reception', password: 'granite harbour lamp' };

async function givePassword(page: Page, username: string, password: string): Promise<void> {
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-password').press('Enter');
}

async function logOut(page: Page): Promise<void> {
  await page.getByTestId('logout').click();
  await expect(page.getByTestId('login-username')).toBeVisible();
}

test('an administrator chooses the methods; an operator sets up an app and signs in with it', async ({
  page,
  desk,
}) => {
  // The desk starts as the other specs do: the password alone, an administrator's explicit choice.
  await desk.seedAdmin();
  await seedOperator(desk, { ...RITA, roles: ['reception'] });
  await page.goto(desk.url);
  await logIn(page);

  // (a) The administrator requires an authenticator app, with card and PIN beside it.
  await page.getByTestId('nav-operators').click();
  await page.getByTestId('sign-in-methods-link').click();
  await expect(page.getByTestId('screen-title')).toHaveText('Sign-in methods');
  await expect(page.getByTestId('method-sms')).toContainText('Not set up on this desk');
  await expect(page.getByTestId('method-bankid')).toContainText('Costs per use');
  await page.locator('#method-password').uncheck();
  await page.locator('#method-card_pin').check();
  await page.locator('#method-default-totp').check();
  await signInShots(page, 'methods');
  await page.getByTestId('methods-save').click();
  await expect(page.getByText('The sign-in methods are saved.')).toBeVisible();
  // Read back from the desk: away and back again.
  await page.getByTestId('methods-back').click();
  await page.getByTestId('sign-in-methods-link').click();
  await expect(page.locator('#method-card_pin')).toBeChecked();
  await expect(page.locator('#method-password')).not.toBeChecked();
  await expect(page.locator('#method-default-totp')).toBeChecked();
  await logOut(page);

  // (b) The first step now says a card can be tapped; Rita has no app yet, so she sets one up.
  await expect(page.getByTestId('login-tap-hint')).toHaveText('Or tap your card on the reader');
  await signInShots(page, 'step1');
  await givePassword(page, RITA.username, RITA.password);
  await expect(page.getByTestId('enrol-lead')).toHaveText(
    'Your organisation requires a second factor. Set up an authenticator app.',
  );
  const secret = (await page.getByTestId('totp-secret').textContent()) ?? '';
  expect(secret.replace(/\s/g, '')).toMatch(/^[A-Z2-7]{16,}$/);
  await signInShots(page, 'enrol');
  const firstCode = totpCode(secret);
  await page.getByTestId('enrol-code').fill(firstCode);
  await page.getByTestId('enrol-code').press('Enter');
  await expect(page.getByTestId('card-presentation')).toBeVisible();
  await expect(page.getByTestId('operator-name')).toHaveText(RITA.displayName);

  // My sign-in shows the app as set up.
  await page.getByTestId('operator-name').click();
  await expect(page.getByTestId('factor-totp-state')).toContainText('Set up');
  await signInShots(page, 'mine');
  await logOut(page);

  // Again: the password, then a new code from the app.
  await givePassword(page, RITA.username, RITA.password);
  await expect(page.getByTestId('totp-code')).toBeVisible();
  await signInShots(page, 'verify');
  const secondCode = nextTotpCode(secret);
  expect(secondCode).not.toBe(firstCode);
  await page.getByTestId('totp-code').fill(secondCode);
  await page.getByTestId('totp-code').press('Enter');
  await expect(page.getByTestId('card-presentation')).toBeVisible();
  await logOut(page);

  // The same code once more is refused: a code works once.
  await givePassword(page, RITA.username, RITA.password);
  await page.getByTestId('totp-code').fill(secondCode);
  await page.getByTestId('totp-code').press('Enter');
  await expect(page.getByTestId('totp-code-error')).toHaveText(/That code has already been used|Wrong code/);
  await expect(page.getByTestId('card-presentation')).toHaveCount(0);

  // "Back to login" leaves nothing half-done: the password is asked for again.
  await page.getByTestId('sign-in-cancel').click();
  await expect(page.getByTestId('login-username')).toBeVisible();
});
