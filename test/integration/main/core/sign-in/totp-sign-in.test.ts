// Signing in with an authenticator app: each code once, one step of clock drift either way, the
// secret sealed at rest, and changing it asks for the password.
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, startTestDesk, type TestDesk } from '../../../../harness/test-desk';
import { startSignInDesk, type SignInDesk } from './sign-in-desk';

let t: SignInDesk;
beforeEach(async () => {
  t = await startSignInDesk();
  await t.operator('erik', ['reception']);
});
afterEach(() => t.close());

/** Enrols erik, then makes TOTP the only way in and starts a sign-in at a new screen. */
async function atVerify() {
  const { secret } = await t.enrolTotp('erik');
  await t.policy({ methods: ['totp'], defaultMethod: 'totp' });
  // The next 30-second step, so the enrolment's own code is not the one under test.
  t.clock.advance(30_000);
  const screen = t.screen();
  await screen.must('session.login', { username: 'erik', password: ADMIN_PASSWORD });
  return { secret, screen };
}

describe('TOTP sign-in', () => {
  it('signs in with the code of the moment, and the same code never again', async () => {
    const { secret, screen } = await atVerify();
    const code = t.code(secret);
    expect(await screen.must('signIn.verifyTotp', { code })).toMatchObject({ username: 'erik' });
    expect((await screen.must('session.status', {})).operator?.username).toBe('erik');

    const again = t.screen();
    await again.must('session.login', { username: 'erik', password: ADMIN_PASSWORD });
    expect(await again.call('signIn.verifyTotp', { code })).toMatchObject({ error: { code: 'code_used' } });
    // Nor an earlier one still inside the window.
    expect(await again.call('signIn.verifyTotp', { code: t.code(secret, -1) })).toMatchObject({
      error: { code: 'code_used' },
    });
    expect((await again.must('session.status', {})).operator).toBeNull();
    // The next step's code works.
    t.clock.advance(30_000);
    expect(await again.must('signIn.verifyTotp', { code: t.code(secret) })).toMatchObject({
      username: 'erik',
    });
  });

  it('lets only one of two screens in when both send the same code at once', async () => {
    const { secret, screen } = await atVerify();
    const other = t.screen();
    await other.must('session.login', { username: 'erik', password: ADMIN_PASSWORD });
    const code = t.code(secret);
    const answers = await Promise.all([
      screen.call('signIn.verifyTotp', { code }),
      other.call('signIn.verifyTotp', { code }),
    ]);
    expect(answers.filter((a) => a.ok)).toHaveLength(1);
    expect(answers.find((a) => !a.ok)).toMatchObject({ error: { code: 'code_used' } });
  });

  it('accepts a phone one step fast or slow, and refuses two steps away', async () => {
    const { secret, screen } = await atVerify();
    for (const offset of [-2, 2]) {
      expect(
        await screen.call('signIn.verifyTotp', { code: t.code(secret, offset) }),
        `${offset}`,
      ).toMatchObject({
        error: { code: 'invalid_code' },
      });
      // The password counted on this screen until the sign-in completes: past three, a wait of 1 s.
      t.clock.advance(1000);
    }
    expect(await screen.must('signIn.verifyTotp', { code: t.code(secret, 1) })).toMatchObject({
      username: 'erik',
    });
  });

  it('accepts spaces between groups, as people type codes', async () => {
    const { secret, screen } = await atVerify();
    const code = t.code(secret);
    expect(
      await screen.must('signIn.verifyTotp', { code: `${code.slice(0, 3)} ${code.slice(3)}` }),
    ).toMatchObject({
      username: 'erik',
    });
  });

  it('keeps the secret sealed: the database file never holds it, and no audit detail does', async () => {
    const { secret } = await t.enrolTotp('erik');
    const plain = secret.replace(/ /g, '');
    const bytes = readFileSync(t.path);
    expect(bytes.includes(Buffer.from(plain))).toBe(false);
    expect(bytes.includes(Buffer.from(plain.toLowerCase()))).toBe(false);
    const details = (t.desk.db.prepare('SELECT details FROM audit_events').all() as { details: string }[])
      .map((row) => row.details)
      .join('\n');
    expect(details).not.toContain(plain);
    expect(t.desk.db.prepare('SELECT confirmed_at FROM operator_totp').get()).toMatchObject({
      confirmed_at: expect.any(String),
    });
  });

  it('asks for the password again before a new secret, and keeps the old one until the new one is confirmed', async () => {
    const { screen, secret } = await t.enrolTotp('erik');
    expect(await screen.call('factors.beginTotp', { password: 'wrong password!' })).toMatchObject({
      error: { code: 'invalid_login' },
    });
    const next = await screen.must('factors.beginTotp', { password: ADMIN_PASSWORD });
    expect(next.secret).not.toBe(secret);
    await t.policy({ methods: ['totp'], defaultMethod: 'totp' });
    t.clock.advance(30_000);
    // Not confirmed yet: the old app still signs in, the new one does not.
    const other = t.screen();
    await other.must('session.login', { username: 'erik', password: ADMIN_PASSWORD });
    expect(await other.call('signIn.verifyTotp', { code: t.code(next.secret) })).toMatchObject({
      error: { code: 'invalid_code' },
    });
    expect(await other.must('signIn.verifyTotp', { code: t.code(secret) })).toMatchObject({
      username: 'erik',
    });

    const mine = await screen.must('factors.confirmTotp', { code: t.code(next.secret) });
    expect(mine.totpEnrolledAt).not.toBeNull();
    t.clock.advance(30_000);
    const third = t.screen();
    await third.must('session.login', { username: 'erik', password: ADMIN_PASSWORD });
    expect(await third.call('signIn.verifyTotp', { code: t.code(secret) })).toMatchObject({
      error: { code: 'invalid_code' },
    });
  });
});

describe('a desk without a key store', () => {
  let bare: TestDesk;
  beforeEach(async () => {
    bare = await startTestDesk({ signInPolicy: { methods: ['totp'], defaultMethod: 'totp' } });
  });
  afterEach(() => bare.close());

  it('says it cannot keep an authenticator secret, and stores nothing', async () => {
    const screen = bare.anonymous();
    expect(await screen.must('session.login', { username: 'admin', password: ADMIN_PASSWORD })).toEqual({
      step: 'enrol',
      method: 'totp',
    });
    expect(await screen.call('signIn.beginTotp', {})).toMatchObject({
      error: { code: 'key_store_unavailable' },
    });
    expect(bare.count('operator_totp')).toBe(0);
  });
});
