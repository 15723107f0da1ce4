import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, manualClock, startTestDesk, type TestDesk } from '../../../harness/test-desk';

let t: TestDesk;
afterEach(() => t.close());

describe('first run and login', () => {
  it('asks for the first administrator once, then refuses a second first run', async () => {
    t = await startTestDesk();
    const other = t.anonymous();
    expect((await other.must('session.status', {})).needsFirstAdmin).toBe(false);
    const again = await other.call('setup.createFirstAdmin', {
      username: 'mallory',
      displayName: 'Mallory',
      password: 'another long password',
      language: 'en',
    });
    expect(again).toMatchObject({ ok: false, error: { code: 'first_admin_exists' } });
    expect(t.count('operators')).toBe(1);
  });

  it('refuses weak passwords with the reason', async () => {
    t = await startTestDesk();
    for (const password of ['short', 'my admin2 password', 'aaaaaaaaaaaa']) {
      const result = await t.admin.call('operators.create', {
        username: 'admin2',
        displayName: 'Second Admin',
        password,
        roles: ['admin'],
        language: 'sv',
      });
      expect(result, password).toMatchObject({ ok: false, error: { code: 'weak_password' } });
    }
  });

  it('logs in with the right password only, the same answer for unknown users and wrong passwords', async () => {
    t = await startTestDesk();
    const c = t.anonymous();
    const wrong = await c.call('session.login', { username: 'admin', password: 'wrong password!' });
    const unknown = await c.call('session.login', { username: 'nobody', password: 'wrong password!' });
    expect(wrong).toEqual(unknown);
    expect(wrong).toMatchObject({ ok: false, error: { code: 'invalid_login' } });
    const step = await c.must('session.login', { username: 'ADMIN', password: ADMIN_PASSWORD });
    expect(step).toMatchObject({ step: 'signedIn', operator: { roles: ['admin'] } });
    expect((await c.must('session.status', {})).operator?.username).toBe('admin');
  });

  it('after five failed attempts asks to wait a second, and lets the right password in after it', async () => {
    const clock = manualClock();
    t = await startTestDesk({ clock });
    // From five screens, so that only the account's count is at play (each screen has its own).
    for (let i = 0; i < 5; i++)
      await t.anonymous().call('session.login', { username: 'admin', password: 'not the password' });
    expect(
      await t.anonymous().call('session.login', { username: 'admin', password: ADMIN_PASSWORD }),
    ).toMatchObject({
      error: { code: 'locked_out', params: { retryAfterSeconds: 1 } },
    });
    clock.advance(1000);
    expect(
      (await t.anonymous().call('session.login', { username: 'admin', password: ADMIN_PASSWORD })).ok,
    ).toBe(true);
  });

  it('ends the session after the idle time, tells the screen, and refuses further calls', async () => {
    const clock = manualClock();
    t = await startTestDesk({ clock, idleTimeoutSeconds: 60 });
    const ended: unknown[] = [];
    t.admin.raw.onEvent((event, payload) => ended.push([event, payload]));
    clock.advance(30_000);
    expect((await t.admin.call('holders.search', { query: 'a' })).ok).toBe(true);
    clock.advance(59_000);
    expect((await t.admin.call('session.keepAlive', {})).ok).toBe(true);
    clock.advance(60_000);
    expect(await t.admin.call('holders.search', { query: 'a' })).toMatchObject({
      error: { code: 'unauthenticated' },
    });
    expect((await t.admin.must('session.status', {})).operator).toBeNull();
    await new Promise((r) => setTimeout(r, 1100));
    t.admin.raw.call('session.status', {});
    expect(ended).toEqual([]); // the call above already ended the session; the timer has no one left to tell
  });

  it('tells an idle screen through the session.ended event', async () => {
    const clock = manualClock();
    t = await startTestDesk({ clock, idleTimeoutSeconds: 60 });
    const events: unknown[] = [];
    t.admin.raw.onEvent((event, payload) => events.push([event, payload]));
    clock.advance(61_000);
    await new Promise((r) => setTimeout(r, 1100));
    expect(events).toEqual([['session.ended', { reason: 'idle' }]]);
  });

  it('logs out', async () => {
    t = await startTestDesk();
    await t.admin.must('session.logout', {});
    expect(await t.admin.call('holders.search', { query: 'a' })).toMatchObject({
      error: { code: 'unauthenticated' },
    });
  });
});

describe('operators', () => {
  it('keeps at least one active administrator', async () => {
    t = await startTestDesk();
    const self = (await t.admin.must('session.status', {})).operator!;
    expect(await t.admin.call('operators.update', { id: self.id, roles: ['reception'] })).toMatchObject({
      error: { code: 'last_admin' },
    });
    expect(await t.admin.call('operators.update', { id: self.id, isDisabled: true })).toMatchObject({
      error: { code: 'last_admin' },
    }); // Even with another administrator, nobody locks themselves out; the other may do it for them.
    const other = await t.admin.must('operators.create', {
      username: 'maja',
      displayName: 'Maja Berg',
      password: ADMIN_PASSWORD,
      roles: ['admin'],
      language: 'sv',
    });
    expect(await t.admin.call('operators.update', { id: self.id, isDisabled: true })).toMatchObject({
      error: { code: 'last_admin' },
    });
    expect((await t.admin.must('operators.update', { id: other.id, roles: ['reception'] })).roles).toEqual([
      'reception',
    ]);
  });

  it('a disabled operator cannot log in, and is not told the password was right', async () => {
    t = await startTestDesk();
    const op = await t.admin.must('operators.create', {
      username: 'erik',
      displayName: 'Erik Dahl',
      password: ADMIN_PASSWORD,
      roles: ['reception'],
      language: 'nb',
    });
    const erik = t.anonymous();
    expect(await erik.must('session.login', { username: 'erik', password: ADMIN_PASSWORD })).toMatchObject({
      step: 'signedIn',
      operator: { language: 'nb' },
    });
    expect((await erik.must('session.setLanguage', { language: 'da' })).language).toBe('da');
    await t.admin.must('operators.update', { id: op.id, isDisabled: true });
    expect(
      await t.anonymous().call('session.login', { username: 'erik', password: ADMIN_PASSWORD }),
    ).toMatchObject({
      error: { code: 'invalid_login', message: 'Wrong username or password.' },
    });
  });
});
