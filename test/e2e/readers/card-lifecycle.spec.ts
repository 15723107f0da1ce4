// A card's whole life at the desk, in Chromium against the real web host, pcscd and CUPS: a card
// administrator orders a card and a mobile ID with the desk camera; a colleague approves it; it is
// printed through the run's CUPS (the PDF that comes out carries the name); reception hands it over
// with a tap and the holder shows green; blocked as lost, the same tap shows red with the reason, and
// the mobile ID is blocked with it.
import { generateIdentityNumber } from '../../../src-shared/domain/identity-number';
import { printedPdf } from '../../harness/cups';
import { typed } from '../../harness/test-desk';
import { ADMIN } from '../fixtures';
import { CUPS_SERVER_ENV } from '../global-setup';
import { closeBrowser, logIn, seedOperator } from '../helpers';
import { expect, openDesk, screenshot, test } from './fixtures';

test.use({
  deskProduction: { printer: { name: 'CardPDF', server: process.env[CUPS_SERVER_ENV] ?? '127.0.0.1:9' } },
});
test.afterEach(closeBrowser);

const PASSWORD = 'welcome to the desk 7';
const NEW_CHIP = '04D00D1E5C0FFE';

test('order with the camera → a colleague approves → printed → handed over with a tap → green → blocked as lost → red, mobile ID blocked', async ({
  page,
  desk,
  reader,
}) => {
  test.setTimeout(240_000);
  if (process.env.FRONTDESK_E2E_CUPS_ERROR) throw new Error(process.env.FRONTDESK_E2E_CUPS_ERROR);
  const admin = typed(desk.desk.connect());
  await admin.must('session.login', { username: ADMIN.username, password: ADMIN.password });
  for (const [username, displayName, roles] of [
    ['olle', 'Olle Orderer', ['card_admin']],
    ['agnes', 'Agnes Approver', ['card_admin']],
    ['rita', 'Rita Reception', ['reception']],
  ] as const) {
    await seedOperator(desk, { username, displayName, password: PASSWORD, roles: [...roles] });
  }
  const organisation = await admin.must('organisations.create', {
    name: 'Nordbygg AB',
    country: 'SE',
    number: '556016-0680',
  });
  const holder = await admin.must('holders.create', {
    givenName: 'Łukasz',
    familyName: 'Šarūnas',
    identityCountry: 'SE',
    identityNumber: generateIdentityNumber('SE', new Date('1984-03-14'), 417),
    email: 'lukasz@nordbygg.se',
    phone: '+46 70 123 45 67',
    hasEid: true,
    organisationId: organisation.id,
  });
  admin.raw.close();

  // 1. The order, with the photo from the desk camera.
  await page.setViewportSize({ width: 1024, height: 768 });
  await openDesk(page, desk, 'olle', PASSWORD);
  await page.goto(`${desk.origin}/#/holders/${holder.id}`);
  await page.getByTestId('holder-order-card').click();
  await expect(page.getByTestId('screen-title')).toHaveText('Order a card for Łukasz Šarūnas');
  await page.getByTestId('order-includes').getByText('Card and mobile ID').click();
  await page.getByTestId('order-namesConfirmed').click();
  await page.getByTestId('order-site').fill('Kv. Gasklockan');
  await page.getByTestId('photo-camera').click();
  await expect
    .poll(() => page.getByTestId('photo-video').evaluate((v) => (v as HTMLVideoElement).videoWidth), {
      timeout: 15_000,
    })
    .toBeGreaterThan(0);
  await page.getByTestId('photo-take').click();
  await page.getByTestId('photo-use').click();
  await expect(page.getByTestId('photo-chosen')).toBeVisible();
  await page.getByTestId('order-send').click();
  await expect(page.getByTestId('order-state')).toHaveText('Waiting for approval');
  await page.getByTestId('logout').click();

  // 2. A colleague approves it: the card gets its number.
  await logIn(page, 'agnes', PASSWORD);
  await page.getByTestId('nav-cards').click();
  await page.getByTestId('queue-row').filter({ hasText: 'Łukasz Šarūnas' }).click();
  await page.getByTestId('order-approve').click();
  await expect(page.getByTestId('order-state')).toHaveText('Approved');
  // Two numbers: the card's and its mobile ID's. The card is the one to print.
  await expect(page.getByTestId('order-card-number')).toHaveCount(2);
  const { number } = desk.desk.db
    .prepare(`SELECT printed_number AS number FROM cards WHERE holder_id = ? AND kind = 'id06'`)
    .get(holder.id) as { number: string };
  expect(number).toMatch(/^FD\d{10}$/);
  await expect(page.getByTestId('order-card-number').first()).toHaveText(number);

  // 3. Printed through CUPS; the card is ready once the job is done.
  const since = Date.now();
  await page.getByTestId('nav-cards').click();
  await page.getByTestId('cards-tab-production').click();
  const row = page.getByTestId('production-waiting').locator('tr', { hasText: 'Łukasz Šarūnas' });
  await row.getByRole('checkbox').check();
  await page.getByTestId('production-print').click();
  await expect(page.getByText('The card was sent to the printer.')).toBeVisible();
  const cardState = () =>
    (
      desk.desk.db.prepare('SELECT state FROM cards WHERE printed_number = ?').get(number) as {
        state: string;
      }
    ).state;
  await expect.poll(cardState, { timeout: 60_000 }).toBe('ready');
  const job = desk.desk.db
    .prepare(
      `SELECT j.ref FROM production_jobs j JOIN cards c ON c.id = j.card_id WHERE c.printed_number = ?`,
    )
    .get(number) as { ref: string };
  const { text } = await printedPdf(
    { outputDir: process.env.FRONTDESK_E2E_CUPS_OUTPUT ?? '' },
    job.ref,
    number,
    since,
  );
  expect(text).toContain('Łukasz');
  expect(text).toContain('Šarūnas');
  await page.getByTestId('logout').click();

  // 4. Reception hands it over: face checked, the new card tapped, and the holder is green.
  await logIn(page, 'rita', PASSWORD);
  await page.getByTestId('idle-ready').click();
  await page.getByTestId('ready-hand-over').first().click();
  await expect(page.getByTestId('handover-name')).toHaveText('Łukasz Šarūnas');
  await page.getByTestId('handover-face').click();
  await reader.tap(NEW_CHIP);
  await expect(page.getByTestId('handover-chip')).toContainText(NEW_CHIP);
  await page.getByTestId('handover-confirm').click();
  const status = page.getByTestId('presented-status');
  await expect(status).toHaveAttribute('data-status', 'active');
  await expect(page.getByTestId('presented-card-number')).toHaveText(number);
  await screenshot(page, 'lifecycle-handed-over-1024');

  // 5. Lost: blocked from the presented card; the same tap is red with the reason.
  await page.getByTestId('presented-block').click();
  await page.getByTestId('block-reason-lost').click();
  await page.getByTestId('block-confirm').click();
  await expect(page.getByTestId('block-result')).toHaveText('Blocked: lost. Its mobile IDs are blocked too.');
  await page.getByTestId('block-close').click();
  await page.getByTestId('presented-done').click();
  await reader.tap(NEW_CHIP);
  await expect(status).toHaveAttribute('data-status', 'blocked');
  await expect(page.getByTestId('presented-reason')).toHaveText('Reported lost');
  await screenshot(page, 'lifecycle-blocked-1024');

  // 6. The mobile ID went with it.
  await page.getByTestId('presented-open-holder').click();
  const mobile = desk.desk.db
    .prepare(`SELECT id, state, block_reason AS reason FROM cards WHERE holder_id = ? AND kind = 'mobile_id'`)
    .all(holder.id);
  expect(mobile).toEqual([{ id: expect.any(String), state: 'blocked', reason: 'lost' }]);
  const mobileRow = page.locator(`[data-card-id="${(mobile[0] as { id: string }).id}"]`);
  await expect(mobileRow.getByTestId('card-state')).toHaveText('Blocked');
});
