// Ordering a card with four eyes, in Chromium against the real desk: the orderer takes the photo with
// the (fake) desk camera and sends the order; they cannot approve it themselves (no button, and the
// core refuses); a colleague approves it, and the holder's page shows the card "Approved" with its number.
import { generateIdentityNumber } from '../../src-shared/domain/identity-number';
import { typed } from '../harness/test-desk';
import { ADMIN, expect, screenshot, test, type DeskFixture } from './fixtures';
import { chooseOption, closeBrowser, logIn, smallTargets } from './helpers';

test.afterEach(closeBrowser);

const PASSWORD = 'correct horse battery';

async function seed(desk: DeskFixture): Promise<{ holderId: string }> {
  await desk.seedAdmin();
  const admin = typed(desk.desk.connect());
  await admin.must('session.login', { username: ADMIN.username, password: ADMIN.password });
  for (const [username, displayName] of [
    ['orderer', 'Olle Orderer'],
    ['approver', 'Agnes Approver'],
  ]) {
    await admin.must('operators.create', {
      username: username!,
      displayName: displayName!,
      password: PASSWORD,
      roles: ['card_admin'],
      language: 'en',
    });
  }
  const organisation = await admin.must('organisations.create', {
    name: 'Nordbygg AB',
    country: 'SE',
    number: '556016-0680',
  });
  const holder = await admin.must('holders.create', {
    givenName: 'Łukasz',
    familyName: 'Šarūnas-Lindqvist',
    identityCountry: 'SE',
    identityNumber: generateIdentityNumber('SE', new Date('1984-03-14'), 321),
    email: 'lukasz@nordbygg.se',
    phone: '+46 70 123 45 67',
    hasEid: true,
    organisationId: organisation.id,
  });
  admin.raw.close();
  return { holderId: holder.id };
}

test('order with the desk camera, refused to the orderer, approved by a colleague', async ({
  page,
  desk,
}) => {
  test.setTimeout(120_000);
  const { holderId } = await seed(desk);
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.goto(desk.url);
  await logIn(page, 'orderer', PASSWORD);

  await page.goto(`${desk.origin}/#/holders/${holderId}`);
  await page.getByTestId('holder-order-card').click();
  await expect(page.getByTestId('screen-title')).toHaveText('Order a card for Łukasz Šarūnas-Lindqvist');

  // Each field says what is wrong as soon as it is left.
  await page.getByTestId('order-familyName').fill('');
  await page.getByTestId('order-familyName').blur();
  await expect(page.getByTestId('order-familyName-error')).toHaveText('Fill in this field.');
  await page.getByTestId('order-familyName').fill('Šarūnas-Lindqvist');
  await expect(page.getByTestId('order-familyName-error')).toHaveCount(0);
  await page.getByTestId('order-send').click();
  await expect(page.getByTestId('order-namesConfirmed-error')).toContainText('tick the box');
  await expect(page.getByTestId('order-site-error')).toHaveText('Fill in this field.');
  await expect(page.getByTestId('order-photo-error')).toHaveText('Fill in this field.');

  await page.getByTestId('order-namesConfirmed').click();
  await page.getByTestId('order-site').fill('Kv. Gasklockan');

  // The photo from the desk camera (Chromium's fake device), cropped to 3:4.
  await page.getByTestId('photo-camera').click();
  await expect(page.getByTestId('photo-video')).toBeVisible();
  await expect
    .poll(() => page.getByTestId('photo-video').evaluate((v) => (v as HTMLVideoElement).videoWidth), {
      timeout: 15_000,
    })
    .toBeGreaterThan(0);
  await page.getByTestId('photo-take').click();
  await expect(page.getByTestId('photo-stage')).toBeVisible();
  // Keyboard: zoom in a little and move; the crop stays inside the picture.
  await page.getByTestId('photo-stage').focus();
  await page.keyboard.press('+');
  await page.keyboard.press('ArrowLeft');
  await screenshot(page, 'order-photo-crop-1024');
  expect(await smallTargets(page), 'crop step').toEqual([]);
  await page.getByTestId('photo-use').click();
  await expect(page.getByTestId('photo-chosen')).toBeVisible();
  await expect(page.getByTestId('photo-facts')).toContainText(/\d+ × \d+ pixels/);
  await expect(page.getByTestId('order-photo-error')).toHaveCount(0);
  await screenshot(page, 'order-form-1024');
  expect(await smallTargets(page), 'order form').toEqual([]);
  await page.setViewportSize({ width: 1920, height: 1080 });
  await screenshot(page, 'order-form-1920');
  await page.setViewportSize({ width: 1024, height: 768 });

  await page.getByTestId('order-send').click();
  await expect(page.getByTestId('order-state')).toHaveText('Waiting for approval');
  await expect(page.getByTestId('order-waiting')).toContainText('Waiting for a colleague');
  // The orderer has no Approve button, and the core refuses them too.
  await expect(page.getByTestId('order-approve')).toHaveCount(0);
  await expect(page.getByTestId('order-reject')).toHaveCount(0);
  const orderId = page.url().split('/').pop()!;
  const orderer = typed(desk.desk.connect());
  await orderer.must('session.login', { username: 'orderer', password: PASSWORD });
  expect(await orderer.call('orders.approve', { id: orderId })).toMatchObject({
    ok: false,
    error: { code: 'own_order' },
  });
  orderer.raw.close();
  await screenshot(page, 'order-waiting-1024');

  await page.getByTestId('logout').click();
  await logIn(page, 'approver', PASSWORD);
  await page.getByTestId('nav-cards').click();
  await expect(page.getByTestId('screen-title')).toHaveText('Cards');
  await expect(page.getByTestId('queue-row')).toHaveText(['Łukasz Šarūnas-Lindqvist']);
  await screenshot(page, 'cards-waiting-1024');
  await expect.poll(() => smallTargets(page), { message: 'cards' }).toEqual([]);
  await page.getByTestId('queue-row').click();
  await expect(page.getByTestId('order-photo')).toBeVisible();
  await expect(page.getByTestId('compare-familyName')).toHaveAttribute('data-changed', 'false');
  await screenshot(page, 'order-approval-1024');
  expect(await smallTargets(page), 'approval view').toEqual([]);
  await page.setViewportSize({ width: 1920, height: 1080 });
  await screenshot(page, 'order-approval-1920');
  await page.getByTestId('order-approve').click();
  await expect(page.getByTestId('order-state')).toHaveText('Approved');
  await expect(page.getByTestId('order-card-number')).toHaveText(/^FD\d{10}$/);
  const number = await page.getByTestId('order-card-number').textContent();

  await page.getByTestId('order-open-holder').click();
  await expect(page.getByTestId('holder-name')).toHaveText('Łukasz Šarūnas-Lindqvist');
  const card = page.locator('.card', { hasText: number! });
  await expect(card.getByTestId('card-state')).toHaveText('Approved');
  await screenshot(page, 'order-holder-approved-1920');
});

