// Signing in with a code by SMS through the desk's API: the real 46elks adapter and a local server
// that speaks its API. What an operator would notice: their number masked on the screen, the code on
// their phone, the right code once, a wrong one counted, "send again" waiting, a gateway that is down
// leaving the app as a way in, and no SMS where the policy or their record has none.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  SMS_CODE_MAX_ATTEMPTS,
  SMS_CODE_TTL_MS,
  SMS_RESEND_AFTER_MS,
} from '../../../../../src-shared/domain/sign-in';
import { createElksSmsGateway } from '../../../../../src-main/core/sign-in/adapters/elks-sms-gateway';
import { startSmsGatewayPeer, type SmsGatewayPeer } from '../../../../harness/sms-gateway-peer';
import { ADMIN_PASSWORD, type TypedConnection } from '../../../../harness/test-desk';
import { startSignInDesk, type SignInDesk } from './sign-in-desk';

/** As an administrator types it; the desk keeps and sends it as E.164. */
const TYPED_PHONE = '070-123 45 72';
const PHONE = '+46701234572';

let peer: SmsGatewayPeer;
let t: SignInDesk;
let secret: string;
let ritaId: string;

beforeEach(async () => {
  peer = await startSmsGatewayPeer();
  const smsGateway = createElksSmsGateway(
    { baseUrl: peer.baseUrl, username: peer.username, from: 'Frontdesk', timeoutMs: 10_000 },
    () => Promise.resolve(peer.password),
  );
  t = await startSignInDesk(null, { smsGateway });
  ritaId = await t.operator('rita', ['reception'], { mobilePhone: TYPED_PHONE });
  ({ secret } = await t.enrolTotp('rita'));
  await t.policy({ methods: ['sms', 'totp'], defaultMethod: 'sms' });
  // The next 30-second step, so the enrolment's own code is not the one a test may use.
  t.clock.advance(30_000);
});
afterEach(async () => {
  await t.close();
  await peer.close();
});

async function atVerify(username = 'rita'): Promise<TypedConnection> {
  const screen = t.screen();
  await screen.must('session.login', { username, password: ADMIN_PASSWORD });
  return screen;
}

/** Sends a code from this screen and reads it off the phone. */
async function sendAndRead(screen: TypedConnection): Promise<string> {
  const count = peer.messages.filter((m) => m.to === PHONE).length;
  await screen.must('signIn.sendSmsCode', {});
  await peer.waitForMessage(PHONE, count + 1);
  return peer.codeSentTo(PHONE)!;
}

