// The organisation's sign-in methods: only administrators see and set them, a policy nobody could
// use is refused with its problem, and every change is in the audit log.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD } from '../../../../harness/test-desk';
import { startSignInDesk, type SignInDesk } from './sign-in-desk';

let t: SignInDesk;
beforeEach(async () => {
  t = await startSignInDesk();
});
afterEach(() => t.close());

const lastAudit = () =>
  t.desk.db.prepare('SELECT action, details FROM audit_events ORDER BY seq DESC LIMIT 1').get() as {
    action: string;
    details: string;
  };

describe('the sign-in policy', () => {
  it('is for administrators: other roles are refused, and a signed-out screen sees only the methods', async () => {
    for (const role of ['reception', 'card_admin', 'it_admin'] as const) {
      const other = await t.loginAs([role]);
      expect(await other.call('signIn.policy', {}), role).toMatchObject({ error: { code: 'forbidden' } });
      expect(
        await other.call('signIn.setPolicy', { methods: ['password'], defaultMethod: 'password' }),
        role,
      ).toMatchObject({ error: { code: 'forbidden' } });
    }
    const status = await t.screen().must('session.status', {});
    expect(status.signIn).toEqual({ methods: ['totp', 'password'], defaultMethod: 'password' });
  });

  it('shows what this desk has set up and what the cost-bearing methods were used for', async () => {
    expect(await t.admin.must('signIn.policy', {})).toEqual({
      policy: { methods: ['totp', 'password'], defaultMethod: 'password' },
      isSetUp: { sms: false, bankid: false },
      usage: { smsSent: 0, bankIdOrders: 0 },
    });
  });

  it('refuses each policy nobody could use, with its problem, and changes nothing', async () => {
    const before = t.count('audit_events');
    const cases = [
      [
        { methods: ['totp'], defaultMethod: 'card_pin' },
        [{ code: 'default_not_allowed', path: 'defaultMethod' }],
      ],
      [
        { methods: ['sms'], defaultMethod: 'sms' },
        [{ code: 'sms_alone' }, { code: 'not_set_up', params: { method: 'sms' } }],
      ],
      [
        { methods: ['bankid'], defaultMethod: 'bankid' },
        [{ code: 'not_set_up', params: { method: 'bankid' } }],
      ],
    ] as const;
    for (const [policy, issues] of cases) {
      const refused = await t.admin.call('signIn.setPolicy', {
        methods: [...policy.methods],
        defaultMethod: policy.defaultMethod,
      });
      expect(refused, JSON.stringify(policy)).toMatchObject({
        ok: false,
        error: { code: 'policy_invalid', issues },
      });
    }
    expect(await t.admin.call('signIn.setPolicy', { methods: [], defaultMethod: 'totp' })).toMatchObject({
      error: { code: 'bad_request' },
    });
    expect(t.count('audit_events')).toBe(before);
    expect((await t.admin.must('signIn.policy', {})).policy.methods).toEqual(['totp', 'password']);
  });

  it('is audited, and allowing the password alone says so in the audit log', async () => {
    await t.policy({ methods: ['card_pin', 'totp'], defaultMethod: 'card_pin' });
    expect(lastAudit().action).toBe('signIn.setPolicy');
    expect(JSON.parse(lastAudit().details)).toEqual({
      methods: ['totp', 'card_pin'],
      defaultMethod: 'card_pin',
      allowsPasswordAlone: false,
    });
    await t.policy({ methods: ['password'], defaultMethod: 'password' });
    expect(JSON.parse(lastAudit().details)).toMatchObject({ allowsPasswordAlone: true });
    // Repeated entries are one method.
    await t.admin.must('signIn.setPolicy', { methods: ['totp', 'totp', 'password'], defaultMethod: 'totp' });
    expect((await t.screen().must('session.status', {})).signIn.methods).toEqual(['totp', 'password']);
  });

  it('takes effect at the next sign-in', async () => {
    await t.operator('erik', ['reception']);
    const screen = t.screen();
    expect(await screen.must('session.login', { username: 'erik', password: ADMIN_PASSWORD })).toMatchObject({
      step: 'signedIn',
    });
    await t.policy({ methods: ['totp'], defaultMethod: 'totp' });
    expect(await t.screen().must('session.login', { username: 'erik', password: ADMIN_PASSWORD })).toEqual({
      step: 'enrol',
      method: 'totp',
    });
  });
});
