// A card administrator at a holder's page: blocks a card for leaving the employer (its mobile ID goes
// with it), then lifts that very block with a reason, and both come back as they were.
import type { Page } from '@playwright/test';
import { generateIdentityNumber } from '../../src-shared/domain/identity-number';
import { insertCard } from '../harness/ready-cards';
import { typed } from '../harness/test-desk';
import { ADMIN, expect, screenshot, test } from './fixtures';
import { closeBrowser, openAsAdmin, portraitPng } from './helpers';

test.afterEach(closeBrowser);

async function atBothSizes(page: Page, name: string): Promise<void> {
  for (const [width, height] of [
    [1024, 768],
    [1920, 1080],
  ] as const) {
    await page.setViewportSize({ width, height });
    await screenshot(page, `${name}-${width}`);
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

test('block for leaving the employer from the holder page, then unblock naming the block', async ({
  page,
  desk,
}) => {
  await openAsAdmin(page, desk);
  const admin = typed(desk.desk.connect());
  await admin.must('session.login', { username: ADMIN.username, password: ADMIN.password });
  const holder = await admin.must('holders.create', {
    givenName: 'Åsa',
    familyName: 'Ŋaŋŋá',
    identityCountry: 'SE',
    identityNumber: generateIdentityNumber('SE', new Date('1979-09-02'), 412),
    email: 'asa@example.se',
    hasEid: true,
    photo: { mime: 'image/png', base64: portraitPng().toString('base64') },
  });
  const physical = await admin.must('cards.register', {
    holderId: holder.id,
    kind: 'id06',
    printedNumber: 'AB6000000001',
    validUntil: '2030-06-30',
  });
  await admin.must('cards.bindCredential', {
    cardId: physical.id,
    technology: 'iso14443a_uid',
    hex: '04AA55AA55AA55',
  });
  const mobileId = insertCard(desk.desk.db, {
    holderId: holder.id,
    kind: 'mobile_id',
    printedNumber: 'AB6000000001-M',
    state: 'active',
    physicalCardId: physical.id,
  });
  admin.raw.close();

  await page.goto(`${desk.url.split('#')[0]}#/holders/${holder.id}`);
  const card = page.locator(`[data-card-id="${physical.id}"]`);
  const mobile = page.locator(`[data-card-id="${mobileId}"]`);
  await expect(card.getByTestId('card-state')).toHaveText('Active');
  await expect(mobile.getByTestId('card-action-lostPhone')).toBeVisible();
  await atBothSizes(page, 'card-admin-holder-actions');

  await card.getByTestId('card-action-block').click();
  await page.getByTestId('block-reason-left_employment').click();
  await page.getByTestId('block-confirm').click();
  await expect(page.getByTestId('block-result')).toHaveText(
    'Blocked: left the employer. Its mobile IDs are blocked too.',
  );
  await page.getByTestId('block-close').click();
  await expect(card.getByTestId('card-state')).toHaveText('Blocked');
  await expect(mobile.getByTestId('card-block-reason')).toHaveText('Left the employer');

  await card.getByTestId('card-action-unblock').click();
  await expect(page.getByTestId('unblock-lifts')).toContainText('Left the employer');
  await expect(page.getByTestId('card-action-confirm')).toBeDisabled();
  await page.getByTestId('card-action-note').fill('Rehired from Monday');
  await atBothSizes(page, 'card-admin-unblock');
  await page.getByTestId('card-action-confirm').click();
  await expect(card.getByTestId('card-state')).toHaveText('Active');
  await expect(mobile.getByTestId('card-state')).toHaveText('Active');
  await expect(page.getByText('Card AB6000000001 is unblocked.')).toBeVisible();
});
