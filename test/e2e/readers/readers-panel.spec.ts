// The readers panel shows the real PC/SC service and vpcd's readers as pcscd reports them, live.
import { pcscdHarness, startPcscd, stopPcscd } from '../../harness/pcscd';
import { chooseOption, closeBrowser } from '../helpers';
import { expect, openDesk, READER_0_ID, screenshot, test, widenWedgeGap } from './fixtures';

test.afterEach(closeBrowser);

test('the readers panel lists the virtual reader with its state, and its last card live', async ({
  page,
  desk,
  reader,
}) => {
  await reader.seedHolder({
    givenName: 'Karin',
    familyName: 'Lindqvist',
    employer: 'Nordbygg AB',
    cards: [{ printedNumber: 'NB-1001', uid: '04A2B3C4D5E6F7' }],
  });
  await openDesk(page, desk);
  await page.getByTestId('nav-readers').click();
  await expect(page.getByTestId('screen-title')).toHaveText('Card readers');

  const pcsc = page.locator('[data-testid="reader-backend"][data-backend="pcsc"]');
  await expect(pcsc).toHaveAttribute('data-state', 'up');
  await expect(pcsc).toContainText('Running');
  const row = page.locator(`[data-testid="reader-row"][data-reader="${READER_0_ID}"]`);
  await expect(row.getByTestId('reader-name')).toHaveText('Virtual PCD 00 00');
  await expect(row).toHaveAttribute('data-state', 'idle');
  const line = page.getByRole('row').filter({ has: row });
  await expect(line.getByTestId('reader-state')).toHaveText('Ready, no card');

  // A tap on this screen updates the reader's last event without leaving the panel.
  await reader.tap('04A2B3C4D5E6F7');
  await expect(line.getByTestId('reader-last-event')).toContainText('UID 04 A2 B3 C4 D5 E6 F7', {
    ignoreCase: true,
  });
  await expect(page.getByTestId('screen-title')).toHaveText('Card readers');
  await expect(page.getByTestId('reader-settings')).toBeVisible();
  await expect(page.getByTestId('wedge-enabled').locator('input')).toBeChecked();
  await screenshot(page, 'readers-panel');
});

test('the panel says what the readers saw in the operator’s language', async ({ page, desk, reader }) => {
  await reader.seedHolder({
    givenName: 'Karin',
    familyName: 'Lindqvist',
    cards: [{ printedNumber: 'NB-1001', uid: '04A2B3C4D5E6F7' }],
  });
  await widenWedgeGap(reader.admin);
  await openDesk(page, desk);
  await chooseOption(page, 'language-switcher', 'Svenska');
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.type('04A2B3C4D5E6F7', { delay: 0 });
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('presented-status')).toHaveAttribute('data-status', 'active');
  await page.getByTestId('presented-done').click();
  await page.getByTestId('nav-readers').click();
  await expect(page.getByTestId('screen-title')).toHaveText('Kortläsare');

  const wedge = page.getByRole('row').filter({ has: page.locator('[data-reader="wedge"]') });
  await expect(wedge.getByTestId('reader-last-event')).toContainText(
    'aktivt kort 04A2B3C4D5E6F7 (Karin Lindqvist)',
  );
  await reader.tap('08A1B2C3');
  const pcsc = page.getByRole('row').filter({ has: page.locator(`[data-reader="${READER_0_ID}"]`) });
  await expect(pcsc.getByTestId('reader-last-event')).toContainText(
    'MIFARE Classic 1K, UID 08 A1 B2 C3 (slumpat UID: det ändras vid varje läsning)',
  );
  await screenshot(page, 'readers-panel-sv');
});

test('an administrator changes the wedge settings; a field the core refuses is marked', async ({
  page,
  desk,
  reader,
}) => {
  await openDesk(page, desk);
  await page.getByTestId('nav-readers').click();
  await expect(page.getByTestId('reader-settings')).toBeVisible();
  await page.getByTestId('wedge-minLength').locator('input').fill('20');
  await page.getByTestId('wedge-maxLength').locator('input').fill('10');
  await page.getByTestId('wedge-maxLength').locator('input').press('Tab');
  await page.getByTestId('reader-settings-save').click();
  await expect(page.getByTestId('wedge-minLength-error')).toContainText('no larger than the longest');
  await screenshot(page, 'readers-settings-error');

  await page.getByTestId('wedge-maxLength').locator('input').fill('32');
  await page.getByTestId('wedge-prefix').fill(';');
  await page.getByTestId('hid-add').click();
  await page.getByTestId('hid-vendorId').fill('08ff');
  await page.getByTestId('hid-productId').fill('0009');
  await page.getByTestId('hid-name').fill('Desk HID reader');
  await chooseOption(page, 'hid-profile', /^Keyboard wedge, UID in decimal$/);
  await page.getByTestId('reader-settings-save').click();
  await expect(page.getByText('The reader settings were saved.')).toBeVisible();
  const saved = await reader.admin.must('readers.settings', {});
  expect(saved.settings.wedge).toMatchObject({ minLength: 20, maxLength: 32, prefix: ';' });
  expect(saved.settings.hidDevices).toEqual([
    { vendorId: 0x08ff, productId: 0x0009, name: 'Desk HID reader' },
  ]);
  // The reader's profile is kept under its reader id, which its reads carry.
  expect(saved.settings.profiles).toEqual({ 'hid:08ff:0009': 'wedge-decimal' });
});

test('when pcscd stops, the panel says so and when it tries again, and recovers by itself', async ({
  page,
  desk,
  reader,
}) => {
  test.skip(!pcscdHarness().ownsPcscd, 'The harness uses a pcscd it did not start: it will not stop it.');
  await reader.seedHolder({ givenName: 'Karin', familyName: 'Lindqvist', cards: [] });
  await openDesk(page, desk);
  await page.getByTestId('nav-readers').click();
  const pcsc = page.locator('[data-testid="reader-backend"][data-backend="pcsc"]');
  await expect(pcsc).toHaveAttribute('data-state', 'up');

  await stopPcscd();
  await expect(pcsc).toHaveAttribute('data-state', 'down');
  await expect(pcsc).toContainText('Not running');
  await expect(pcsc.getByTestId('reader-backend-message')).toContainText('pcscd');
  await expect(pcsc).toContainText(/Next attempt at \d\d:\d\d:\d\d/);
  await screenshot(page, 'readers-pcscd-down');

  await startPcscd();
  await expect(pcsc).toHaveAttribute('data-state', 'up', { timeout: 15_000 });
  const row = page.locator(`[data-testid="reader-row"][data-reader="${READER_0_ID}"]`);
  await expect(row).toHaveAttribute('data-state', 'idle', { timeout: 15_000 });
});
