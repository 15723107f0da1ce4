// Card production from the screen: the preview shows the holder's name as it will print, and Print
// sends the card through the run's real CUPS scheduler to the cups-pdf queue, whose PDF carries it.
import { approvedCard } from '../harness/approved-cards';
import { printedPdf } from '../harness/cups';
import { typed } from '../harness/test-desk';
import { ADMIN, expect, screenshot, test } from './fixtures';
import { CUPS_SERVER_ENV } from './global-setup';
import { chooseOption, closeBrowser, openAsAdmin } from './helpers';

test.use({
  deskProduction: { printer: { name: 'CardPDF', server: process.env[CUPS_SERVER_ENV] ?? '127.0.0.1:9' } },
});
test.afterEach(closeBrowser);

test('print from the production tab: the preview shows the name, the card goes to production, then ready; the printed PDF carries the name', async ({
  page,
  desk,
}) => {
  if (process.env.FRONTDESK_E2E_CUPS_ERROR) throw new Error(process.env.FRONTDESK_E2E_CUPS_ERROR);
  await openAsAdmin(page, desk);
  const api = typed(desk.desk.connect());
  await api.must('session.login', { username: ADMIN.username, password: ADMIN.password });
  const card = await approvedCard(api, desk.desk.db, { givenName: 'Łukasz Šarūnas', familyName: 'Ŋ' });
  await approvedCard(api, desk.desk.db, {
    givenName: 'Maria-Fernanda Esperanza',
    familyName: 'von Hohenzollern-Sigmaringen Ödegaard',
  });

  await page.goto(`${desk.url.split('#')[0]}#/cards/production`);
  await expect(page.getByTestId('tab-title')).toHaveText('Card production');
  const row = page.getByTestId('production-waiting').locator('tr', { hasText: 'Łukasz Šarūnas Ŋ' });
  await expect(row).toBeVisible();

  await row.getByTestId('production-preview').click();
  const dialog = page.getByTestId('preview-dialog');
  await expect(dialog.getByTestId('card-face-front').locator('[data-role="givenName"]')).toHaveText(
    'Łukasz Šarūnas',
  );
  await expect(dialog.getByTestId('card-face-front').locator('[data-role="familyName"]')).toHaveText('Ŋ');
  await expect(dialog.getByTestId('card-face-front').locator('[data-role="printedNumber"]')).toHaveText(
    card.printedNumber,
  );
  await expect(dialog.getByTestId('card-face-back').locator('[data-role="holderName"]')).toHaveText(
    'Łukasz Šarūnas Ŋ',
  );
  for (const size of [
    { width: 1024, height: 768 },
    { width: 1920, height: 1080 },
  ]) {
    await page.setViewportSize(size);
    await screenshot(page, `production-preview-${size.width}`);
  }
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  await page.setViewportSize({ width: 1024, height: 768 });
  await screenshot(page, 'production-queue-1024');
  await page.setViewportSize({ width: 1920, height: 1080 });
  await screenshot(page, 'production-queue-1920');

  const since = Date.now();
  await row.getByRole('checkbox').check();
  await expect(page.getByTestId('production-print')).toHaveText(/Print selected \(1\)/);
  await page.getByTestId('production-print').click();
  await expect(page.getByText('The card was sent to the printer.')).toBeVisible();
  // The card is in production, then ready once CUPS reports the job done; the screen asks by itself.
  await expect(page.getByTestId('production-waiting').getByText('Łukasz Šarūnas Ŋ')).toHaveCount(0);
  await expect(page.getByTestId('production-in-production').getByText('Łukasz Šarūnas Ŋ')).toHaveCount(0, {
    timeout: 45_000,
  });
  await expect
    .poll(
      () =>
        (desk.desk.db.prepare('SELECT state FROM cards WHERE id = ?').get(card.cardId) as { state: string })
          .state,
    )
    .toBe('ready');
  const ref = (
    desk.desk.db.prepare('SELECT ref FROM production_jobs WHERE card_id = ?').get(card.cardId) as {
      ref: string;
    }
  ).ref;
  const { text } = await printedPdf(
    { outputDir: process.env.FRONTDESK_E2E_CUPS_OUTPUT ?? '' },
    ref,
    card.printedNumber,
    since,
  );
  expect(text).toContain('Łukasz Šarūnas');
  expect(text).toContain('Ŋ');
  api.raw.close();
});

test.describe('a printer that is not there', () => {
  test.use({
    deskProduction: {
      printer: { name: 'NoSuchPrinter', server: process.env[CUPS_SERVER_ENV] ?? '127.0.0.1:9' },
    },
  });

  test('the card stays approved with the error in words and a Retry, in Swedish', async ({ page, desk }) => {
    if (process.env.FRONTDESK_E2E_CUPS_ERROR) throw new Error(process.env.FRONTDESK_E2E_CUPS_ERROR);
    await openAsAdmin(page, desk);
    const api = typed(desk.desk.connect());
    await api.must('session.login', { username: ADMIN.username, password: ADMIN.password });
    await approvedCard(api, desk.desk.db, { givenName: 'Åsa', familyName: 'Öberg' });
    await chooseOption(page, 'language-switcher', 'Svenska');
    await page.goto(`${desk.url.split('#')[0]}#/cards/production`);
    await expect(page.getByTestId('tab-title')).toHaveText('Kortproduktion');
    const row = page.getByTestId('production-waiting').locator('tr', { hasText: 'Åsa Öberg' });
    await row.getByRole('checkbox').check();
    await page.getByTestId('production-print').click();
    await expect(row.getByTestId('production-error')).toHaveText(
      'Kortskrivaren ”NoSuchPrinter” finns inte på den här datorn. Kontrollera namnet i inställningarna och försök igen.',
    );
    await expect(row.getByTestId('production-retry')).toBeVisible();
    await page.setViewportSize({ width: 1024, height: 768 });
    await screenshot(page, 'production-failed-sv-1024');
    api.raw.close();
  });
});
