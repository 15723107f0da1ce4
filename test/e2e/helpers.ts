// Steps the end-to-end specs share: log in, pick from a PrimeVue select, make a portrait photo.
import { PNG } from 'pngjs';
import { expect, type BrowserContext, type Page, type TestInfo } from '@playwright/test';
import { typed } from '../harness/test-desk';
import { ADMIN, type DeskFixture } from './fixtures';

/**
 * Closes the browser context before the desk fixture stops its web host. Chromium keeps preconnected
 * sockets that never send a request, and Node's server.close() waits for those until its headers
 * timeout (60 s); without the browser's sockets the host closes at once. A failed test keeps its
 * context, so Playwright can still take its failure screenshot.
 */
export async function closeBrowser(
  { context }: { context: BrowserContext },
  testInfo: TestInfo,
): Promise<void> {
  if (testInfo.status === testInfo.expectedStatus) await context.close();
}

export async function logIn(page: Page, username = ADMIN.username, password = ADMIN.password): Promise<void> {
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-password').press('Enter');
  await expect(page.getByTestId('card-presentation')).toBeVisible();
}

/** Opens the desk with a first administrator already created, logged in as them. */
export async function openAsAdmin(page: Page, desk: DeskFixture): Promise<void> {
  await desk.seedAdmin();
  await page.goto(desk.url);
  await expect(page.getByTestId('login-username')).toBeFocused();
  await logIn(page);
}

/** Creates an operator through the API, as the seeded administrator. */
export async function seedOperator(
  desk: DeskFixture,
  operator: {
    username: string;
    displayName: string;
    password: string;
    roles: ('reception' | 'card_admin')[];
  },
): Promise<void> {
  const connection = typed(desk.desk.connect());
  await connection.must('session.login', { username: ADMIN.username, password: ADMIN.password });
  await connection.must('operators.create', { ...operator, language: 'en' });
  connection.raw.close();
}

export async function chooseOption(page: Page, testId: string, option: string | RegExp): Promise<void> {
  await page.getByTestId(testId).click();
  await page.getByRole('option', { name: option }).click();
  await expect(page.locator('.p-select-overlay')).toHaveCount(0);
}

/** A 300×400 portrait-like PNG (background, head and shoulders), so screenshots look like a desk. */
export function portraitPng(tint: [number, number, number] = [96, 140, 170]): Buffer {
  const width = 300;
  const height = 400;
  const png = new PNG({ width, height });
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      const isHead = (x - 150) ** 2 / 70 ** 2 + (y - 160) ** 2 / 88 ** 2 <= 1;
      const isShoulders = y > 270 && (x - 150) ** 2 / 140 ** 2 + (y - 420) ** 2 / 150 ** 2 <= 1;
      const shade = 1 - y / (height * 3);
      const [r, g, b] = isHead
        ? [226, 188, 160]
        : isShoulders
          ? tint
          : [222 * shade, 230 * shade, 236 * shade];
      png.data[i] = r;
      png.data[i + 1] = g;
      png.data[i + 2] = b;
      png.data[i + 3] = 255;
    }
  }
  return PNG.sync.write(png);
}

const CONTROLS =
  'button, a[href], input:not([type=file]):not([type=checkbox]), [role=combobox], .p-checkbox, .desk-check';

/** Visible controls smaller than 44×44 px (a checkbox counts with its label, which is the target). */
export async function smallTargets(page: Page): Promise<string[]> {
  return page.locator(CONTROLS).evaluateAll((elements) =>
    elements
      .filter((el) => (el as HTMLElement).offsetParent !== null && !el.closest('.desk-check, .p-password'))
      .concat(elements.filter((el) => el.matches('.desk-check')))
      .map((el) => ({ el, box: el.getBoundingClientRect() }))
      .filter(({ box }) => box.width > 0 && (box.width < 43.5 || box.height < 43.5))
      .map(
        ({ el, box }) => `${el.outerHTML.slice(0, 90)} ${Math.round(box.width)}×${Math.round(box.height)}`,
      ),
  );
}
