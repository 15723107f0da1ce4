import { ADMIN, expect, screenshot, test } from './fixtures';
import { typed } from '../harness/test-desk';
import { logIn, closeBrowser, seedOperator } from './helpers';

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

test('a throttled login says how long to wait, in the words of the screen', async ({ page, desk }) => {
  await desk.seedAdmin();
  // Many failures already made at this account from elsewhere: it owes a ten-minute wait.
  const waitUntil = new Date(Date.now() + 10 * 60_000).toISOString();
  desk.desk.db
    .prepare(
      `INSERT INTO login_backoff (username, failures, wait_until, updated_at) VALUES ('admin', 12, ?, ?)`,
    )
    .run(waitUntil, new Date().toISOString());
  await page.goto(desk.url);
  await page.getByTestId('login-username').fill(ADMIN.username);
  await page.getByTestId('login-password').fill(ADMIN.password);
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('login-error')).toHaveText(
    'Too many failed attempts. Try again in 10 minutes.',
  );
  await expect(page.getByTestId('screen-title')).toHaveText('Log in');
  await screenshot(page, 'login-throttled');
});

test('a screen whose operator is disabled returns to the login and says why', async ({ page, desk }) => {
  await desk.seedAdmin();
  await seedOperator(desk, {
    username: 'rita',
    displayName: 'Rita Receptionist',
    password: 'welcome to the desk 8',
    roles: ['reception'],
  });
  await page.goto(desk.url);
  await logIn(page, 'rita', 'welcome to the desk 8');
  await expect(page.getByTestId('operator-name')).toHaveText('Rita Receptionist');

  const admin = typed(desk.desk.connect());
  await admin.must('session.login', { username: ADMIN.username, password: ADMIN.password });
  const rita = (await admin.must('operators.list', {})).items.find((o) => o.username === 'rita')!;
  await admin.must('operators.update', { id: rita.id, isDisabled: true });
  admin.raw.close();

  await expect(page.getByTestId('screen-title')).toHaveText('Log in');
  await expect(page.getByTestId('login-ended')).toHaveText(
    'An administrator changed your account, so you were logged out.',
  );
  await screenshot(page, 'login-after-revoked');
});