test('a rejection with its reason reaches the orderer’s list', async ({ page, desk }) => {
  const { holderId } = await seed(desk);
  const orderer = typed(desk.desk.connect());
  await orderer.must('session.login', { username: 'orderer', password: PASSWORD });
  const approver = typed(desk.desk.connect());
  await approver.must('session.login', { username: 'approver', password: PASSWORD });
  const holder = await orderer.must('holders.get', { id: holderId });
  const { makePng, photoInput } = await import('../harness/images');
  const order = await orderer.must('orders.place', {
    holderId,
    kind: 'new',
    includes: 'both',
    cardKind: 'id06',
    givenName: holder.givenName,
    familyName: holder.familyName,
    namesConfirmed: true,
    identityCountry: 'SE',
    identityNumber: holder.identityNumber,
    organisationId: holder.organisation!.id,
    email: 'lukasz@nordbygg.se',
    phone: '+46 70 123 45 67',
    validUntil: new Date(Date.now() + 365 * 86_400_000).toISOString().slice(0, 10),
    site: 'Kv. Gasklockan',
    photo: photoInput(makePng(330, 440)),
    photoTakenAt: new Date().toISOString(),
  });
  await approver.must('orders.reject', { id: order.id, reason: 'The photo is a blue square.' });
  orderer.raw.close();
  approver.raw.close();

  await page.setViewportSize({ width: 1024, height: 768 });
  await page.goto(desk.url);
  await logIn(page, 'orderer', PASSWORD);
  await page.getByTestId('nav-cards').click();
  await page.getByTestId('cards-tab-rejected').click();
  await expect(page.getByTestId('queue-reason')).toHaveText(['The photo is a blue square.']);
  await screenshot(page, 'cards-rejected-1024');
  await page.getByTestId('queue-row').click();
  await expect(page.getByTestId('order-rejection')).toHaveText(
    'Rejected by Agnes Approver: The photo is a blue square.',
  );

  // The same in Swedish, and the form a Swedish orderer fills in.
  await chooseOption(page, 'language-switcher', 'Svenska');
  await expect(page.getByTestId('order-rejection')).toHaveText(
    'Avslagen av Agnes Approver: The photo is a blue square.',
  );
  await screenshot(page, 'order-rejected-sv-1024');
  await page.goto(`${desk.origin}/#/cards/orders/new?holderId=${holderId}`);
  await expect(page.getByTestId('screen-title')).toHaveText('Beställ kort till Łukasz Šarūnas-Lindqvist');
  await page.getByTestId('order-send').click();
  await expect(page.getByTestId('order-photo-error')).toHaveText('Fyll i det här fältet.');
  await screenshot(page, 'order-form-sv-1024');
  expect(await smallTargets(page), 'order form in Swedish').toEqual([]);
});

test('a phone photo of several megabytes is scaled down on the desk and taken', async ({ page, desk }) => {
  const { holderId } = await seed(desk);
  const { makeLargePng } = await import('../harness/images');
  const large = makeLargePng(5_000_000);
  expect(large.length).toBeGreaterThan(4_000_000);
  await page.goto(desk.url);
  await logIn(page, 'orderer', PASSWORD);
  await page.goto(`${desk.origin}/#/cards/orders/new?holderId=${holderId}`);
  await page
    .getByTestId('photo-file-input')
    .setInputFiles({ name: 'IMG_2041.png', mimeType: 'image/png', buffer: large });
  await expect(page.getByTestId('photo-stage')).toBeVisible();
  // Touch: drag the picture with a finger-sized pointer, then use it.
  const stage = await page.getByTestId('photo-stage').boundingBox();
  await page.mouse.move(stage!.x + 120, stage!.y + 160);
  await page.mouse.down();
  await page.mouse.move(stage!.x + 150, stage!.y + 170, { steps: 4 });
  await page.mouse.up();
  await page.getByTestId('photo-use').click();
  await expect(page.getByTestId('photo-chosen')).toBeVisible({ timeout: 20_000 });
  const facts = await page.getByTestId('photo-facts').textContent();
  const [, width, height, kb] = /(\d+) × (\d+) pixels, (\d+) kB/.exec(facts ?? '')!.map(Number);
  expect(kb).toBeLessThanOrEqual(1024);
  expect(width! / height!).toBeCloseTo(0.75, 2);
  expect(height).toBeGreaterThanOrEqual(410);
  await expect(page.getByTestId('order-photo-error')).toHaveCount(0);
});
