// The reception screens at the desk's common screen sizes, in English and Swedish, with a tapped
// holder and with a page of search results: what a person at the desk would notice. The top bar
// stays one line; the tapped card's validity and "Open holder" are on screen without scrolling; the
// face is large enough to compare with the person at 1920×1080; result rows never overlap; controls
// are big enough to touch and reachable with Tab. Screenshots: test-results/screens/layout-*.png.
import type { Locator, Page } from '@playwright/test';
import { generateIdentityNumber } from '../../src-shared/domain/identity-number';
import { generateOrganisationNumber } from '../../src-shared/domain/organisation-number';
import { typed, type TypedConnection } from '../harness/test-desk';
import { ADMIN, expect, test } from './fixtures';
import { chooseOption, closeBrowser, logIn, portraitPng } from './helpers';

test.afterEach(closeBrowser);

const SIZES = [
  { width: 1024, height: 768, minPhoto: 240 },
  { width: 1280, height: 800, minPhoto: 300 },
  { width: 1920, height: 1080, minPhoto: 480 },
] as const;
const LANGUAGES = [
  { code: 'en', name: 'English', validUntil: 'Valid until' },
  { code: 'sv', name: 'Svenska', validUntil: 'Giltigt till' },
] as const;
const UID = '04A2B3C4D5E6F7';
const TOUCH_PX = 44;
const GIVEN = ['Karin', 'Maria', 'Johanna', 'Eva', 'Ingrid', 'Kristina', 'Sara', 'Annika', 'Helena'];
const FAMILY = ['Lindqvist', 'Lindberg', 'Lindström'];

async function seed(admin: TypedConnection): Promise<void> {
  const employer = await admin.must('organisations.create', {
    name: 'Kvarteret Bryggan Fastighetsförvaltning AB',
    country: 'SE',
    number: generateOrganisationNumber('SE', 4711),
  });
  const photo = { mime: 'image/png', base64: portraitPng().toString('base64') };
  let serial = 0;
  for (const familyName of FAMILY) {
    for (const givenName of GIVEN) {
      serial += 1;
      const holder = await admin.must('holders.create', {
        givenName,
        familyName,
        identityCountry: 'SE',
        identityNumber: generateIdentityNumber('SE', new Date('1984-03-14'), 200 + serial),
        organisationId: employer.id,
        hasEid: true,
        ...(serial === 1 ? { photo } : {}),
      });
      // Two cards each: the rows that used to overlap.
      for (const [kind, printedNumber] of [
        ['access_card', `KB-${100200 + serial}`],
        ['id06', `ID06-${4400800 + serial}`],
      ] as const) {
        const card = await admin.must('cards.register', {
          holderId: holder.id,
          kind,
          printedNumber,
          validUntil: '2029-06-30',
        });
        if (serial === 1 && kind === 'access_card')
          await admin.must('cards.bindCredential', {
            cardId: card.id,
            technology: 'iso14443a_uid',
            hex: UID,
          });
      }
    }
  }
}

async function box(locator: Locator) {
  const found = await locator.boundingBox();
  if (!found) throw new Error(`not on screen: ${locator.toString()}`);
  return found;
}

async function shot(page: Page, name: string): Promise<void> {
  // What the person sees without scrolling: the viewport, not the full page.
  await page.screenshot({ path: `test-results/screens/layout-${name}.png` });
}

/** The top bar is one line: every control in it sits on the same row, and it is no taller than one. */
async function expectTopBarOnOneLine(page: Page): Promise<void> {
  const bar = await box(page.locator('header.topbar'));
  expect(bar.height, 'top bar height').toBeLessThanOrEqual(72);
  const logout = await box(page.getByTestId('logout'));
  for (const testId of ['nav-home', 'nav-operators', 'language-switcher']) {
    const item = await box(page.getByTestId(testId));
    expect(Math.abs(item.y + item.height / 2 - (logout.y + logout.height / 2)), testId).toBeLessThan(6);
  }
}

async function expectTouchable(page: Page, testIds: string[]): Promise<void> {
  for (const testId of testIds) {
    const target = await box(page.getByTestId(testId).first());
    expect(target.height, `${testId} height`).toBeGreaterThanOrEqual(TOUCH_PX);
    expect(target.width, `${testId} width`).toBeGreaterThanOrEqual(TOUCH_PX);
  }
}

