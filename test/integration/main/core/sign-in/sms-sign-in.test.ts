// Signing in with a code by SMS through the desk's API: the real 46elks adapter and a local server
// that speaks its API. What an operator would notice: their number masked on the screen, the code on
// their phone, the right code once, a wrong one counted, "send again" waiting, a code that expired,
// was replaced or went to a number no longer theirs refused.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  SMS_CODE_MAX_ATTEMPTS,
  SMS_CODE_TTL_MS,
  SMS_RESEND_AFTER_MS,
} from '../../../../../src-shared/domain/sign-in';
import type { SmsGatewayPeer } from '../../../../harness/sms-gateway-peer';
import { ADMIN_PASSWORD } from '../../../../harness/test-desk';
import type { SignInDesk } from './sign-in-desk';
import { PHONE, startSmsSignIn, type SmsSignIn } from './sms-sign-in-desk';

let s: SmsSignIn;
let t: SignInDesk;
let peer: SmsGatewayPeer;
beforeEach(async () => {
  s = await startSmsSignIn();
  ({ t, peer } = s);
});
afterEach(() => s.close());

/** A code that is not this one: the same digits turned by one. */
const otherThan = (code: string) => code.replace(/[0-9]$/, (d) => String((Number(d) + 1) % 10));

describe('SMS sign-in', () => {
  it('offers the masked number, sends the code to it and signs in with it, audited with the method', async () => {
    const screen = t.screen();
    expect(await screen.must('session.login', { username: 'rita', password: ADMIN_PASSWORD })).toEqual({
      step: 'verify',
      choices: [{ method: 'sms', maskedPhone: 'xxxx-xxxx72' }, { method: 'totp' }],
      defaultMethod: 'sms',
    });
    const sent = await screen.must('signIn.sendSmsCode', {});
    expect(sent).toMatchObject({
      maskedPhone: 'xxxx-xxxx72',
      resendAfterSeconds: SMS_RESEND_AFTER_MS / 1000,
    });
    expect(Date.parse(sent.expiresAt)).toBeGreaterThan(t.clock.now());
    const message = await peer.waitForMessage(PHONE, 1);
    expect(message).toMatchObject({ to: PHONE, from: 'Frontdesk' });
    const code = peer.codeSentTo(PHONE)!;
    expect(code).toMatch(/^[0-9]{8}$/);
    // Sent is not signed in.
    expect((await screen.must('session.status', {})).operator).toBeNull();

    expect(await screen.must('signIn.verifySmsCode', { code })).toMatchObject({ username: 'rita' });
    expect((await screen.must('session.status', {})).operator?.username).toBe('rita');
    expect(s.logins().at(-1)).toEqual({ operatorId: s.ritaId, method: 'sms' });
    const details = (t.desk.db.prepare('SELECT details FROM audit_events').all() as { details: string }[])
      .map((row) => row.details)
      .join('\n');
    expect(details).not.toContain(code);
  });

  it("puts the organisation's default first on the screen: the app, with SMS still offered", async () => {
    await t.policy({ methods: ['sms', 'totp'], defaultMethod: 'totp' });
    expect(await t.screen().must('session.login', { username: 'rita', password: ADMIN_PASSWORD })).toEqual({
      step: 'verify',
      choices: [{ method: 'sms', maskedPhone: 'xxxx-xxxx72' }, { method: 'totp' }],
      defaultMethod: 'totp',
    });
  });

  it('counts a wrong code, says how many tries are left, and still takes the right one', async () => {
    const screen = await s.atVerify();
    const code = await s.sendAndRead(screen);
    expect(await screen.call('signIn.verifySmsCode', { code: otherThan(code) })).toMatchObject({
      ok: false,
      error: { code: 'invalid_code', params: { attemptsLeft: SMS_CODE_MAX_ATTEMPTS - 1 } },
    });
    expect((await screen.must('session.status', {})).operator).toBeNull();
    const failed = t.desk.db
      .prepare(`SELECT details FROM audit_events WHERE action = 'operator.loginFailed' ORDER BY seq DESC`)
      .get() as { details: string };
    expect(JSON.parse(failed.details)).toEqual({ reason: 'sms' });
    expect(await screen.must('signIn.verifySmsCode', { code: code.replace(/^(....)/, '$1 ') })).toMatchObject(
      { username: 'rita' },
    );
  });

  it('gives up on a code after five wrong entries, even the right one then, until a new one is sent', async () => {
    const screen = await s.atVerify();
    const code = await s.sendAndRead(screen);
    const wrong = otherThan(code);
    for (let left = SMS_CODE_MAX_ATTEMPTS - 1; left > 0; left--) {
      expect(await s.enter(screen, wrong)).toMatchObject({
        error: { code: 'invalid_code', params: { attemptsLeft: left } },
      });
    }
    expect(await s.enter(screen, wrong)).toMatchObject({ error: { code: 'code_exhausted' } });
    expect(await s.enter(screen, code)).toMatchObject({ error: { code: 'code_exhausted' } });
    expect((await screen.must('session.status', {})).operator).toBeNull();
    t.clock.advance(SMS_RESEND_AFTER_MS);
    const fresh = await s.sendAndRead(screen);
    expect(await s.enter(screen, fresh)).toMatchObject({ ok: true, value: { username: 'rita' } });
  });

  it('refuses what is not a code without counting it', async () => {
    const screen = await s.atVerify();
    const code = await s.sendAndRead(screen);
    for (const bad of ['abcdefgh', '1234', '9'.repeat(21), "12345678' OR 1=1", '１２３４５６７８']) {
      expect(await screen.call('signIn.verifySmsCode', { code: bad }), bad).toMatchObject({
        error: { code: 'bad_request' },
      });
    }
    expect(await screen.must('signIn.verifySmsCode', { code })).toMatchObject({ username: 'rita' });
  });

  it('sends one SMS when two screens ask at once', async () => {
    const [one, two] = [await s.atVerify(), await s.atVerify()];
    const answers = await Promise.all([
      one.call('signIn.sendSmsCode', {}),
      two.call('signIn.sendSmsCode', {}),
    ]);
    expect(answers.filter((a) => a.ok)).toHaveLength(1);
    expect(answers.find((a) => !a.ok)).toMatchObject({ error: { code: 'sms_too_soon' } });
    await peer.waitForMessage(PHONE, 1);
    expect(peer.requestCount).toBe(1);
    // The code is the operator's: either screen may use it.
    expect(await two.must('signIn.verifySmsCode', { code: peer.codeSentTo(PHONE)! })).toMatchObject({
      username: 'rita',
    });
  });

  it('takes a code once: the same code again at another screen is refused', async () => {
    const screen = await s.atVerify();
    const code = await s.sendAndRead(screen);
    await screen.must('signIn.verifySmsCode', { code });
    const again = await s.atVerify();
    expect(await again.call('signIn.verifySmsCode', { code })).toMatchObject({
      error: { code: 'code_used' },
    });
    expect((await again.must('session.status', {})).operator).toBeNull();
    expect(s.logins().filter((l) => 'method' in l && l.method === 'sms')).toHaveLength(1);
  });

  it('makes "send again" wait, then sends a new code that replaces the old one', async () => {
    const screen = await s.atVerify();
    const first = await s.sendAndRead(screen);
    t.clock.advance(10_000);
    expect(await screen.call('signIn.sendSmsCode', {})).toMatchObject({
      error: { code: 'sms_too_soon', params: { retryAfterSeconds: 20 } },
    });
    expect(peer.messages).toHaveLength(1);
    t.clock.advance(20_000);
    const second = await s.sendAndRead(screen);
    expect(peer.messages).toHaveLength(2);
    if (second !== first) {
      expect(await screen.call('signIn.verifySmsCode', { code: first })).toMatchObject({
        error: { code: 'invalid_code' },
      });
    }
    expect(await screen.must('signIn.verifySmsCode', { code: second })).toMatchObject({ username: 'rita' });
  });

  it('stops taking a code after five minutes, and a new one works', async () => {
    const screen = await s.atVerify();
    const code = await s.sendAndRead(screen);
    t.clock.advance(SMS_CODE_TTL_MS);
    expect(await screen.call('signIn.verifySmsCode', { code })).toMatchObject({
      error: { code: 'code_expired' },
    });
    const fresh = await s.sendAndRead(screen);
    expect(await screen.must('signIn.verifySmsCode', { code: fresh })).toMatchObject({ username: 'rita' });
  });

  it("stops taking a code sent to a number that is no longer the operator's", async () => {
    const screen = await s.atVerify();
    const code = await s.sendAndRead(screen);
    // The phone was lost: an administrator registers the new one.
    await t.admin.must('operators.update', { id: s.ritaId, mobilePhone: '+46709876543' });
    expect(await screen.call('signIn.verifySmsCode', { code })).toMatchObject({
      error: { code: 'code_expired' },
    });
    expect((await screen.must('session.status', {})).operator).toBeNull();
  });
});
