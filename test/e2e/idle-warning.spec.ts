// A desk that is only being tapped keeps its operator; before the idle logout the screen warns with a
// countdown, and a tap or "Stay logged in" keeps the session. Once logged out, a tap only asks for a
// login: nothing about the person reaches the signed-out screen. The desk's idle timeout is short
// here (12 s: the warning comes after 6 s); taps come from a second screen's keyboard-wedge read,
// which the desk sends to every screen as it would a tap on a reader.
import { typed, type TypedConnection } from '../harness/test-desk';
import { ADMIN, expect, screenshot, test } from './fixtures';
import { closeBrowser, logIn } from './helpers';

test.afterEach(closeBrowser);
test.use({ idleTimeoutSeconds: 12 });

const UID = '04A2B3C4D5E6F7';

async function seedHolderWithCard(admin: TypedConnection): Promise<void> {
  const holder = await admin.must('holders.create', {
    givenName: 'Karin',
    familyName: 'Lindqvist',
    identityCountry: 'SE',
    identityNumber: '19121212-1212',
    hasEid: true,
  });
  const card = await admin.must('cards.register', {
    holderId: holder.id,
    kind: 'access_card',
    printedNumber: 'NB-1001',
  });
  await admin.must('cards.bindCredential', { cardId: card.id, technology: 'iso14443a_uid', hex: UID });
}

test('a warning counts down before the idle logout; a tap or "Stay logged in" keeps the session', async ({
  page,
  desk,
}) => {
  test.setTimeout(90_000);
  await desk.seedAdmin();
  const other = typed(desk.desk.connect());
  // The other screen idles out like this one: it logs in afresh for each tap.
  const tap = async () => {
    await other.must('session.login', { username: ADMIN.username, password: ADMIN.password });
    await other.must('readers.wedgeRead', { text: UID });
  };
  await other.must('session.login', { username: ADMIN.username, password: ADMIN.password });
  await seedHolderWithCard(other);
  await page.goto(desk.url);
  await logIn(page);

  const warning = page.getByTestId('idle-warning');
  const until = { timeout: 15_000 };
  await expect(warning).toBeVisible(until);
  await expect(page.getByTestId('idle-warning-text')).toHaveText(/^You will be logged out in 0:0[1-6]$/);
  await screenshot(page, 'idle-warning');

  // A tap, with no click or key on this screen: the warning goes and the holder shows.
  await tap();
  await expect(page.getByTestId('presented-name')).toHaveText('Karin Lindqvist');
  await expect(warning).toBeHidden();

  await expect(warning).toBeVisible(until);
  // By keyboard: moving a mouse there is activity already and puts the warning away on its own.
  await page.getByTestId('idle-warning-stay').focus();
  await page.keyboard.press('Enter');
  await expect(warning).toBeHidden();
  await expect(page.getByTestId('operator-name')).toHaveText(ADMIN.displayName);

  // Nobody answers this time: the screen logs out and says why.
  await expect(warning).toBeVisible(until);
  await expect(page.getByTestId('login-ended')).toHaveText(
    'You were logged out after 12 seconds without activity.',
    until,
  );

  // A tap at the logged-out screen asks for a login, and shows nothing about the person.
  await tap();
  await expect(page.getByTestId('signed-out-tap')).toHaveText(
    'A card was presented. Log in to see who this is.',
  );
  const text = await page.locator('body').innerText();
  for (const secret of ['Karin', 'Lindqvist', 'NB-1001', UID]) expect(text).not.toContain(secret);
  await screenshot(page, 'login-signed-out-tap');
  other.raw.close();
});
