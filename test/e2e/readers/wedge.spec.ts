// A keyboard-wedge reader types a card number in a burst: caught by the screen when no field has the
// focus and shown like any tap; a person typing the same characters slowly into a field keeps them.
import { closeBrowser } from '../helpers';
import { expect, openDesk, PERSON_KEY_DELAY_MS, screenshot, test, widenWedgeGap } from './fixtures';

test.afterEach(closeBrowser);

const UID = '04C0FFEE112233';

test('a wedge burst shows the holder; the same characters typed slowly stay in the search field', async ({
  page,
  desk,
  reader,
}) => {
  await reader.seedHolder({
    givenName: 'Mikael',
    familyName: 'Strand',
    employer: 'Nordbygg AB',
    cards: [{ printedNumber: 'NB-3003', uid: UID }],
  });
  await widenWedgeGap(reader.admin);
  await openDesk(page, desk);
  // The search field has the focus on the idle screen; a reader without a prefix is caught outside fields.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.type(UID, { delay: 0 });
  await page.keyboard.press('Enter');

  const status = page.getByTestId('presented-status');
  await expect(status).toHaveAttribute('data-status', 'active');
  await expect(page.getByTestId('presented-name')).toHaveText('Mikael Strand');
  await expect(page.getByTestId('holder-search')).toHaveValue('');
  await screenshot(page, 'readers-wedge-burst');

  await page.getByTestId('presented-done').click();
  await page.getByTestId('holder-search').click();
  await page.keyboard.type(UID, { delay: PERSON_KEY_DELAY_MS });
  await expect(page.getByTestId('holder-search')).toHaveValue(UID);
  await expect(page.getByTestId('search-empty')).toBeVisible();
  await expect(status).toHaveCount(0);
  await screenshot(page, 'readers-wedge-typed');
});
