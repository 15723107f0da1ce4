import { generateIdentityNumber } from '../../src-shared/domain/identity-number';
import { generateOrganisationNumber } from '../../src-shared/domain/organisation-number';
import { typed } from '../harness/test-desk';
import { ADMIN, expect, screenshot, test } from './fixtures';
import { chooseOption, openAsAdmin, portraitPng, closeBrowser } from './helpers';

test.afterEach(closeBrowser);

test('create an organisation and a holder with a photo, then find them by name and identity number', async ({
  page,
  desk,
}) => {
  await openAsAdmin(page, desk);
  const orgNumber = generateOrganisationNumber('SE', 4711);
  const identityNumber = generateIdentityNumber('SE', new Date('1984-03-14'), 321);

  await page.getByTestId('nav-organisations').click();
  await expect(page.getByTestId('screen-title')).toHaveText('Organisations');
  await page.getByTestId('org-new').click();
  await page.getByTestId('org-name').fill('Nordbygg AB');
  await page.getByTestId('org-number').fill(orgNumber);
  await expect(page.getByTestId('org-number-ok')).toContainText(
    `${orgNumber.slice(0, 6)}-${orgNumber.slice(6)}`,
  );
  await screenshot(page, 'organisation-dialog');
  await page.getByTestId('org-save').click();
  await expect(page.getByTestId('organisation-dialog')).toBeHidden();
  await expect(page.getByTestId('organisation-row')).toHaveText(['Nordbygg AB']);
  await screenshot(page, 'organisations');

  await page.getByTestId('nav-holderNew').click();
  await expect(page.getByTestId('screen-title')).toHaveText('New holder');
  await page.getByTestId('holder-givenName').fill('Karin');
  await page.getByTestId('holder-familyName').fill('Lindqvist');
  await page.getByTestId('holder-identityNumber').fill(identityNumber);
  await expect(page.getByTestId('holder-identityNumber-ok')).toContainText('Valid personal identity number');
  await chooseOption(page, 'holder-organisation', /Nordbygg AB/);
  await page.getByTestId('holder-email').fill('karin.lindqvist@nordbygg.se');
  await page.getByTestId('holder-phone').fill('+46 70 123 45 67');
  await page.getByTestId('holder-site').fill('Kvarteret Bryggan');
  await page.getByTestId('photo-input').setInputFiles({
    name: 'karin.png',
    mimeType: 'image/png',
    buffer: portraitPng(),
  });
  await expect(page.getByTestId('photo-preview').locator('img')).toHaveAttribute(
    'src',
    /^data:image\/png;base64,/,
  );
  await screenshot(page, 'holder-new');
  await page.getByTestId('holder-save').click();

  await expect(page.getByTestId('holder-name')).toHaveText('Karin Lindqvist');
  await expect(page.getByTestId('holder-identity')).toHaveText(
    `${identityNumber.slice(0, 8)}-${identityNumber.slice(8)}`,
  );
  await expect(page.getByTestId('holder-employer')).toContainText('Nordbygg AB');
  await expect(page.getByTestId('holder-birthDate')).toHaveText('14 Mar 1984');
  await expect(page.getByTestId('holder-photo').locator('img')).toHaveAttribute(
    'src',
    /^data:image\/png;base64,/,
  );
  await expect(page.getByText('Karin Lindqvist was saved.')).toBeVisible();
  await screenshot(page, 'holder-view');

  await page.getByTestId('nav-home').click();
  await page.getByTestId('holder-search').fill('lindq');
  await expect(page.getByTestId('holder-result')).toHaveCount(1);
  await expect(page.getByTestId('holder-result-name')).toHaveText('Lindqvist, Karin');
  await expect(page.getByTestId('holder-result-identity')).toHaveText(`${identityNumber.slice(0, 8)}-****`);
  await expect(page.getByTestId('holder-result').locator('img')).toBeVisible();
  await screenshot(page, 'search-by-name');

  await page.getByTestId('holder-search').press('Escape');
  await expect(page.getByTestId('holder-search')).toHaveValue('');
  await page.getByTestId('holder-search').fill(identityNumber.slice(2));
  await expect(page.getByTestId('holder-result-name')).toHaveText('Lindqvist, Karin');
  await page.getByTestId('holder-search').press('Enter');
  await expect(page.getByTestId('holder-name')).toHaveText('Karin Lindqvist');

  await page.getByTestId('holder-edit').click();
  await expect(page.getByTestId('holder-identityNumber')).toHaveValue(/^\d{8}-\d{4}$/);
  await page.getByTestId('holder-site').fill('Kvarteret Hamnen');
  await page.getByTestId('holder-save').click();
  await expect(page.getByTestId('holder-site')).toHaveText('Kvarteret Hamnen');

  // A card registered at another screen: found by its printed number, shown with its state.
  const holderId = new URL(page.url()).hash.split('/').at(-1)!;
  const api = typed(desk.desk.connect());
  await api.must('session.login', { username: ADMIN.username, password: ADMIN.password });
  await api.must('cards.register', {
    holderId,
    kind: 'id06',
    printedNumber: 'ID06-770015',
    validUntil: '2028-12-31',
  });
  api.raw.close();
  await page.getByTestId('nav-home').click();
  await page.getByTestId('holder-search').fill('ID06-7700');
  await expect(page.getByTestId('holder-result')).toContainText('ID06-770015');
  await page.getByTestId('holder-result').click();
  await expect(page.getByTestId('card-state')).toHaveText('Active');
  await expect(page.getByTestId('card')).toContainText('31 Dec 2028');
  await screenshot(page, 'holder-view-with-card');
});
