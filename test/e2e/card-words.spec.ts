// Every code the core sends about a card reaches the operator as words in their language: the block
// reason and chip technology on the holder page, and why a presented card is red or unreadable.
import { generateIdentityNumber } from '../../src-shared/domain/identity-number';
import { typed } from '../harness/test-desk';
import { ADMIN, expect, test } from './fixtures';
import { chooseOption, closeBrowser, openAsAdmin } from './helpers';

test.afterEach(closeBrowser);

test('a Swedish operator reads block reasons, chips, dates and read problems in Swedish', async ({
  page,
  desk,
}) => {
  await openAsAdmin(page, desk);
  const api = typed(desk.desk.connect());
  await api.must('session.login', { username: ADMIN.username, password: ADMIN.password });
  const holder = await api.must('holders.create', {
    givenName: 'Jonas',
    familyName: 'Berg',
    identityCountry: 'SE',
    identityNumber: generateIdentityNumber('SE', new Date('1979-05-02'), 404),
    hasEid: true,
  });
  const stolen = await api.must('cards.register', {
    holderId: holder.id,
    kind: 'access_card',
    printedNumber: 'NB-5001',
  });
  await api.must('cards.bindCredential', { cardId: stolen.id, technology: 'iso14443a_uid', hex: '04A2B3C4' });
  desk.desk.db
    .prepare(`UPDATE cards SET state = 'blocked', block_reason = 'stolen' WHERE id = ?`)
    .run(stolen.id);

  await chooseOption(page, 'language-switcher', 'Svenska');
  await page.goto(`${desk.url.split('#')[0]}#/holders/${holder.id}`);
  const card = page.getByTestId('card');
  await expect(card.getByTestId('card-state')).toHaveText('Spärrat');
  await expect(card.getByTestId('card-block-reason')).toHaveText('Stulet');
  await expect(card.locator('.card__credential')).toHaveText('ISO 14443 A-chip (UID) · 04A2B3C4');

  // Taps reach every logged-in screen: one made at another screen shows here, in words.
  await page.getByTestId('nav-home').click();
  await api.must('readers.wedgeRead', { text: '04A2B3C4' });
  await expect(page.getByTestId('presented-status')).toHaveText('Spärrat kort');
  await expect(page.getByTestId('presented-reason')).toHaveText('Anmält stulet');

  desk.desk.db
    .prepare(
      `UPDATE cards SET state = 'active', block_reason = NULL, valid_until = '2025-01-31' WHERE id = ?`,
    )
    .run(stolen.id);
  await api.must('readers.wedgeRead', { text: '04A2B3C4' });
  await expect(page.getByTestId('presented-reason')).toHaveText('Gick ut den 31 jan. 2025');

  await api.must('readers.wedgeRead', { text: 'not a card!' });
  await expect(page.getByTestId('presented-status')).toHaveText('Kortet kunde inte läsas');
  await expect(page.getByTestId('presented-detail')).toHaveText(
    'Läsaren rapporterade: ett kortnummer med ett tecken som inte hör hemma där (läsarprofil: Tangentbordsläsare, UID hexadecimalt)',
  );
  await expect(page.getByTestId('card-presentation')).not.toContainText(/stolen|invalid_character|wedge-hex/);
  api.raw.close();
});
