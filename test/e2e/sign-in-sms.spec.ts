// A code by SMS after the password, through the real 46elks protocol to a local gateway peer
// (test/harness/sms-gateway-peer.ts): the masked number and the validity on screen, a wrong code
// with the tries left, the right one signs in; a gateway that is down is said in words and the
// operator is offered the way back. Screenshots: test-results/screens/sign-in-sms-*.png.
import type { Page } from '@playwright/test';
import { createElksSmsGateway } from '../../src-main/core/sign-in/adapters/elks-sms-gateway';
import { startSmsGatewayPeer } from '../harness/sms-gateway-peer';
import { typed } from '../harness/test-desk';
import { ADMIN, expect, test as base } from './fixtures';
import { closeBrowser } from './helpers';
import { signInShots } from './sign-in-steps';

type SmsPeer = Awaited<ReturnType<typeof startSmsGatewayPeer>>;

const test = base.extend<{ sms: SmsPeer }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's needs from this pattern.
  sms: async ({}, use) => {
    const peer = await startSmsGatewayPeer();
    await use(peer);
    await peer.close();
  },
  deskSmsGateway: async ({ sms }, use) => {
    await use(
      createElksSmsGateway({ baseUrl: sms.baseUrl, username: sms.username, from: 'FrontdeskID' }, () =>
        Promise.resolve(sms.password),
      ),
    );
  },
});

test.afterEach(closeBrowser);

const RITA = { username: 'rita', displayName: 'Rita Reception', password: 'granite harbour lamp' };
const MOBILE = '+46701234572';

test.beforeEach(async ({ desk }) => {
  await desk.seedAdmin();
  const admin = typed(desk.desk.connect());
  await admin.must('session.login', { username: ADMIN.username, password: ADMIN.password });
  await admin.must('operators.create', {
    ...RITA,
    roles: ['reception'],
    language: 'en',
    mobilePhone: MOBILE,
  });
  // SMS beside an authenticator app: SMS alone is refused (NIST SP 800-63B §5.1.3.3).
  await admin.must('signIn.setPolicy', { methods: ['sms', 'totp'], defaultMethod: 'sms' });
  admin.raw.close();
});

async function passwordThenSms(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByTestId('login-username').fill(RITA.username);
  await page.getByTestId('login-password').fill(RITA.password);
  await page.getByTestId('login-password').press('Enter');
  // With more than one way on, the operator chooses; with one, it opens at once.
  const choice = page.getByTestId('verify-sms');
  const sent = page.getByTestId('sms-sent').or(page.getByTestId('sms-unavailable'));
  await expect(choice.or(sent)).toBeVisible();
  if (await choice.isVisible()) await choice.click();
}

test('the code by SMS signs in; a wrong one says how many tries are left', async ({ page, desk, sms }) => {
  await passwordThenSms(page, desk.url);
  await expect(page.getByTestId('sms-sent')).toHaveText(
    'We have sent an SMS to your registered mobile number (xxxx-xxxx72). Enter the code from the SMS below.',
  );
  await expect(page.getByTestId('sms-validity')).toHaveText(/^Valid for: [45]:\d\d$/);
  await expect(page.getByTestId('sms-send-again')).toBeDisabled();
  await sms.waitForMessage(MOBILE, 1);
  const code = sms.codeSentTo(MOBILE);
  expect(code).toMatch(/^[0-9]{8}$/);
  // The screen never shows the number in full.
  await expect(page.locator('body')).not.toContainText('701234572');
  await signInShots(page, 'sms');

  const wrong = code === '00000000' ? '11111111' : '00000000';
  await page.getByTestId('sms-code').fill(wrong);
  await page.getByTestId('sms-code').press('Enter');
  await expect(page.getByTestId('sms-code-error')).toHaveText('Wrong code. You can try 4 more times.');

  await page.getByTestId('sms-code').fill(code ?? '');
  await page.getByTestId('sms-code').press('Enter');
  await expect(page.getByTestId('card-presentation')).toBeVisible();
  await expect(page.getByTestId('operator-name')).toHaveText(RITA.displayName);
});

test('a gateway that is down is said in words, and the way back works', async ({ page, desk, sms }) => {
  await sms.goDown();
  await passwordThenSms(page, desk.url);
  await expect(page.getByTestId('sms-unavailable')).toHaveText(
    'The SMS could not be sent. Verify another way, or try again later.',
  );
  await page.getByTestId('sign-in-cancel').click();
  await expect(page.getByTestId('login-username')).toBeVisible();
});

test('a gateway that refuses the message is said in words', async ({ page, desk, sms }) => {
  await sms.failWith(402, 'Not enough credits');
  await passwordThenSms(page, desk.url);
  await expect(page.getByTestId('sms-unavailable')).toBeVisible();
  await expect(page.locator('body')).not.toContainText('credits');
});
