import { expect, screenshot, test } from './fixtures';
import { logIn, openAsAdmin, closeBrowser } from './helpers';

test.afterEach(closeBrowser);

test('an administrator adds a reception operator, who cannot see the Operators page', async ({
  page,
  desk,
}) => {
  await openAsAdmin(page, desk);
  await page.getByTestId('nav-operators').click();
  await expect(page.getByTestId('screen-title')).toHaveText('Operators');
  await page.getByTestId('operator-new').click();
  await page.getByTestId('operator-username').fill('rita');
  await page.getByTestId('operator-displayName').fill('Rita Receptionist');
  await expect(page.getByTestId('operator-role-reception').locator('input')).toBeChecked();
  await page.getByTestId('operator-password').fill('short');
  await page.getByTestId('operator-save').click();
  await expect(page.getByTestId('operator-password-error')).toHaveText('Use at least 10 characters.');
  await page.getByTestId('operator-password').fill('welcome to the desk 7');
  await expect(page.getByTestId('operator-password-error')).toHaveCount(0);
  await screenshot(page, 'operator-dialog');
  await page.getByTestId('operator-save').click();
  await expect(page.getByTestId('operator-dialog')).toBeHidden();
  await expect(page.getByTestId('operator-row')).toHaveText(['admin', 'rita']);
  await screenshot(page, 'operators');

  await page.getByTestId('logout').click();
  await logIn(page, 'rita', 'welcome to the desk 7');
  await expect(page.getByTestId('operator-name')).toHaveText('Rita Receptionist');
  await expect(page.getByTestId('nav-organisations')).toBeVisible();
  await expect(page.getByTestId('nav-operators')).toHaveCount(0);
  await expect(page.getByTestId('nav-holderNew')).toHaveCount(0);
  await expect(page.getByTestId('idle-new-holder')).toHaveCount(0);
  await screenshot(page, 'idle-reception');

  await page.goto(`${desk.origin}/#/operators`);
  await expect(page.getByTestId('card-presentation')).toBeVisible();
  await expect(page.getByTestId('screen-title')).toHaveCount(0);
});

// The answer is the one for a wrong password: a stranger must not learn that the password was right.
test('a disabled operator is refused like a wrong password', async ({ page, desk }) => {
  await openAsAdmin(page, desk);
  await page.getByTestId('nav-operators').click();
  await page.getByTestId('operator-new').click();
  await page.getByTestId('operator-username').fill('olle');
  await page.getByTestId('operator-displayName').fill('Olle Old');
  await page.getByTestId('operator-password').fill('welcome to the desk 8');
  await page.getByTestId('operator-save').click();
  await page.getByTestId('operator-edit-olle').click();
  await page.getByTestId('operator-disabled').click();
  await page.getByTestId('operator-save').click();
  await expect(page.getByRole('row', { name: /olle/ })).toContainText('Disabled');

  await page.getByTestId('logout').click();
  await page.getByTestId('login-username').fill('olle');
  await page.getByTestId('login-password').fill('welcome to the desk 8');
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('login-error')).toHaveText('Wrong username or password.');
});
