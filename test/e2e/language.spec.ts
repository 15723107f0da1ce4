import { expect, screenshot, test } from './fixtures';
import { chooseOption, openAsAdmin, closeBrowser } from './helpers';

test.afterEach(closeBrowser);

const LANGUAGES = [
  {
    name: 'Svenska',
    code: 'sv',
    present: 'Visa upp ett kort',
    search: 'Sök kortinnehavare',
    login: 'Logga in',
  },
  { name: 'Dansk', code: 'da', present: 'Vis et kort', search: 'Find en kortholder', login: 'Log ind' },
  {
    name: 'Norsk bokmål',
    code: 'nb',
    present: 'Vis frem et kort',
    search: 'Finn en kortinnehaver',
    login: 'Logg inn',
  },
] as const;

test('the operator switches language, and every screen follows', async ({ page, desk }) => {
  await openAsAdmin(page, desk);
  await expect(page.getByTestId('card-presentation').getByRole('heading')).toHaveText('Present a card');

  for (const language of LANGUAGES) {
    await chooseOption(page, 'language-switcher', language.name);
    await expect(page.getByTestId('card-presentation').getByRole('heading')).toHaveText(language.present);
    await expect(page.getByText(language.search, { exact: true })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', language.code);
    await screenshot(page, `idle-${language.code}`);
  }

  await page.getByTestId('nav-organisations').click();
  await expect(page.getByTestId('screen-title')).toHaveText('Organisasjoner');
  await page.getByTestId('logout').click();
  await expect(page.getByTestId('screen-title')).toHaveText('Logg inn');
  await screenshot(page, 'login-nb');

  // The language is the operator's: it comes back at the next login, also after a reload.
  await page.reload();
  await page.getByTestId('login-username').fill('admin');
  await page.getByTestId('login-password').fill('correct horse battery');
  await page.getByTestId('login-password').press('Enter');
  await expect(page.getByTestId('card-presentation').getByRole('heading')).toHaveText('Vis frem et kort');
});
