// Touch and keyboard: every control is at least 44×44 px, and the desk works with the keyboard alone.
import { generateOrganisationNumber } from '../../src-shared/domain/organisation-number';
import { expect, screenshot, test } from './fixtures';
import { openAsAdmin, closeBrowser, smallTargets } from './helpers';

test.afterEach(closeBrowser);

test('every control on every screen is a touch target of at least 44 px', async ({ page, desk }) => {
  await desk.seedAdmin();
  await page.goto(desk.url);
  expect(await smallTargets(page)).toEqual([]);
  await page.getByTestId('login-username').fill('admin');
  await page.getByTestId('login-password').fill('correct horse battery');
  await page.getByTestId('login-password').press('Enter');
  await expect(page.getByTestId('card-presentation')).toBeVisible();

  const screens = [
    ['home', 'card-presentation'],
    ['holderNew', 'screen-title'],
    ['organisations', 'screen-title'],
    ['readers', 'screen-title'],
    ['cards', 'screen-title'],
    // Last: the operator dialog below opens from here.
    ['operators', 'screen-title'],
  ] as const;
  for (const [screen, landmark] of screens) {
    await page.getByTestId(`nav-${screen}`).click();
    await expect(page.getByTestId(landmark)).toBeVisible();
    // Lists fill in after the screen shows: measured until what the person sees has settled.
    await expect.poll(() => smallTargets(page), { message: screen }).toEqual([]);
  }
  await page.getByTestId('operator-new').click();
  await expect(page.getByTestId('operator-dialog')).toBeVisible();
  // Measured once the opening animation (a scale transform) has finished.
  await expect(page.locator('.p-dialog-enter-active')).toHaveCount(0);
  expect(await smallTargets(page), 'operator dialog').toEqual([]);
});

test('the desk works with the keyboard alone', async ({ page, desk }) => {
  await openAsAdmin(page, desk);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Shift+Tab');
  await expect(page.getByTestId('holder-search')).toBeFocused();

  // Create an organisation: Tab through the dialog, Enter submits.
  await page.getByTestId('nav-organisations').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('screen-title')).toHaveText('Organisations');
  await page.getByTestId('org-new').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('org-name')).toBeFocused();
  await page.keyboard.type('Tastatur ApS');
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('org-country').getByRole('button', { name: 'Sweden' })).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Space');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('org-number')).toBeFocused();
  await page.keyboard.type(generateOrganisationNumber('DK', 5));
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('organisation-dialog')).toBeHidden();
  await expect(page.getByTestId('organisation-row')).toHaveText(['Tastatur ApS']);
  await expect(page.getByRole('row', { name: /Tastatur/ })).toContainText('Denmark');

  // Escape twice, from anywhere, is the idle screen; focus lands in the search.
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('card-presentation')).toBeVisible();
  await expect(page.getByTestId('holder-search')).toBeFocused();
  await screenshot(page, 'keyboard-home');
});
