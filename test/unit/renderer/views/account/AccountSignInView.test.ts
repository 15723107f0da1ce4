// My sign-in: what the operator has, what the organisation uses, and setting the two the operator
// sets alone (an authenticator app, a PIN), each after the password again.
import { flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { fail, ok } from '../../../../../src-shared/api/result';
import AccountSignInView from '../../../../../src-renderer/views/account/AccountSignInView.vue';
import { fakeDeskClient } from '../../fake-desk-client';
import { mountDesk } from '../../mount-desk';

afterEach(() => {
  document.body.innerHTML = '';
});

const MINE = {
  totpEnrolledAt: null,
  pinSetAt: null,
  maskedPhone: 'xxxx-xxxx72',
  hasIdentityNumber: true,
  hasActiveOwnCard: false,
  policy: { methods: ['totp' as const, 'card_pin' as const], defaultMethod: 'totp' as const },
};

async function open() {
  const desk = fakeDeskClient({
    'factors.mine': () => ok(MINE),
    'factors.setPin': () => ok({ ...MINE, pinSetAt: '2026-12-02T10:00:00Z' }),
    'factors.beginTotp': () =>
      ok({
        secret: 'JBSW Y3DP EHPK 3PXP',
        uri: 'otpauth://totp/x',
        qrSvg: '<svg xmlns="http://www.w3.org/2000/svg"/>',
      }),
    'factors.confirmTotp': () => ok({ ...MINE, totpEnrolledAt: '2026-12-02T10:00:00Z' }),
  });
  const mounted = mountDesk(AccountSignInView, desk);
  await flushPromises();
  return { ...mounted, desk };
}

describe('my sign-in', () => {
  it('shows each factor and whether the organisation uses it', async () => {
    const { wrapper } = await open();
    expect(wrapper.find('[data-testid="factor-totp"]').text()).toContain('Used by your organisation');
    expect(wrapper.find('[data-testid="factor-totp-state"]').text()).toBe('Not set up');
    expect(wrapper.find('[data-testid="factor-phone"]').text()).toContain('xxxx-xxxx72');
    expect(wrapper.find('[data-testid="factor-phone"]').text()).toContain('Not used by your organisation');
    expect(wrapper.find('[data-testid="factor-identity"]').text()).toContain('Registered');
    expect(wrapper.find('[data-testid="factor-pin-no-card"]').exists()).toBe(true);
  });

  it('checks a new PIN here before sending it', async () => {
    const { wrapper, desk } = await open();
    await wrapper.find('[data-testid="factor-pin-edit"]').trigger('click');
    await wrapper.find('[data-testid="pin-setup-password"]').setValue('correct horse battery');
    for (const [pin, repeat, text] of [
      ['123456', '123456', 'Too easy to guess: avoid one digit repeated and series like 123456.'],
      ['12a456', '12a456', 'Use digits only.'],
      ['4829', '4829', 'Use at least 6 digits.'],
    ] as const) {
      await wrapper.find('[data-testid="pin-setup-pin"]').setValue(pin);
      await wrapper.find('[data-testid="pin-setup-repeat"]').setValue(repeat);
      await wrapper.find('[data-testid="pin-setup"]').trigger('submit');
      await flushPromises();
      expect(wrapper.find('[data-testid="pin-setup-pin-error"]').text()).toBe(text);
    }
    await wrapper.find('[data-testid="pin-setup-pin"]').setValue('482913');
    await wrapper.find('[data-testid="pin-setup-repeat"]').setValue('482914');
    await wrapper.find('[data-testid="pin-setup"]').trigger('submit');
    await flushPromises();
    expect(wrapper.find('[data-testid="pin-setup-repeat-error"]').text()).toBe(
      'The two PINs are not the same.',
    );
    expect(desk.callsOf('factors.setPin')).toEqual([]);
  });

  it('sets the PIN with the password', async () => {
    const { wrapper, desk } = await open();
    await wrapper.find('[data-testid="factor-pin-edit"]').trigger('click');
    await wrapper.find('[data-testid="pin-setup-password"]').setValue('correct horse battery');
    await wrapper.find('[data-testid="pin-setup-pin"]').setValue('482913');
    await wrapper.find('[data-testid="pin-setup-repeat"]').setValue('482913');
    await wrapper.find('[data-testid="pin-setup"]').trigger('submit');
    await flushPromises();
    expect(desk.callsOf('factors.setPin')).toEqual([{ password: 'correct horse battery', pin: '482913' }]);
    expect(wrapper.find('[data-testid="factor-pin-state"]').text()).toMatch(/^Set /);
  });

  it('says a wrong password in words', async () => {
    const { wrapper, desk } = await open();
    desk.handlers['factors.beginTotp'] = () => fail('invalid_login', 'Wrong password.');
    await wrapper.find('[data-testid="factor-totp-edit"]').trigger('click');
    await wrapper.find('[data-testid="totp-setup-password"]').setValue('wrong');
    await wrapper.find('[data-testid="totp-setup"] form').trigger('submit');
    await flushPromises();
    expect(wrapper.find('[data-testid="totp-setup-error"]').text()).toBe('Wrong password.');
  });

  it('sets up an authenticator app: password, key, first code', async () => {
    const { wrapper, desk } = await open();
    await wrapper.find('[data-testid="factor-totp-edit"]').trigger('click');
    await wrapper.find('[data-testid="totp-setup-password"]').setValue('correct horse battery');
    await wrapper.find('[data-testid="totp-setup"] form').trigger('submit');
    await flushPromises();
    expect(wrapper.find('[data-testid="totp-secret"]').text()).toBe('JBSW Y3DP EHPK 3PXP');
    await wrapper.find('[data-testid="totp-setup-code"]').setValue('123456');
    await wrapper.find('[data-testid="totp-setup"] form').trigger('submit');
    await flushPromises();
    expect(desk.callsOf('factors.confirmTotp')).toEqual([{ code: '123456' }]);
    expect(wrapper.find('[data-testid="factor-totp-state"]').text()).toMatch(/^Set up /);
  });
});
