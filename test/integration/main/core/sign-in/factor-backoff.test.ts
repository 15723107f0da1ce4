// Guessing a second factor is throttled like guessing a password: per account on every screen, and
// per screen; the wait is owed even for the right code, and a completed sign-in clears it.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { ADMIN_PASSWORD, type TypedConnection } from '../../../../harness/test-desk';
import { startSignInDesk, type SignInDesk } from './sign-in-desk';

let t: SignInDesk;
let secret: string;
let id: string;
beforeEach(async () => {
  t = await startSignInDesk();
  id = await t.operator('erik', ['reception']);
  ({ secret } = await t.enrolTotp('erik'));
  await t.policy({ methods: ['totp'], defaultMethod: 'totp' });
  t.clock.advance(30_000);
});
afterEach(() => t.close());

async function atVerify(): Promise<TypedConnection> {
  const screen = t.screen();
  await screen.must('session.login', { username: 'erik', password: ADMIN_PASSWORD });
  return screen;
}

const backoff = (key: string) =>
  t.desk.db.prepare('SELECT failures, wait_until FROM login_backoff WHERE username = ?').get(key) as
    { failures: number; wait_until: string | null } | undefined;

it('locks the authenticator step of an account after repeated wrong codes, on every screen', async () => {
  const screen = await atVerify();
  let wrong = 0;
  while (wrong < 6) {
    const answer = await screen.call('signIn.verifyTotp', { code: '000000' });
    if (!answer.ok && answer.error.code === 'locked_out') {
      // This screen's own wait: served, then the next guess is checked.
      t.clock.advance(Number(answer.error.params?.retryAfterSeconds) * 1000);
      continue;
    }
    expect(answer).toMatchObject({ error: { code: 'invalid_code' } });
    wrong++;
  }
  expect(backoff(`totp:${id}`)).toMatchObject({ failures: 6, wait_until: expect.any(String) });

  // Another screen, the right code: the account's wait still holds.
  const other = await atVerify();
  expect(await other.call('signIn.verifyTotp', { code: t.code(secret) })).toMatchObject({
    error: { code: 'locked_out', params: { retryAfterSeconds: expect.any(Number) } },
  });
  const refusals = t.desk.db
    .prepare(
      `SELECT count(*) AS n FROM audit_events WHERE action = 'operator.loginFailed' AND details LIKE '%totp%'`,
    )
    .get() as { n: number };
  expect(refusals.n).toBe(6);

  t.clock.advance(30_000);
  expect(await other.must('signIn.verifyTotp', { code: t.code(secret) })).toMatchObject({ username: 'erik' });
  expect(backoff(`totp:${id}`)).toBeUndefined();
  expect(backoff('erik')).toBeUndefined();
});

it('counts a screen’s guesses at the password and the code together', async () => {
  const screen = t.screen();
  // A wrong password, the right one (it counts until the sign-in completes), then a wrong code: three
  // failures on this screen, past its free ones.
  await screen.call('session.login', { username: 'erik', password: 'wrong password!' });
  await screen.must('session.login', { username: 'erik', password: ADMIN_PASSWORD });
  expect(await screen.call('signIn.verifyTotp', { code: '000000' })).toMatchObject({
    error: { code: 'invalid_code' },
  });
  expect(await screen.call('signIn.verifyTotp', { code: t.code(secret) })).toMatchObject({
    error: { code: 'locked_out' },
  });
});
