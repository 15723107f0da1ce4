// What a correct password leads to: signed in, "verify with", set up an app first, or nothing this
// operator can use; and the half-finished sign-in ending by time, by a reset, or by going back.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PENDING_SIGN_IN_TTL_MS } from '../../../../../src-shared/domain/sign-in';
import { ADMIN_PASSWORD } from '../../../../harness/test-desk';
import { startSignInDesk, type SignInDesk } from './sign-in-desk';

let t: SignInDesk;
beforeEach(async () => {
  t = await startSignInDesk();
  await t.operator('erik', ['reception']);
});
afterEach(() => t.close());

const login = (screen = t.screen()) =>
  screen.call('session.login', { username: 'erik', password: ADMIN_PASSWORD });
const auditActions = () =>
  (t.desk.db.prepare('SELECT action FROM audit_events ORDER BY seq').all() as { action: string }[]).map(
    (row) => row.action,
  );

describe('session.login', () => {
  it('signs in at once where the organisation allows the password alone, audited with the method', async () => {
    const screen = t.screen();
    expect(await login(screen)).toMatchObject({
      ok: true,
      value: { step: 'signedIn', operator: { username: 'erik' } },
    });
    expect((await screen.must('session.status', {})).operator?.username).toBe('erik');
    const row = t.desk.db
      .prepare(`SELECT details FROM audit_events WHERE action = 'operator.login' ORDER BY seq DESC LIMIT 1`)
      .get() as { details: string };
    expect(JSON.parse(row.details)).toEqual({ method: 'password' });
  });

  it('asks an operator without an authenticator to set one up, and signs them in only after its first code', async () => {
    await t.policy({ methods: ['totp'], defaultMethod: 'totp' });
    const screen = t.screen();
    expect(await login(screen)).toEqual({ ok: true, value: { step: 'enrol', method: 'totp' } });
    expect(auditActions()).toContain('operator.passwordAccepted');
    expect(auditActions().filter((a) => a === 'operator.login')).toHaveLength(0);
    // Half-way is not signed in.
    expect((await screen.must('session.status', {})).operator).toBeNull();
    expect(await screen.call('holders.search', { query: 'a' })).toMatchObject({
      error: { code: 'unauthenticated' },
    });
    // The enrol step is not a way around the code.
    expect(await screen.call('signIn.verifyTotp', { code: '123456' })).toMatchObject({
      error: { code: 'sign_in_expired' },
    });
    const enrolment = await screen.must('signIn.beginTotp', {});
    expect(enrolment.secret).toMatch(/^[A-Z2-7]{4}( [A-Z2-7]{1,4})+$/);
    expect(enrolment.uri).toContain('otpauth://totp/Frontdesk%20ID:erik?');
    expect(enrolment.qrSvg).toMatch(/^<svg/);
    expect(await screen.call('signIn.confirmTotp', { code: '000000' })).toMatchObject({
      error: { code: 'invalid_code' },
    });
    expect((await screen.must('signIn.confirmTotp', { code: t.code(enrolment.secret) })).username).toBe(
      'erik',
    );
    expect((await screen.must('session.status', {})).operator?.username).toBe('erik');
  });

  it('offers "verify with" to an operator who has an authenticator', async () => {
    await t.enrolTotp('erik');
    await t.policy({ methods: ['totp'], defaultMethod: 'totp' });
    expect(await login()).toEqual({
      ok: true,
      value: { step: 'verify', choices: [{ method: 'totp' }], defaultMethod: 'totp' },
    });
    // A default this operator cannot use gives way to the first they can.
    await t.policy({ methods: ['totp', 'card_pin'], defaultMethod: 'card_pin' });
    expect(await login()).toMatchObject({ value: { step: 'verify', defaultMethod: 'totp' } });
  });

  it('refuses with no_sign_in_method when nothing allowed is set up for the operator', async () => {
    await t.policy({ methods: ['card_pin'], defaultMethod: 'card_pin' });
    expect(await login()).toMatchObject({ ok: false, error: { code: 'no_sign_in_method' } });
  });

  it('answers a wrong password exactly like before: the same for unknown names, nothing started', async () => {
    await t.policy({ methods: ['totp'], defaultMethod: 'totp' });
    const screen = t.screen();
    const wrong = await screen.call('session.login', { username: 'erik', password: 'wrong password!' });
    const unknown = await screen.call('session.login', { username: 'nobody', password: 'wrong password!' });
    expect(wrong).toEqual(unknown);
    expect(wrong).toMatchObject({ error: { code: 'invalid_login' } });
    expect(await screen.call('signIn.beginTotp', {})).toMatchObject({ error: { code: 'sign_in_expired' } });
  });
});

