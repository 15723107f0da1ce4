// A desk whose audit log was tampered with while it was closed: the administrator is told, in the
// browser, from which event; reception works on and is not shown it.
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createDesk } from '../../src-main/core/create-desk';
import { startWebHost } from '../../src-main/web/web-host';
import { typed } from '../harness/test-desk';
import { ADMIN, expect, PASSWORD_POLICY, screenshot, test } from './fixtures';
import { logIn } from './helpers';

const RITA = { username: 'rita', password: 'welcome to the desk 7' };

let dir: string;
test.beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'frontdesk-e2e-audit-'));
});
test.afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A desk with some history, closed, then an event deleted from its file. */
async function tamperedDatabase(): Promise<string> {
  const path = join(dir, 'desk.sqlite');
  const desk = createDesk({ databasePath: path, logger: { error: () => {} } });
  const admin = typed(desk.connect());
  await admin.must('setup.createFirstAdmin', { ...ADMIN, language: 'en' });
  await admin.must('operators.create', {
    ...RITA,
    displayName: 'Rita Reception',
    roles: ['reception'],
    language: 'en',
  });
  await admin.must('organisations.create', { name: 'Bygg AB', country: 'SE', number: '556016-0680' });
  await admin.must('signIn.setPolicy', PASSWORD_POLICY);
  await desk.close();
  const db = new Database(path);
  db.prepare('DELETE FROM audit_events WHERE seq = 2').run();
  db.close();
  return path;
}

test('an administrator sees that the audit log was tampered with; reception works on without it', async ({
  page,
  context,
}) => {
  const desk = createDesk({
    databasePath: await tamperedDatabase(),
    deskName: 'Reception A',
    logger: { error: () => {} },
  });
  const host = await startWebHost({ desk, rendererDir: resolve('out/renderer') });
  try {
    await page.goto(host.openUrl);
    await logIn(page);
    const banner = page.getByTestId('audit-banner');
    await expect(banner).toBeVisible();
    await expect(banner).toContainText('The audit log has been tampered with or damaged');
    await expect(page.getByTestId('audit-banner-problem')).toHaveText(
      'Event 2 has been removed from the log.',
    );
    await expect(banner).toContainText('Keep the database file exactly as it is');
    await screenshot(page, 'audit-banner');

    await page.getByTestId('nav-organisations').click();
    await expect(page.getByTestId('screen-title')).toHaveText('Organisations');
    await expect(banner).toBeVisible();

    await page.getByTestId('logout').click();
    await logIn(page, RITA.username, RITA.password);
    await expect(page.getByTestId('operator-name')).toHaveText('Rita Reception');
    await page.getByTestId('holder-search').fill('Lind');
    await expect(page.getByTestId('search-empty')).toBeVisible();
    await expect(page.getByTestId('audit-banner')).toHaveCount(0);
    await screenshot(page, 'audit-banner-reception');
  } finally {
    await context.close();
    await host.close();
    await desk.close();
  }
});
