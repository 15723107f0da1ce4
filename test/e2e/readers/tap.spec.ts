// A card tapped on a real PC/SC reader (pcscd + vpcd, a virtual card) shows its holder on the idle
// screen at once: green and the name for an active card, red and why for a blocked one, and an
// unknown card can be bound to the holder's card there and then.
import { closeBrowser, seedOperator } from '../helpers';
import { expect, openDesk, screenshot, test } from './fixtures';

test.afterEach(closeBrowser);

test('a tapped card shows its holder, green, with photo, employer and card', async ({
  page,
  desk,
  reader,
}) => {
  await reader.seedHolder({
    givenName: 'Karin',
    familyName: 'Lindqvist',
    employer: 'Nordbygg AB',
    cards: [{ printedNumber: 'NB-1001', uid: '04A2B3C4D5E6F7', validUntil: '2029-06-30' }],
  });
  await openDesk(page, desk);
  await reader.tap('04A2B3C4D5E6F7');

  const status = page.getByTestId('presented-status');
  await expect(status).toHaveAttribute('data-status', 'active');
  await expect(status).toHaveText('Active');
  await expect(page.getByTestId('presented-name')).toHaveText('Karin Lindqvist');
  await expect(page.getByTestId('presented-employer')).toHaveText('Nordbygg AB');
  await expect(page.getByTestId('presented-card-number')).toHaveText('NB-1001');
  await expect(page.getByTestId('presented-valid-until')).toHaveText('30 Jun 2029');
  await expect(page.getByTestId('card-presentation').locator('img')).toHaveAttribute(
    'src',
    /^data:image\/png/,
  );
  await expect(status).toHaveCSS('background-color', 'rgb(22, 163, 74)');
  const painted = await page.evaluate(() => performance.getEntriesByName('card-painted').length);
  expect(painted).toBe(1);
  await screenshot(page, 'readers-tap-active');

  await page.getByTestId('presented-open-holder').click();
  await expect(page.getByTestId('holder-name')).toHaveText('Karin Lindqvist');
  // A new tap on a screen that only shows a record brings the idle screen back.
  await reader.tap('04A2B3C4D5E6F7');
  await expect(page.getByTestId('presented-name')).toHaveText('Karin Lindqvist');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('presented-status')).toHaveCount(0);
  await expect(page.getByTestId('card-presentation')).toContainText('Present a card');
});

test('a blocked card shows red, with the reason it was blocked', async ({ page, desk, reader }) => {
  const { cardIds } = await reader.seedHolder({
    givenName: 'Jonas',
    familyName: 'Berg',
    employer: 'Nordbygg AB',
    cards: [{ printedNumber: 'NB-1002', uid: '04112233445566' }],
  });
  desk.desk.db
    .prepare(`UPDATE cards SET state = 'blocked', block_reason = 'stolen' WHERE id = ?`)
    .run(cardIds[0]);
  await openDesk(page, desk);
  await reader.tap('04112233445566');

  const status = page.getByTestId('presented-status');
  await expect(status).toHaveAttribute('data-status', 'blocked');
  await expect(status).toHaveText('Blocked');
  await expect(status).toHaveCSS('background-color', 'rgb(220, 38, 38)');
  await expect(page.getByTestId('presented-reason')).toHaveText('Reported stolen');
  await expect(page.getByTestId('presented-name')).toHaveText('Jonas Berg');
  await screenshot(page, 'readers-tap-blocked');
});

test('reception binds an unknown card to the holder’s new card, which then shows as active', async ({
  page,
  desk,
  reader,
}) => {
  await reader.seedHolder({
    givenName: 'Sofia',
    familyName: 'Holm',
    employer: 'Kvarteret Bryggan AB',
    cards: [{ printedNumber: 'KB-2001' }],
  });
  await seedOperator(desk, {
    username: 'rita',
    displayName: 'Rita Reception',
    password: 'welcome to the desk 7',
    roles: ['reception'],
  });
  await openDesk(page, desk, 'rita', 'welcome to the desk 7');
  await reader.tap('04A0B1C2D3E4F5');

  await expect(page.getByTestId('presented-status')).toHaveAttribute('data-status', 'unknown');
  await expect(page.getByTestId('presented-chip')).toHaveText('04A0B1C2D3E4F5');
  await screenshot(page, 'readers-tap-unknown');
  await page.getByTestId('presented-bind').click();

  const dialog = page.getByTestId('bind-dialog');
  await expect(dialog).toBeVisible();
  await dialog.getByTestId('bind-search').fill('holm');
  await dialog.getByTestId('holder-result').first().click();
  await expect(dialog.getByTestId('bind-holder')).toHaveText('Sofia Holm');
  await expect(dialog.getByTestId('bind-card').locator('input')).toBeChecked();
  await expect(page.locator('.p-dialog-enter-active')).toHaveCount(0);
  await screenshot(page, 'readers-bind-dialog');
  await dialog.getByTestId('bind-confirm').click();

  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('presented-status')).toHaveAttribute('data-status', 'active');
  await expect(page.getByTestId('presented-name')).toHaveText('Sofia Holm');
  await expect(page.getByTestId('presented-card-number')).toHaveText('KB-2001');
  await screenshot(page, 'readers-bind-done');

  // The next tap of the same card is found by the desk itself.
  await page.getByTestId('presented-done').click();
  await reader.tap('04A0B1C2D3E4F5');
  await expect(page.getByTestId('presented-status')).toHaveAttribute('data-status', 'active');
  await expect(page.getByTestId('presented-name')).toHaveText('Sofia Holm');
});