describe('SMS and BankID on a desk without them', () => {
  it('are not offered, and their steps are refused with a code', async () => {
    await t.enrolTotp('erik');
    await t.admin.must('operators.update', {
      id: (await t.admin.must('operators.list', {})).items.find((o) => o.username === 'erik')!.id,
      mobilePhone: '+46701234572',
      identity: { country: 'SE', number: '191212121212' },
    });
    await t.policy({ methods: ['totp'], defaultMethod: 'totp' });
    const screen = t.screen();
    expect(await login(screen)).toMatchObject({ value: { step: 'verify', choices: [{ method: 'totp' }] } });
    expect(await screen.call('signIn.sendSmsCode', {})).toMatchObject({
      error: { code: 'method_not_allowed' },
    });
    expect(await screen.call('signIn.verifySmsCode', { code: '12345678' })).toMatchObject({
      error: { code: 'method_not_allowed' },
    });
    expect(await screen.call('signIn.startBankId', { sameDevice: false })).toMatchObject({
      error: { code: 'method_not_allowed' },
    });
    expect(await screen.call('signIn.pollBankId', {})).toMatchObject({
      error: { code: 'bankid_not_configured' },
    });
    expect(await screen.call('signIn.cancelBankId', {})).toEqual({ ok: true, value: {} });
    expect(t.count('sms_codes') + t.count('bankid_orders')).toBe(0);
  });
});

describe('a half-finished sign-in', () => {
  beforeEach(() => t.policy({ methods: ['totp'], defaultMethod: 'totp' }));

  it(`ends after ${PENDING_SIGN_IN_TTL_MS / 60_000} minutes`, async () => {
    const screen = t.screen();
    await login(screen);
    t.clock.advance(PENDING_SIGN_IN_TTL_MS + 1);
    expect(await screen.call('signIn.beginTotp', {})).toMatchObject({ error: { code: 'sign_in_expired' } });
    // And stays ended.
    t.clock.advance(-PENDING_SIGN_IN_TTL_MS);
    expect(await screen.call('signIn.beginTotp', {})).toMatchObject({ error: { code: 'sign_in_expired' } });
  });

  it('ends when an administrator resets the password or disables the operator meanwhile', async () => {
    const id = (await t.admin.must('operators.list', {})).items.find((o) => o.username === 'erik')!.id;
    const screen = t.screen();
    await login(screen);
    await t.admin.must('operators.update', { id, password: 'a new password 1' });
    expect(await screen.call('signIn.beginTotp', {})).toMatchObject({ error: { code: 'sign_in_expired' } });

    const other = t.screen();
    await other.must('session.login', { username: 'erik', password: 'a new password 1' });
    await t.admin.must('operators.update', { id, isDisabled: true });
    expect(await other.call('signIn.beginTotp', {})).toMatchObject({ error: { code: 'sign_in_expired' } });
  });

  it('ends on "back to sign-in", and a secret begun before it cannot be confirmed', async () => {
    const screen = t.screen();
    await login(screen);
    const enrolment = await screen.must('signIn.beginTotp', {});
    expect(await screen.call('signIn.cancel', {})).toEqual({ ok: true, value: {} });
    expect(await screen.call('signIn.confirmTotp', { code: t.code(enrolment.secret) })).toMatchObject({
      error: { code: 'sign_in_expired' },
    });
    expect(t.count('operator_totp')).toBe(0);
  });

  it('belongs to its screen: another screen cannot finish it', async () => {
    const screen = t.screen();
    await login(screen);
    expect(await t.screen().call('signIn.beginTotp', {})).toMatchObject({
      error: { code: 'sign_in_expired' },
    });
  });
});
