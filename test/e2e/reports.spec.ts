// The reports tab in Chromium against the real web host and core: a card administrator runs two
// reports and takes one away as a CSV that Excel opens right (it starts with the UTF-8 BOM), and a
// PDF; reception sees only the pick-up queue. Rows are written straight into the desk's tables.
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { reportRows } from '../harness/report-rows';
import { expect, screenshot, test, type DeskFixture } from './fixtures';
import { chooseOption, closeBrowser, logIn, seedOperator } from './helpers';

test.afterEach(closeBrowser);

const PASSWORD = 'reports for the desk 7';
const DAY = 86_400_000;
const day = (offset: number) => new Date(Date.now() + offset * DAY).toISOString().slice(0, 10);
const at = (offset: number) => new Date(Date.now() + offset * DAY).toISOString();

async function seed(desk: DeskFixture) {
  await desk.seedAdmin();
  await seedOperator(desk, {
    username: 'carl',
    displayName: 'Carl Kortsson',
    password: PASSWORD,
    roles: ['card_admin'],
  });
  await seedOperator(desk, {
    username: 'rita',
    displayName: 'Rita Reception',
    password: PASSWORD,
    roles: ['reception'],
  });
  const rows = reportRows(desk.desk.db);
  const admin = rows.operatorId('admin');
  const bygg = rows.organisation('Byggbolaget i Kista AB');
  const lodz = rows.organisation('Łódź Budowa sp. z o.o.', 'SE');
  const lukasz = rows.holder({
    givenName: 'Łukasz',
    familyName: 'Šarūnas',
    organisationId: lodz,
    site: 'Kista',
  });
  const asa = rows.holder({ givenName: 'Åsa', familyName: 'Ørsted', organisationId: bygg, site: 'Solna' });
  const nils = rows.holder({ givenName: 'Nils', familyName: 'Ŋuolla', organisationId: bygg, site: 'Kista' });
  rows.order({ holderId: lukasz, state: 'ordered', orderedBy: admin, orderedAt: at(-3), site: 'Kista' });
  rows.order({
    holderId: asa,
    state: 'ordered',
    orderedBy: admin,
    orderedAt: at(-1),
    kind: 'renewal',
    includes: 'both',
  });
  rows.card({ holderId: lukasz, state: 'active', validUntil: day(5), site: 'Kista' });
  rows.card({ holderId: asa, state: 'suspended', validUntil: day(20), kind: 'access_card' });
  rows.card({ holderId: nils, state: 'active', validUntil: day(29) });
  rows.card({ holderId: nils, state: 'active', validUntil: day(-1) });
  rows.card({ holderId: asa, state: 'active', validUntil: day(400) });
}

async function openReports(page: Page, desk: DeskFixture, username: string) {
  await page.goto(desk.url);
  await expect(page.getByTestId('login-username')).toBeFocused();
  await logIn(page, username, PASSWORD);
  await page.goto(`${desk.origin}/#/cards/reports`);
  await expect(page.getByTestId('tab-title')).toHaveText('Reports');
}

test('a card administrator runs two reports and downloads the CSV and the PDF', async ({ page, desk }) => {
  await seed(desk);
  await page.setViewportSize({ width: 1024, height: 768 });
  await openReports(page, desk, 'carl');

  // The first report: orders waiting for my approval (the administrator placed them, not Carl).
  await expect(page.getByTestId('report-pick')).toContainText('Orders waiting for my approval');
  await expect(page.getByTestId('report-count')).toHaveText('2 rows');
  await expect(page.getByTestId('report-table').locator('tbody tr')).toHaveCount(2);
  await expect(page.getByTestId('report-table')).toContainText('Łukasz Šarūnas');
  await expect(page.getByTestId('report-table')).toContainText('Card and mobile ID');
  await screenshot(page, 'reports-awaiting-1024');

  // The second: cards expiring within 30 days; the one that expired yesterday is not there.
  await chooseOption(page, 'report-pick', 'Cards expiring soon');
  await expect(page.getByTestId('report-count')).toHaveText('3 rows');
  const table = page.getByTestId('report-table');
  await expect(table.locator('tbody tr').first()).toContainText('Łukasz Šarūnas');
  await expect(table.locator('tbody tr').nth(1)).toContainText('Suspended');
  await expect(table.getByTestId('report-renew').first()).toHaveAttribute(
    'href',
    new RegExp(`#/cards/orders/new\\?renewCardId=`),
  );
  await screenshot(page, 'reports-expiring-1024');

  // Narrow by name: typing waits for a pause, then the table follows.
  await page.getByTestId('report-filter-name').fill('ørsted');
  await expect(page.getByTestId('report-count')).toHaveText('1 row');
  await page.getByTestId('report-filters-clear').click();
  await expect(page.getByTestId('report-count')).toHaveText('3 rows');

  // Sorting by the last valid day, latest first.
  await table.getByRole('columnheader', { name: 'Valid until' }).click();
  await table.getByRole('columnheader', { name: 'Valid until' }).click();
  await expect(table.locator('tbody tr').first()).toContainText('Nils Ŋuolla');

  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-csv').click()]);
  expect(csv.suggestedFilename()).toMatch(/^expiring-cards-\d{4}-\d{2}-\d{2}\.csv$/);
  const bytes = readFileSync((await csv.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.toString('utf8');
  expect(text).toContain('"Valid until";"Days left";"Name";"Employer"');
  expect(text).toContain('"Łukasz Šarūnas";"Łódź Budowa sp. z o.o."');
  await expect(page.getByText(/expiring-cards-.*\.csv is downloaded \(3 rows\)/)).toBeVisible();

  const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-pdf').click()]);
  expect(pdf.suggestedFilename()).toMatch(/\.pdf$/);
  expect(
    readFileSync((await pdf.path())!)
      .subarray(0, 5)
      .toString(),
  ).toBe('%PDF-');

  await page.setViewportSize({ width: 1920, height: 1080 });
  await expect(page.getByTestId('report-table')).toBeVisible();
  await screenshot(page, 'reports-expiring-1920');

  // An empty report says what it means.
  await chooseOption(page, 'report-pick', 'Ready for pick-up');
  await expect(page.getByTestId('report-empty')).toHaveText('No cards are waiting to be picked up.');
  await expect(page.getByTestId('report-csv')).toBeDisabled();
  await chooseOption(page, 'report-pick', 'Mobile IDs not activated');
  await expect(page.getByTestId('report-empty')).toHaveText(
    'Every mobile ID invited 7 or more days ago has been activated.',
  );
  await screenshot(page, 'reports-empty-1920');
});

test('reception sees only the pick-up queue, in their language', async ({ page, desk }) => {
  await seed(desk);
  await page.setViewportSize({ width: 1024, height: 768 });
  await openReports(page, desk, 'rita');
  await expect(page.getByTestId('report-pick')).toContainText('Ready for pick-up');
  await page.getByTestId('report-pick').click();
  await expect(page.getByRole('option')).toHaveCount(1);
  await page.keyboard.press('Escape');
  await page.getByTestId('language-switcher').click();
  await page.getByRole('option', { name: 'Svenska' }).click();
  await expect(page.getByTestId('tab-title')).toHaveText('Rapporter');
  await expect(page.getByTestId('report-empty')).toHaveText('Inga kort väntar på att hämtas.');
  await screenshot(page, 'reports-reception-sv-1024');
});
