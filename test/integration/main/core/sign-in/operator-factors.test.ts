// What administrators register for an operator's sign-in (a mobile number, an identity number), what
// operators see of their own factors, and resetting them.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD } from '../../../../harness/test-desk';
import { startSignInDesk, type SignInDesk } from './sign-in-desk';

let t: SignInDesk;
beforeEach(async () => {
  t = await startSignInDesk();
});
afterEach(() => t.close());

const base = {
  displayName: 'Erik Ek',
  password: ADMIN_PASSWORD,
  roles: ['reception' as const],
  language: 'en' as const,
};

describe('an operator’s mobile and identity numbers', () => {
  it('are kept as E.164 and as the holders’ canonical form, shown as written', async () => {
    const view = await t.admin.must('operators.create', {
      ...base,
      username: 'erik',
      mobilePhone: '070-123 45 72',
      identity: { country: 'SE', number: '191212121212' },
    });
    expect(view).toMatchObject({
      mobilePhone: '+46701234572',
      identity: { country: 'SE', display: '19121212-1212' },
      hasTotp: false,
      hasPin: false,
    });
    const cleared = await t.admin.must('operators.update', {
      id: view.id,
      mobilePhone: null,
      identity: null,
    });
    expect(cleared).toMatchObject({ mobilePhone: null, identity: null });
    // Leaving a field out leaves it as it was.
    await t.admin.must('operators.update', { id: view.id, mobilePhone: '+4670 1234572' });
    expect(await t.admin.must('operators.update', { id: view.id, displayName: 'Erik E' })).toMatchObject({
      mobilePhone: '+46701234572',
    });
  });

  it('refuses a number that is not a mobile number, a wrong identity number, and one that is taken', async () => {
    const before = t.count('operators');
    expect(
      await t.admin.call('operators.create', { ...base, username: 'erik', mobilePhone: '123 45' }),
    ).toMatchObject({ error: { code: 'bad_request', issues: [{ path: 'mobilePhone' }] } });
    expect(
      await t.admin.call('operators.create', {
        ...base,
        username: 'erik',
        identity: { country: 'SE', number: '191212121213' },
      }),
    ).toMatchObject({ error: { code: 'invalid_identity_number', issues: [{ path: 'identity.number' }] } });
    expect(t.count('operators')).toBe(before);
    await t.admin.must('operators.create', {
      ...base,
      username: 'erik',
      identity: { country: 'SE', number: '19121212-1212' },
    });
    expect(
      await t.admin.call('operators.create', {
        ...base,
        username: 'eva',
        identity: { country: 'SE', number: '19121212 1212' },
      }),
    ).toMatchObject({ error: { code: 'conflict' } });
    expect(t.count('operators')).toBe(before + 1);
  });
});

describe('factors.mine', () => {
  it('tells an operator what they have, masked, and never their numbers', async () => {
    await t.admin.must('operators.create', {
      ...base,
      username: 'erik',
      mobilePhone: '+46701234572',
      identity: { country: 'SE', number: '191212121212' },
    });
    const { screen } = await t.enrolTotp('erik');
    const mine = await screen.must('factors.mine', {});
    expect(mine).toEqual({
      totpEnrolledAt: expect.any(String),
      pinSetAt: null,
      maskedPhone: 'xxxx-xxxx72',
      hasIdentityNumber: true,
      hasActiveOwnCard: false,
      policy: { methods: ['totp', 'password'], defaultMethod: 'password' },
    });
    expect(JSON.stringify(mine)).not.toContain('1212');
  });

  it('is refused to a signed-out screen', async () => {
    expect(await t.screen().call('factors.mine', {})).toMatchObject({ error: { code: 'unauthenticated' } });
  });
});

describe('operators.resetFactors', () => {
  it('removes the authenticator, ends the operator’s sessions and makes them enrol again', async () => {
    const id = await t.operator('erik', ['reception']);
    const { screen } = await t.enrolTotp('erik');
    expect((await t.admin.must('operators.list', {})).items.find((o) => o.id === id)).toMatchObject({
      hasTotp: true,
    });
    const reception = await t.loginAs(['reception']);
    expect(await reception.call('operators.resetFactors', { id })).toMatchObject({
      error: { code: 'forbidden' },
    });

    expect(await t.admin.must('operators.resetFactors', { id })).toMatchObject({
      hasTotp: false,
      hasPin: false,
    });
    expect(await screen.call('factors.mine', {})).toMatchObject({ error: { code: 'unauthenticated' } });
    await t.policy({ methods: ['totp'], defaultMethod: 'totp' });
    expect(await t.screen().must('session.login', { username: 'erik', password: ADMIN_PASSWORD })).toEqual({
      step: 'enrol',
      method: 'totp',
    });
    expect(
      await t.admin.call('operators.resetFactors', { id: '01900000-0000-7000-8000-000000000000' }),
    ).toMatchObject({ error: { code: 'not_found' } });
  });
});
