// Card actions end to end in Chromium, with virtual cards tapped through the real pcscd: reception
// hands over a ready card with a tap and the holder shows green; blocks it as lost from the presented
// card; the same tap then shows red with "Reported lost", and the card's mobile ID is blocked too.
// Blocking a lost card by name takes at most four touches, counted as the browser receives them.
import type { Page } from '@playwright/test';
import { insertReadyCard } from '../../harness/ready-cards';
import { closeBrowser, seedOperator } from '../helpers';
import { expect, openDesk, screenshot, test } from './fixtures';

test.afterEach(closeBrowser);

const RITA = { username: 'rita', displayName: 'Rita Reception', password: 'welcome to the desk 7' };
const NEW_CARD_UID = '04C0FFEE123456';

/** Screenshots at the two sizes a desk runs at, then back to the test's own size. */
async function atBothSizes(page: Page, name: string): Promise<void> {
  const before = page.viewportSize();
  for (const [width, height] of [
    [1024, 768],
    [1920, 1080],
  ] as const) {
    await page.setViewportSize({ width, height });
    await screenshot(page, `${name}-${width}`);
  }
  if (before) await page.setViewportSize(before);
}

/** Counts every touch or click the page receives from now on (pointerdown, capture phase). */
async function countTouches(page: Page): Promise<() => Promise<number>> {
  await page.evaluate(() => {
    const w = window as unknown as { touches: number };
    w.touches = 0;
    document.addEventListener('pointerdown', () => (w.touches += 1), true);
  });
  return () => page.evaluate(() => (window as unknown as { touches: number }).touches);
}

test('hand over with a tap, block as lost from the tap, the same tap then shows red, its mobile ID blocked', async ({
  page,
  desk,
  reader,
}) => {
  const { holderId } = await reader.seedHolder({
    givenName: 'Łukasz',
    familyName: 'Šarūnas',
    employer: 'Nordbygg AB',
    cards: [],
  });
  const { cardId, mobileId } = insertReadyCard(desk.desk.db, holderId, 'AB5000000001', {});
  await seedOperator(desk, { ...RITA, roles: ['reception'] });
  await openDesk(page, desk, RITA.username, RITA.password);

  await page.getByTestId('idle-ready').click();
  await expect(page.getByTestId('ready-name')).toHaveText('Łukasz Šarūnas');
  await atBothSizes(page, 'card-actions-ready');
  await page.getByTestId('ready-hand-over').click();
  await expect(page.getByTestId('handover-name')).toHaveText('Łukasz Šarūnas');
  await expect(page.getByTestId('handover-confirm')).toBeDisabled();
  await page.getByTestId('handover-face').click();
  await reader.tap(NEW_CARD_UID);
  await expect(page.getByTestId('handover-chip')).toContainText(NEW_CARD_UID);
  await atBothSizes(page, 'card-actions-hand-over');
  await page.getByTestId('handover-confirm').click();

  const status = page.getByTestId('presented-status');
  await expect(status).toHaveAttribute('data-status', 'active');
  await expect(status).toHaveCSS('background-color', 'rgb(22, 163, 74)');
  await expect(page.getByTestId('presented-name')).toHaveText('Łukasz Šarūnas');
  await expect(page.getByTestId('presented-card-number')).toHaveText('AB5000000001');

  // The same card tapped again: the desk finds it, green.
  await page.getByTestId('presented-done').click();
  await reader.tap(NEW_CARD_UID);
  await expect(status).toHaveAttribute('data-status', 'active');

  const touches = await countTouches(page);
  await page.getByTestId('presented-block').click();
  await page.getByTestId('block-reason-lost').click();
  await atBothSizes(page, 'card-actions-block-dialog');
  await page.getByTestId('block-confirm').click();
  await expect(page.getByTestId('block-result')).toHaveText('Blocked: lost. Its mobile IDs are blocked too.');
  expect(await touches()).toBeLessThanOrEqual(4);
  await atBothSizes(page, 'card-actions-block-done');
  await page.getByTestId('block-close').click();
  await expect(status).toHaveAttribute('data-status', 'blocked');

  await page.getByTestId('presented-done').click();
  await reader.tap(NEW_CARD_UID);
  await expect(status).toHaveAttribute('data-status', 'blocked');
  await expect(status).toHaveText('Blocked');
  await expect(status).toHaveCSS('background-color', 'rgb(220, 38, 38)');
  await expect(page.getByTestId('presented-icon')).toHaveClass(/pi-ban/);
  await expect(page.getByTestId('presented-reason')).toHaveText('Reported lost');
  await atBothSizes(page, 'card-actions-tap-blocked');

  // The mobile ID went with it: blocked on the holder's page, and in the database.
  await page.getByTestId('presented-open-holder').click();
  const mobile = page.locator(`[data-card-id="${mobileId}"]`);
  await expect(mobile.getByTestId('card-state')).toHaveText('Blocked');
  await expect(mobile.getByTestId('card-block-reason')).toHaveText('Lost');
  await expect(page.locator(`[data-card-id="${cardId}"]`).getByTestId('card-state')).toHaveText('Blocked');
  const states = desk.desk.db
    .prepare('SELECT id, state FROM cards WHERE holder_id = ? ORDER BY id')
    .all(holderId);
  expect(states).toEqual(
    [
      { id: cardId, state: 'blocked' },
      { id: mobileId, state: 'blocked' },
    ].sort((a, b) => a.id!.localeCompare(b.id!)),
  );
  await atBothSizes(page, 'card-actions-holder-blocked');
});

test('reception blocks a lost card by name in at most four touches', async ({ page, desk, reader }) => {
  await reader.seedHolder({
    givenName: 'Ingrid',
    familyName: 'Nygård',
    employer: 'Kvarteret Bryggan AB',
    cards: [{ printedNumber: 'KB-3001', uid: '04ABCDEF010203' }],
  });
  await seedOperator(desk, { ...RITA, roles: ['reception'] });
  await openDesk(page, desk, RITA.username, RITA.password);

  const touches = await countTouches(page);
  await page.getByTestId('idle-block-card').click();
  await page.getByTestId('block-search').fill('nygård');
  await page.getByTestId('holder-result').first().click();
  await expect(page.getByTestId('block-search-holder')).toHaveText('Ingrid Nygård');
  await page.getByTestId('block-reason-stolen').click();
  await atBothSizes(page, 'card-actions-block-search');
  await page.getByTestId('block-confirm').click();
  await expect(page.getByTestId('block-result')).toHaveText('Blocked: stolen.');
  expect(await touches()).toBeLessThanOrEqual(4);

  await page.getByTestId('block-close').click();
  await reader.tap('04ABCDEF010203');
  await expect(page.getByTestId('presented-status')).toHaveAttribute('data-status', 'blocked');
  await expect(page.getByTestId('presented-reason')).toHaveText('Reported stolen');
});
