import { ADMIN, expect, screenshot, test } from './fixtures';
import { logIn, closeBrowser } from './helpers';

test.afterEach(closeBrowser);

test('log in, see a clear error for a wrong password, and log out', async ({ page, desk }) => {
  await desk.seedAdmin();
  await page.goto(desk.url);
  await expect(page.getByTestId('screen-title')).toHaveText('Log in');
  await expect(page.getByTestId('login-username')).toBeFocused();
  await screenshot(page, 'login');

  await page.getByTestId('login-username').fill(ADMIN.username);
  await page.getByTestId('login-password').fill('not the password');
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('login-error')).toHaveText('Wrong username or password.');
  await expect(page.getByTestId('login-password')).toHaveValue('');
  await screenshot(page, 'login-error');

  await logIn(page);
  await expect(page.getByTestId('operator-name')).toHaveText(ADMIN.displayName);
  await page.getByTestId('logout').click();
  await expect(page.getByTestId('screen-title')).toHaveText('Log in');
  await expect(page.getByTestId('login-ended')).toHaveCount(0);
});

test.describe('idle logout', () => {
  test.use({ idleTimeoutSeconds: 3 });

  test('an idle screen logs itself out and says why', async ({ page, desk }) => {
    await desk.seedAdmin();
    await page.goto(desk.url);
    await logIn(page);
    await expect(page.getByTestId('login-ended')).toHaveText(
      'You were logged out after 3 seconds without activity.',
      { timeout: 8000 },
    );
    await expect(page.getByTestId('screen-title')).toHaveText('Log in');
    await screenshot(page, 'login-after-idle');
  });
});