const logins = () =>
  (
    t.desk.db
      .prepare(`SELECT operator_id, details FROM audit_events WHERE action = 'operator.login' ORDER BY seq`)
      .all() as { operator_id: string | null; details: string }[]
  ).map((row) => ({ operatorId: row.operator_id, ...(JSON.parse(row.details) as object) }));

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
    expect(logins().at(-1)).toEqual({ operatorId: ritaId, method: 'sms' });
    const details = (t.desk.db.prepare('SELECT details FROM audit_events').all() as { details: string }[])
      .map((row) => row.details)
      .join('\n');
    expect(details).not.toContain(code);
  });

  it('counts a wrong code, says how many tries are left, and still takes the right one', async () => {
    const screen = await atVerify();
    const code = await sendAndRead(screen);
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

  it('takes a code once: the same code again at another screen is refused', async () => {
    const screen = await atVerify();
    const code = await sendAndRead(screen);
    await screen.must('signIn.verifySmsCode', { code });
    const again = await atVerify();
    expect(await again.call('signIn.verifySmsCode', { code })).toMatchObject({
      error: { code: 'code_used' },
    });
    expect((await again.must('session.status', {})).operator).toBeNull();
    expect(logins().filter((l) => 'method' in l && l.method === 'sms')).toHaveLength(1);
  });

  it('makes "send again" wait, then sends a new code that replaces the old one', async () => {
    const screen = await atVerify();
    const first = await sendAndRead(screen);
    t.clock.advance(10_000);
    expect(await screen.call('signIn.sendSmsCode', {})).toMatchObject({
      error: { code: 'sms_too_soon', params: { retryAfterSeconds: 20 } },
    });
    expect(peer.messages).toHaveLength(1);
    t.clock.advance(20_000);
    const second = await sendAndRead(screen);
    expect(peer.messages).toHaveLength(2);
    if (second !== first) {
      expect(await screen.call('signIn.verifySmsCode', { code: first })).toMatchObject({
        error: { code: 'invalid_code' },
      });
    }
    expect(await screen.must('signIn.verifySmsCode', { code: second })).toMatchObject({ username: 'rita' });
  });

  it('stops taking a code after five minutes, and a new one works', async () => {
    const screen = await atVerify();
    const code = await sendAndRead(screen);
    t.clock.advance(SMS_CODE_TTL_MS);
    expect(await screen.call('signIn.verifySmsCode', { code })).toMatchObject({
      error: { code: 'code_expired' },
    });
    const fresh = await sendAndRead(screen);
    expect(await screen.must('signIn.verifySmsCode', { code: fresh })).toMatchObject({ username: 'rita' });
  });

  it("stops taking a code sent to a number that is no longer the operator's", async () => {
    const screen = await atVerify();
    const code = await sendAndRead(screen);
    // The phone was lost: an administrator registers the new one.
    await t.admin.must('operators.update', { id: ritaId, mobilePhone: '+46709876543' });
    expect(await screen.call('signIn.verifySmsCode', { code })).toMatchObject({
      error: { code: 'code_expired' },
    });
    expect((await screen.must('session.status', {})).operator).toBeNull();
  });

  it('says the gateway is down, keeps no code, and lets the operator use the app instead', async () => {
    await peer.goDown();
    const screen = await atVerify();
    expect(await screen.call('signIn.sendSmsCode', {})).toMatchObject({
      error: { code: 'sms_unavailable', params: { reason: 'unreachable' } },
    });
    expect(t.count('sms_codes')).toBe(0);
    expect(await screen.must('signIn.verifyTotp', { code: t.code(secret) })).toMatchObject({
      username: 'rita',
    });
  });

  it('says the gateway refused the message when its password is wrong', async () => {
    await t.close();
    const smsGateway = createElksSmsGateway(
      { baseUrl: peer.baseUrl, username: peer.username, from: 'Frontdesk' },
      () => Promise.resolve('not the password'),
    );
    t = await startSignInDesk({ methods: ['sms', 'card_pin'], defaultMethod: 'sms' }, { smsGateway });
    await t.operator('rita', ['reception'], { mobilePhone: TYPED_PHONE });
    const screen = await atVerify();
    const answer = await screen.call('signIn.sendSmsCode', {});
    expect(answer).toMatchObject({ error: { code: 'sms_unavailable', params: { reason: 'refused' } } });
    expect(JSON.stringify(answer)).not.toContain('not the password');
    expect(peer.messages).toHaveLength(0);
  });

  it('answers sign_in_expired without a password first, or after going back', async () => {
    const screen = t.screen();
    expect(await screen.call('signIn.sendSmsCode', {})).toMatchObject({
      error: { code: 'sign_in_expired' },
    });
    expect(await screen.call('signIn.verifySmsCode', { code: '12345678' })).toMatchObject({
      error: { code: 'sign_in_expired' },
    });
    await screen.must('session.login', { username: 'rita', password: ADMIN_PASSWORD });
    const code = await sendAndRead(screen);
    await screen.must('signIn.cancel', {});
    expect(await screen.call('signIn.verifySmsCode', { code })).toMatchObject({
      error: { code: 'sign_in_expired' },
    });
    expect(await screen.call('signIn.sendSmsCode', {})).toMatchObject({
      error: { code: 'sign_in_expired' },
    });
    expect(peer.messages).toHaveLength(1);
    expect((await screen.must('session.status', {})).operator).toBeNull();
  });

  it('sends nothing where the policy has no SMS', async () => {
    await t.policy({ methods: ['totp'], defaultMethod: 'totp' });
    const screen = t.screen();
    expect(await screen.must('session.login', { username: 'rita', password: ADMIN_PASSWORD })).toEqual({
      step: 'verify',
      choices: [{ method: 'totp' }],
      defaultMethod: 'totp',
    });
    expect(await screen.call('signIn.sendSmsCode', {})).toMatchObject({
      error: { code: 'method_not_allowed' },
    });
    expect(await screen.call('signIn.verifySmsCode', { code: '12345678' })).toMatchObject({
      error: { code: 'method_not_allowed' },
    });
    expect(peer.requestCount).toBe(0);
  });

  it('does not offer SMS to an operator without a mobile number', async () => {
    await t.operator('nils', ['reception']);
    const screen = t.screen();
    // Nothing else registered either: an authenticator app is set up first.
    expect(await screen.must('session.login', { username: 'nils', password: ADMIN_PASSWORD })).toEqual({
      step: 'enrol',
      method: 'totp',
    });
    expect(await screen.call('signIn.sendSmsCode', {})).toMatchObject({
      error: { code: 'sign_in_expired' },
    });
    const enrolment = await screen.must('signIn.beginTotp', {});
    await screen.must('signIn.confirmTotp', { code: t.code(enrolment.secret) });
    t.clock.advance(30_000);
    const later = t.screen();
    expect(await later.must('session.login', { username: 'nils', password: ADMIN_PASSWORD })).toEqual({
      step: 'verify',
      choices: [{ method: 'totp' }],
      defaultMethod: 'totp',
    });
    expect(await later.call('signIn.sendSmsCode', {})).toMatchObject({
      error: { code: 'method_not_allowed' },
    });
    expect(peer.requestCount).toBe(0);
  });
});

describe('a desk without an SMS gateway', () => {
  let bare: SignInDesk;
  beforeEach(async () => {
    bare = await startSignInDesk();
  });
  afterEach(() => bare.close());

  it('cannot make SMS a sign-in method', async () => {
    const answer = await bare.admin.call('signIn.setPolicy', {
      methods: ['sms', 'totp'],
      defaultMethod: 'totp',
    });
    expect(answer).toMatchObject({
      ok: false,
      error: { code: 'policy_invalid', issues: [{ code: 'not_set_up', params: { method: 'sms' } }] },
    });
    expect((await bare.admin.must('signIn.policy', {})).isSetUp).toEqual({ sms: false, bankid: false });
    expect((await bare.admin.must('signIn.policy', {})).policy.methods).not.toContain('sms');
  });
});
