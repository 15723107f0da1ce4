// SMS sign-in refused or impossible through the desk's API: a gateway that is down or refuses the
// desk (the authenticator app still works), no half-finished sign-in, a policy without SMS, an
// operator without a number, a desk without a gateway.
import { afterEach, beforeEach, describe, expect, it, onTestFinished } from 'vitest';
import type { SmsGatewayPeer } from '../../../../harness/sms-gateway-peer';
import { ADMIN_PASSWORD } from '../../../../harness/test-desk';
import { startSignInDesk, type SignInDesk } from './sign-in-desk';
import { smsGatewayOf, startSmsSignIn, TYPED_PHONE, type SmsSignIn } from './sms-sign-in-desk';

let s: SmsSignIn;
let t: SignInDesk;
let peer: SmsGatewayPeer;
beforeEach(async () => {
  s = await startSmsSignIn();
  ({ t, peer } = s);
});
afterEach(() => s.close());

describe('SMS sign-in refused', () => {
  it('says the gateway is down, keeps no code, and lets the operator use the app instead', async () => {
    await peer.goDown();
    const screen = await s.atVerify();
    expect(await screen.call('signIn.sendSmsCode', {})).toMatchObject({
      error: { code: 'sms_unavailable', params: { reason: 'unreachable' } },
    });
    expect(t.count('sms_codes')).toBe(0);
    expect(await screen.must('signIn.verifyTotp', { code: t.code(s.secret) })).toMatchObject({
      username: 'rita',
    });
  });

  it('owes no wait for a send the gateway never took: once it is back, a code goes at once', async () => {
    const screen = await s.atVerify();
    await peer.goDown();
    expect(await screen.call('signIn.sendSmsCode', {})).toMatchObject({ error: { code: 'sms_unavailable' } });
    await peer.comeBack();
    const code = await s.sendAndRead(screen);
    expect(await screen.must('signIn.verifySmsCode', { code })).toMatchObject({ username: 'rita' });
  });

  it('says the gateway would not take the number', async () => {
    peer.failWith(403, 'Invalid to number');
    const screen = await s.atVerify();
    expect(await screen.call('signIn.sendSmsCode', {})).toMatchObject({
      error: { code: 'sms_unavailable', params: { reason: 'bad_number' } },
    });
    expect(t.count('sms_codes')).toBe(0);
    const failed = t.desk.db
      .prepare(`SELECT details FROM audit_events WHERE action = 'operator.smsFailed'`)
      .get() as { details: string };
    expect(JSON.parse(failed.details)).toEqual({ reason: 'bad_number' });
  });

  it('says the gateway refused the message when its password is wrong', async () => {
    const other = await startSignInDesk(
      { methods: ['sms', 'card_pin'], defaultMethod: 'sms' },
      { smsGateway: smsGatewayOf(peer, 'not the password') },
    );
    onTestFinished(() => other.close());
    await other.operator('rita', ['reception'], { mobilePhone: TYPED_PHONE });
    const screen = other.screen();
    await screen.must('session.login', { username: 'rita', password: ADMIN_PASSWORD });
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
    const code = await s.sendAndRead(screen);
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
