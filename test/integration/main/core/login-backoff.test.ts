// Login back-off: counted before the password check (so simultaneous guesses are throttled), per
// account (capped low, so nobody can keep an operator out for long) and per connection (growing
// fast), with the same answers for unknown, throttled and disabled accounts.
import { afterEach, describe, expect, it } from 'vitest';
import type { Result } from '../../../../src-shared/api/result';
import {
  ACCOUNT_FAILURE_LIMIT,
  ACCOUNT_LIMIT_PAUSE_MS,
  ACCOUNT_MAX_WAIT_MS,
} from '../../../../src-main/core/auth/login-backoff';
import { ADMIN_PASSWORD, manualClock, startTestDesk, type TestDesk } from '../../../harness/test-desk';

let t: TestDesk;
afterEach(() => t.close());

const WRONG = 'not the password';

const audited = (action: string) =>
  t.desk.db.prepare('SELECT count(*) FROM audit_events WHERE action = ?').pluck().get(action) as number;

const fresh = () => t.anonymous();
const login = (username: string, password: string, c = fresh()) =>
  c.call('session.login', { username, password });
const retryAfter = (result: Result<unknown>) =>
  result.ok ? undefined : (result.error.params?.retryAfterSeconds as number | undefined);

describe('login back-off', () => {
  it('200 simultaneous wrong guesses from 200 connections: 5 are checked, 195 are throttled', async () => {
    const clock = manualClock();
    t = await startTestDesk({ clock });
    const results = await Promise.all(Array.from({ length: 200 }, () => login('admin', WRONG)));
    const codes = results.map((r) => (r.ok ? 'ok' : r.error.code));
    expect(codes.filter((c) => c === 'invalid_login')).toHaveLength(5);
    expect(codes.filter((c) => c === 'locked_out')).toHaveLength(195);
    // Checked means a password comparison ran: only those are recorded as failures.
    expect(audited('operator.loginFailed')).toBe(5);
    // Every refused attempt is audited as made while throttled.
    expect(
      t.desk.db
        .prepare(
          `SELECT count(*) FROM audit_events WHERE action = 'operator.loginAttempt' AND details LIKE '%"refused"%'`,
        )
        .pluck()
        .get(),
    ).toBe(195);
    // The right password still works once the short wait is over, from any screen.
    expect(await login('admin', ADMIN_PASSWORD)).toMatchObject({ ok: false, error: { code: 'locked_out' } });
    clock.advance(1000);
    expect((await login('admin', ADMIN_PASSWORD)).ok).toBe(true);
  });

  it('200 simultaneous guesses from one connection at different usernames: 3 are checked', async () => {
    const clock = manualClock();
    t = await startTestDesk({ clock });
    const c = fresh();
    const results = await Promise.all(Array.from({ length: 200 }, (_, i) => login(`user${i}`, WRONG, c)));
    expect(results.filter((r) => !r.ok && r.error.code === 'invalid_login')).toHaveLength(3);
    expect(audited('operator.loginFailed')).toBe(3);
    expect(retryAfter(results.at(-1)!)).toBe(1);
  });

  it('answers an unknown name, a throttled account and a disabled account with the right password alike', async () => {
    const clock = manualClock();
    t = await startTestDesk({ clock });
    await t.admin.must('operators.create', {
      username: 'olle',
      displayName: 'Olle Old',
      password: ADMIN_PASSWORD,
      roles: ['reception'],
      language: 'sv',
    });
    const olle = (await t.admin.must('operators.list', {})).items.find((o) => o.username === 'olle')!;
    await t.admin.must('operators.update', { id: olle.id, isDisabled: true });

    const disabledRight = await login('olle', ADMIN_PASSWORD);
    const wrong = await login('admin', WRONG);
    const unknown = await login('nobody', WRONG);
    expect(disabledRight).toEqual(wrong);
    expect(unknown).toEqual(wrong);
    expect(wrong).toEqual({
      ok: false,
      error: { code: 'invalid_login', message: 'Wrong username or password.' },
    });

    // Five failures each (one already made), from fresh connections: both names are throttled alike.
    for (let i = 0; i < 4; i++) {
      await login('admin', WRONG);
      await login('nobody', WRONG);
    }
    const throttledKnown = await login('admin', ADMIN_PASSWORD);
    const throttledUnknown = await login('nobody', WRONG);
    expect(throttledKnown).toEqual(throttledUnknown);
    expect(throttledKnown).toMatchObject({
      ok: false,
      error: { code: 'locked_out', params: { retryAfterSeconds: 1 } },
    });
  });

  it('spends similar time on an unknown name, a wrong password and a disabled account', async () => {
    const clock = manualClock();
    t = await startTestDesk({ clock });
    const created = await t.admin.must('operators.create', {
      username: 'olle',
      displayName: 'Olle Old',
      password: ADMIN_PASSWORD,
      roles: ['reception'],
      language: 'sv',
    });
    await t.admin.must('operators.update', { id: created.id, isDisabled: true });
    const cases: [string, string][] = [
      ['nobody', WRONG],
      ['admin', WRONG],
      ['olle', ADMIN_PASSWORD],
    ];
    const times: number[][] = [[], [], []];
    for (let round = 0; round < 4; round++) {
      for (const [i, [username, password]] of cases.entries()) {
        const started = performance.now();
        const result = await login(username, password);
        times[i]!.push(performance.now() - started);
        expect(result).toMatchObject({ error: { code: 'invalid_login' } });
      }
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const medians = times.map(median);
    // Each runs one scrypt check (tens of milliseconds); a shortcut for one of them would take well
    // under a millisecond. A wide band keeps this steady on a loaded machine.
    for (const m of medians) expect(m / Math.max(...medians)).toBeGreaterThan(0.25);
  });

  it('an attacker at another connection keeps an operator waiting at most 30 s; their own waits grow', async () => {
    const clock = manualClock();
    t = await startTestDesk({ clock });
    const attacker = fresh();
    const waits: number[] = [];
    for (let checked = 0; checked < 12;) {
      const wait = retryAfter(await login('admin', WRONG, attacker));
      if (wait === undefined) checked++;
      else {
        waits.push(wait);
        clock.advance(wait * 1000);
      }
    }
    // The attacker's own connection doubles its wait after its third failure …
    expect(waits).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 256]);
    expect(retryAfter(await login('admin', WRONG, attacker))).toBe(512);
    // … while the sole administrator at another screen waits no more than the account's 30 s cap.
    const admin = fresh();
    expect(retryAfter(await login('admin', ADMIN_PASSWORD, admin))).toBe(ACCOUNT_MAX_WAIT_MS / 1000);
    clock.advance(ACCOUNT_MAX_WAIT_MS);
    expect((await login('admin', ADMIN_PASSWORD, admin)).ok).toBe(true);
    // A success clears the account's count: the next typos are free again.
    expect(await login('admin', WRONG)).toMatchObject({ error: { code: 'invalid_login' } });
    expect(await login('admin', WRONG)).toMatchObject({ error: { code: 'invalid_login' } });
  });

  it(`pauses an account for 5 minutes at its ${ACCOUNT_FAILURE_LIMIT}th consecutive failure, then counts from zero`, async () => {
    const clock = manualClock();
    t = await startTestDesk({ clock });
    // 99 failures so far (reaching them by hand takes about 45 minutes of guessing).
    t.desk.db
      .prepare(
        `INSERT INTO login_backoff (username, failures, wait_until, updated_at) VALUES ('admin', 99, NULL, ?)`,
      )
      .run(new Date(clock.now()).toISOString());
    expect(await login('admin', WRONG)).toMatchObject({ error: { code: 'invalid_login' } });
    expect(retryAfter(await login('admin', ADMIN_PASSWORD))).toBe(ACCOUNT_LIMIT_PAUSE_MS / 1000);
    clock.advance(ACCOUNT_LIMIT_PAUSE_MS);
    // The pause is over and the count starts again: one wrong try does not pause the account again.
    expect(await login('admin', WRONG)).toMatchObject({ error: { code: 'invalid_login' } });
    expect(await login('admin', WRONG)).toMatchObject({ error: { code: 'invalid_login' } });
    expect((await login('admin', ADMIN_PASSWORD)).ok).toBe(true);
  });

  it('a password set by an administrator lifts the account’s back-off', async () => {
    const clock = manualClock();
    t = await startTestDesk({ clock });
    const op = await t.admin.must('operators.create', {
      username: 'erik',
      displayName: 'Erik Dahl',
      password: ADMIN_PASSWORD,
      roles: ['reception'],
      language: 'nb',
    });
    for (let i = 0; i < 5; i++) await login('erik', WRONG);
    expect(await login('erik', ADMIN_PASSWORD)).toMatchObject({ error: { code: 'locked_out' } });
    await t.admin.must('operators.update', { id: op.id, password: 'a brand new passphrase' });
    expect((await login('erik', 'a brand new passphrase')).ok).toBe(true);
  });
});
