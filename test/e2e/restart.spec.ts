// The web host restarts under an open tab: each launch has its own token, so the tab must say that
// the desk was restarted, and take the new link pasted into the same tab without a reload.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createDesk, type Desk } from '../../src-main/core/create-desk';
import { startWebHost, type WebHost } from '../../src-main/web/web-host';
import { ADMIN, expect, PASSWORD_POLICY, screenshot, setSignInPolicy, test } from './fixtures';
import { closeBrowser, logIn } from './helpers';

let dir: string;
let desk: Desk;
let host: WebHost;

test.beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'frontdesk-e2e-restart-'));
  desk = createDesk({ databasePath: join(dir, 'desk.sqlite'), deskName: 'Reception A' });
  const connection = desk.connect();
  const created = await connection.call('setup.createFirstAdmin', {
    username: ADMIN.username,
    password: ADMIN.password,
    displayName: ADMIN.displayName,
    language: 'en',
  });
  expect(created.ok).toBe(true);
  await setSignInPolicy(connection, PASSWORD_POLICY);
  connection.close();
  host = await startWebHost({ desk, rendererDir: resolve('out/renderer') });
});
test.afterEach(closeBrowser);
test.afterEach(async () => {
  await host.close();
  await desk.close();
  rmSync(dir, { recursive: true, force: true });
});

test('after a restart the tab says so, and the new link pasted into it connects again', async ({ page }) => {
  await page.goto(host.openUrl);
  await logIn(page);
  // Marks this page load: a reload would lose it.
  await page.evaluate(() => ((window as unknown as { samePage: boolean }).samePage = true));

  // The host stops: the tab says the connection is lost, and a search says so instead of nothing.
  await host.close();
  await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'reconnecting');
  await page.getByTestId('holder-search').fill('Astrid');
  await expect(page.getByText('There is no connection to the desk right now')).toBeVisible();

  // It starts again on the same port with a new token: the old link is refused.
  const port = Number(new URL(host.url).port);
  host = await startWebHost({ desk, rendererDir: resolve('out/renderer'), port });
  await expect(page.getByTestId('launch-link')).toHaveAttribute('data-reason', 'restarted', {
    timeout: 20_000,
  });
  await expect(page.getByTestId('screen-title')).toHaveText('The desk was restarted');
  await screenshot(page, 'desk-restarted');

  // The new link pasted into the same tab: only the fragment changes, so the page stays.
  await page.evaluate((url) => (window.location.href = url), host.openUrl);
  await expect(page.getByTestId('login-username')).toBeVisible();
  expect(page.url()).not.toContain('token=');
  expect(await page.evaluate(() => (window as unknown as { samePage?: boolean }).samePage)).toBe(true);
  await logIn(page);
  await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'open');
});
