import { generateIdentityNumber } from '../../src-shared/domain/identity-number';
import { makeLargePng } from '../harness/images';
import { expect, screenshot, test } from './fixtures';
import { openAsAdmin, portraitPng, closeBrowser } from './helpers';

test.afterEach(closeBrowser);

/** A valid Swedish personnummer with its last (check) digit changed. */
function withWrongCheckDigit(number: string): string {
  const last = Number(number.at(-1));
  return `${number.slice(0, -1)}${(last + 1) % 10}`;
}

test('the holder form explains bad input at the field it belongs to', async ({ page, desk }) => {
  await openAsAdmin(page, desk);
  await page.getByTestId('nav-holderNew').click();

  await page.getByTestId('holder-givenName').fill('Per');
  await page.getByTestId('holder-familyName').fill('<script>');
  await page
    .getByTestId('holder-identityNumber')
    .fill(withWrongCheckDigit(generateIdentityNumber('SE', new Date('1990-05-17'), 7)));
  await expect(page.getByTestId('holder-identityNumber-error')).toContainText(
    'The check digit does not match',
  );
  await page.getByTestId('holder-email').fill('per at example');

  await page.getByTestId('photo-input').setInputFiles({
    name: 'huge.png',
    mimeType: 'image/png',
    buffer: makeLargePng(1_300_000),
  });
  await expect(page.getByTestId('photo-error')).toContainText('a photo may be at most 1 MB');
  await page.getByTestId('photo-input').setInputFiles({
    name: 'notes.png',
    mimeType: 'image/png',
    buffer: Buffer.from('These are meeting notes, not a photo.'),
  });
  await expect(page.getByTestId('photo-error')).toHaveText(
    'This file is not a JPEG or PNG image. Choose a photo file.',
  );

  await page.getByTestId('holder-save').click();
  await expect(page.getByTestId('holder-familyName-error')).toContainText('letters, spaces, hyphens');
  await expect(page.getByTestId('holder-email-error')).toContainText('Enter an e-mail address');
  await expect(page.getByTestId('holder-familyName')).toBeFocused();
  await expect(page.getByTestId('screen-title')).toHaveText('New holder');
  await screenshot(page, 'holder-new-errors');
});

test('the core refuses a duplicate identity number, shown at the field', async ({ page, desk }) => {
  await openAsAdmin(page, desk);
  const identityNumber = generateIdentityNumber('NO', new Date('1979-11-02'), 12);
  for (const givenName of ['Ola', 'Kari']) {
    await page.getByTestId('nav-holderNew').click();
    await page.getByTestId('holder-country').getByText('Norway').click();
    await page.getByTestId('holder-givenName').fill(givenName);
    await page.getByTestId('holder-familyName').fill('Nordmann');
    await page.getByTestId('holder-identityNumber').fill(identityNumber);
    await page
      .getByTestId('photo-input')
      .setInputFiles({ name: 'p.png', mimeType: 'image/png', buffer: portraitPng() });
    await page.getByTestId('holder-save').click();
    if (givenName === 'Ola') await expect(page.getByTestId('holder-name')).toHaveText('Ola Nordmann');
  }
  await expect(page.getByTestId('holder-identityNumber-error')).toHaveText(
    'A holder with this identity number is already registered.',
  );
  await screenshot(page, 'holder-duplicate');
});

test('the organisation form checks the number for each country', async ({ page, desk }) => {
  await openAsAdmin(page, desk);
  await page.getByTestId('nav-organisations').click();
  await page.getByTestId('org-new').click();
  await page.getByTestId('org-name').fill('Fjordbygg AS');
  await page.getByTestId('org-country').getByText('Norway').click();
  await page.getByTestId('org-number').fill('123456789');
  await page.getByTestId('org-save').click();
  await expect(page.getByTestId('org-number-error')).toHaveText(
    'The check digit does not match. Check the number against the register.',
  );
  await page.getByTestId('org-country').getByText('Denmark').click();
  await page.getByTestId('org-number').fill('0123');
  await page.getByTestId('org-number').blur();
  await expect(page.getByTestId('org-number-error')).toHaveText(
    'A CVR number has 8 digits and does not start with 0.',
  );
  await screenshot(page, 'organisation-errors');
});
