import { expect, screenshot, test } from './fixtures';
import { closeBrowser } from './helpers';

test.afterEach(closeBrowser);

test('first run: create the first administrator and land logged in', async ({ page, desk }) => {
  await page.goto(desk.url);
  await expect(page.getByTestId('screen-title')).toHaveText('Set up this desk');
  await expect(page).not.toHaveURL(/token=/);
  await screenshot(page, 'first-run');

  await page.getByTestId('first-displayName').fill('Astrid Lindqvist');
  await page.getByTestId('first-username').fill('astrid');
  await page.getByTestId('first-password').fill('granite harbour lamp');
  await page.getByTestId('first-passwordAgain').fill('granite harbour lamb');
  await page.getByTestId('first-submit').click();
  await expect(page.getByTestId('first-passwordAgain-error')).toHaveText(
    'The two passwords are not the same.',
  );
  await screenshot(page, 'first-run-errors');

  await page.getByTestId('first-passwordAgain').fill('granite harbour lamp');
  await page.getByTestId('first-passwordAgain').press('Enter');
  await expect(page.getByTestId('operator-name')).toHaveText('Astrid Lindqvist');
  await expect(page.getByTestId('card-presentation')).toBeVisible();
  await expect(page.getByTestId('holder-search')).toBeFocused();
  await expect(page.getByTestId('nav-operators')).toBeVisible();
  await expect(page.getByTestId('desk-name')).toHaveText('Reception A');
  await screenshot(page, 'idle-admin');
});

test('without the launch link the desk says how to open it', async ({ page, desk }) => {
  await page.goto(desk.origin);
  await expect(page.getByTestId('launch-link')).toContainText('without the desk');
  await expect(page.getByText('npm run start:web')).toBeVisible();
  await screenshot(page, 'launch-link-missing');

  await page.goto('about:blank');
  await page.goto(`${desk.origin}/#token=not-the-token`);
  await expect(page.getByTestId('launch-link')).toContainText('did not accept this link');
  await screenshot(page, 'launch-link-rejected');
});