for (const size of SIZES) {
  for (const language of LANGUAGES) {
    const name = `${size.width}x${size.height}-${language.code}`;

    test(`at ${name}: a tapped holder fits the screen, the top bar is one line, result rows stay apart`, async ({
      page,
      desk,
    }) => {
      test.setTimeout(90_000);
      await page.setViewportSize({ width: size.width, height: size.height });
      await desk.seedAdmin();
      const other = typed(desk.desk.connect());
      await other.must('session.login', { username: ADMIN.username, password: ADMIN.password });
      await seed(other);
      await page.goto(desk.url);
      await logIn(page);
      if (language.code !== 'en') await chooseOption(page, 'language-switcher', language.name);
      await expect(page.locator('html')).toHaveAttribute('lang', language.code);

      // A tap: the holder, with validity and "Open holder" in view.
      await other.must('readers.wedgeRead', { text: UID });
      await expect(page.getByTestId('presented-name')).toHaveText('Karin Lindqvist');
      await expect(page.getByTestId('card-presentation').locator('img')).toHaveAttribute(
        'src',
        /^data:image\/png/,
      );
      await expectTopBarOnOneLine(page);
      for (const testId of ['presented-valid-until', 'presented-open-holder', 'presented-done']) {
        const item = await box(page.getByTestId(testId));
        expect(item.y, `${testId} top`).toBeGreaterThanOrEqual(0);
        expect(
          item.y + item.height,
          `${testId} bottom in the ${size.height} px viewport`,
        ).toBeLessThanOrEqual(size.height);
      }
      await expect(page.getByText(language.validUntil, { exact: true })).toBeVisible();
      const photo = await box(page.getByTestId('card-presentation').getByTestId('holder-photo'));
      expect(photo.height, 'photo height').toBeGreaterThanOrEqual(size.minPhoto);
      expect(photo.y + photo.height, 'photo bottom').toBeLessThanOrEqual(size.height);
      await expectTouchable(page, [
        'nav-home',
        'nav-readers',
        'language-switcher',
        'sound-toggle',
        'logout',
        'presented-open-holder',
        'presented-done',
      ]);
      await shot(page, `${name}-tap`);

      // Every control is reachable with Tab, in order, from the top.
      await page.getByTestId('nav-home').focus();
      const reached = new Set<string>();
      for (let i = 0; i < 20; i++) {
        const testId = await page.evaluate(() => {
          const active = document.activeElement as HTMLElement | null;
          return active?.closest('[data-testid]')?.getAttribute('data-testid') ?? '';
        });
        reached.add(testId);
        await page.keyboard.press('Tab');
      }
      for (const testId of [
        'nav-operators',
        'sound-toggle',
        'logout',
        'presented-open-holder',
        'presented-done',
        'holder-search',
      ])
        expect([...reached], testId).toContain(testId);

      // A page of results for holders with two cards each: no row overlaps the next.
      await page.getByTestId('holder-search').fill('lind');
      const rows = page.getByTestId('holder-result');
      await expect(rows).toHaveCount(20);
      await expect(page.getByTestId('search-total')).toBeVisible();
      const boxes = await rows.evaluateAll((elements) =>
        elements.slice(0, 6).map((row) => {
          const rect = row.getBoundingClientRect();
          const inner = [...row.querySelectorAll('*')].map((e) => e.getBoundingClientRect());
          return {
            top: rect.top,
            bottom: rect.bottom,
            left: rect.left,
            right: rect.right,
            innerTop: Math.min(...inner.map((r) => r.top)),
            innerBottom: Math.max(...inner.map((r) => r.bottom)),
            innerRight: Math.max(...inner.map((r) => r.right)),
          };
        }),
      );
      for (const [i, row] of boxes.entries()) {
        expect(row.bottom - row.top, `row ${i} height`).toBeGreaterThanOrEqual(TOUCH_PX);
        expect(row.innerTop, `row ${i} content top`).toBeGreaterThanOrEqual(row.top - 0.5);
        expect(row.innerBottom, `row ${i} content bottom`).toBeLessThanOrEqual(row.bottom + 0.5);
        expect(row.innerRight, `row ${i} content right`).toBeLessThanOrEqual(row.right + 0.5);
        const next = boxes[i + 1];
        if (next) expect(row.bottom, `row ${i} ends before row ${i + 1}`).toBeLessThanOrEqual(next.top);
      }
      await expectTopBarOnOneLine(page);
      await shot(page, `${name}-results`);
      other.raw.close();
    });
  }
}
