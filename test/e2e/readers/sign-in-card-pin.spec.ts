// Card and PIN (DESIGN.md flow 6): an operator taps their own active card on a real PC/SC reader
// (pcscd + vpcd, a virtual card) at the signed-out desk and gives their PIN. A wrong PIN says so in
// words; the right one signs in. Screenshots: test-results/screens/sign-in-card-pin-*.png.
import { generateIdentityNumber } from '../../../src-shared/domain/identity-number';
import { typed } from '../../harness/test-desk';
import { closeBrowser } from '../helpers';
import { SIZES } from '../sign-in-steps';
import { expect, screenshot, test } from './fixtures';

test.afterEach(closeBrowser);

const RITA = { username: 'rita', displayName: 'Rita Reception', password: 'granite harbour lamp' };
const PIN = '482913';
const UID = '04C1D2E3F40516';

test('an operator taps their own card and gives the PIN', async ({ page, desk, reader }) => {
  const identityNumber = generateIdentityNumber('SE', new Date('1990-05-20'), 42);
  await reader.admin.must('operators.create', {
    ...RITA,
    roles: ['reception'],
    language: 'en',
    identity: { country: 'SE', number: identityNumber },
  });
  // Her own card: a holder with her identity number, and an active card with a chip.
  const holder = await reader.admin.must('holders.create', {
    givenName: 'Rita',
    familyName: 'Reception',
    identityCountry: 'SE',
    identityNumber,
    organisationId: null,
    hasEid: true,
  });
  const card = await reader.admin.must('cards.register', {
    holderId: holder.id,
    kind: 'access_card',
    printedNumber: 'OP-0042',
    validUntil: '2030-12-31',
  });
  await reader.admin.must('cards.bindCredential', { cardId: card.id, technology: 'iso14443a_uid', hex: UID });
  // She sets her PIN while the password alone still signs in; then card and PIN becomes the way in.
  const rita = typed(desk.desk.connect());
  await rita.must('session.login', { username: RITA.username, password: RITA.password });
  await rita.must('factors.setPin', { password: RITA.password, pin: PIN });
  rita.raw.close();
  await reader.admin.must('signIn.setPolicy', { methods: ['card_pin', 'totp'], defaultMethod: 'card_pin' });

  await page.goto(desk.url);
  await expect(page.getByTestId('login-tap-hint')).toHaveText('Or tap your card on the reader');
  await reader.tap(UID);
  await expect(page.getByTestId('card-pin-lead')).toHaveText('Card read. Enter your PIN.');
  await expect(page.getByTestId('card-pin-countdown')).toContainText('seconds left');
  await expect(page.getByTestId('signed-out-tap')).toHaveCount(0);
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await screenshot(page, `sign-in-card-pin-en-${size.width}x${size.height}`);
  }
  await page.setViewportSize(SIZES[0]);

  await page.getByTestId('card-pin').fill('000000');
  await page.getByTestId('card-pin').press('Enter');
  await expect(page.getByTestId('card-pin-error')).toHaveText(/Wrong card or PIN\.|Tap your card again\./);
  await expect(page.getByTestId('card-presentation')).toHaveCount(0);

  // A new tap starts the minute again; the right PIN signs her in.
  await reader.tap(UID);
  await expect(page.getByTestId('card-pin')).toBeVisible();
  await page.getByTestId('card-pin').fill(PIN);
  await page.getByTestId('card-pin').press('Enter');
  await expect(page.getByTestId('card-presentation')).toBeVisible();
  await expect(page.getByTestId('operator-name')).toHaveText(RITA.displayName);
});
