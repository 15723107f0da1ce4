// After the password: "Verify with", the authenticator app's code, and the ways back.
import { flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fail, ok } from '../../../../../src-shared/api/result';
import { useSessionStore } from '../../../../../src-renderer/stores/session';
import { givePassword, openLogin, SIGNED_IN, VERIFY_ALL } from './open-login';

afterEach(() => {
  document.body.innerHTML = '';
  vi.useRealTimers();
});

describe('verifying after the password', () => {
  it('offers every choice, the default first, the SMS one with the masked number', async () => {
    const { wrapper } = await openLogin({
      'session.login': () => ok({ ...VERIFY_ALL, defaultMethod: 'bankid' }),
    });
    await givePassword(wrapper);
    const choices = wrapper.findAll('[data-testid^="verify-"]').filter((c) => c.element.tagName === 'BUTTON');
    expect(choices.map((c) => c.attributes('data-testid'))).toEqual([
      'verify-bankid',
      'verify-totp',
      'verify-sms',
    ]);
    expect(wrapper.find('[data-testid="verify-sms"]').text()).toContain('To xxxx-xxxx72');
    expect(wrapper.find('[data-testid="screen-title"]').text()).toBe('Verify it is you');
  });

  it('signs in with the app code and goes to the idle screen', async () => {
    const { wrapper, desk, router } = await openLogin({
      'session.login': () => ok(VERIFY_ALL),
      'signIn.verifyTotp': () => SIGNED_IN,
    });
    await givePassword(wrapper);
    await wrapper.find('[data-testid="verify-totp"]').trigger('click');
    await flushPromises();
    const field = wrapper.find('[data-testid="totp-code"]');
    // The cursor is in the field: the code can be typed at once.
    expect(document.activeElement).toBe(field.element);
    expect(field.attributes('inputmode')).toBe('numeric');
    expect(field.attributes('autocomplete')).toBe('one-time-code');
    await field.setValue('123 456');
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    expect(desk.callsOf('signIn.verifyTotp')).toEqual([{ code: '123 456' }]);
    expect(useSessionStore().isLoggedIn).toBe(true);
    expect(router.currentRoute.value.name).toBe('home');
  });

  it.each([
    ['invalid_code', 'Wrong code. Check it and try again.'],
    ['code_used', 'That code has already been used. Wait for the next code in the app.'],
  ] as const)('says %s in words and stays on the code', async (code, text) => {
    const { wrapper } = await openLogin({
      'session.login': () => ok({ step: 'verify', choices: [{ method: 'totp' }], defaultMethod: 'totp' }),
      'signIn.verifyTotp': () => fail(code, 'English for logs.'),
    });
    await givePassword(wrapper);
    // One choice needs no choosing: straight to the code.
    await wrapper.find('[data-testid="totp-code"]').setValue('123456');
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    expect(wrapper.find('[data-testid="totp-code-error"]').text()).toBe(text);
    expect(useSessionStore().isLoggedIn).toBe(false);
  });

  it('refuses letters and oversized input without asking the desk', async () => {
    const { wrapper, desk } = await openLogin({
      'session.login': () => ok({ step: 'verify', choices: [{ method: 'totp' }], defaultMethod: 'totp' }),
    });
    await givePassword(wrapper);
    for (const typed of ['abcdef', '1'.repeat(40), '12345']) {
      await wrapper.find('[data-testid="totp-code"]').setValue(typed);
      await wrapper.find('form').trigger('submit');
      await flushPromises();
      expect(wrapper.find('[data-testid="totp-code-error"]').text()).toBe(
        'Wrong code. Check it and try again.',
      );
    }
    expect(desk.callsOf('signIn.verifyTotp')).toEqual([]);
  });

  it('counts a lock-out down on the code step', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    const { wrapper } = await openLogin({
      'session.login': () => ok({ step: 'verify', choices: [{ method: 'totp' }], defaultMethod: 'totp' }),
      'signIn.verifyTotp': () => fail('locked_out', 'Too many.', undefined, { retryAfterSeconds: 5 }),
    });
    await givePassword(wrapper);
    await wrapper.find('[data-testid="totp-code"]').setValue('123456');
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    const error = () => wrapper.find('[data-testid="totp-code-error"]');
    expect(error().text()).toBe('Too many failed attempts. Try again in 5 seconds.');
    await vi.advanceTimersByTimeAsync(2000);
    expect(error().text()).toBe('Too many failed attempts. Try again in 3 seconds.');
    await vi.advanceTimersByTimeAsync(3000);
    expect(error().exists()).toBe(false);
  });

  it('goes back to the password with a reason when the step has timed out', async () => {
    const { wrapper } = await openLogin({
      'session.login': () => ok({ step: 'verify', choices: [{ method: 'totp' }], defaultMethod: 'totp' }),
      'signIn.verifyTotp': () => fail('sign_in_expired', 'Too late.'),
    });
    await givePassword(wrapper);
    await wrapper.find('[data-testid="totp-code"]').setValue('123456');
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    expect(wrapper.find('[data-testid="login-notice"]').text()).toBe(
      'The login took too long. Start again with your username and password.',
    );
    expect(wrapper.find('[data-testid="login-username"]').exists()).toBe(true);
  });

  it('"Back to login" forgets the half-finished sign-in at the desk', async () => {
    const { wrapper, desk } = await openLogin({ 'session.login': () => ok(VERIFY_ALL) });
    await givePassword(wrapper);
    await wrapper.find('[data-testid="verify-totp"]').trigger('click');
    await flushPromises();
    await wrapper.find('[data-testid="sign-in-other"]').trigger('click');
    await flushPromises();
    expect(wrapper.find('[data-testid="verify-choices"]').exists()).toBe(true);
    await wrapper.find('[data-testid="sign-in-cancel"]').trigger('click');
    await flushPromises();
    expect(desk.callsOf('signIn.cancel')).toEqual([{}]);
    expect(wrapper.find('[data-testid="login-username"]').exists()).toBe(true);
  });
});

describe('the first step', () => {
  it('makes BankID the big button when it is the default, with the card line under it', async () => {
    const { wrapper } = await openLogin(
      {},
      { methods: ['bankid', 'totp', 'card_pin'], defaultMethod: 'bankid' },
    );
    const html = wrapper.html();
    const bankid = wrapper.find('[data-testid="login-bankid"]');
    expect(bankid.classes()).toContain('p-button-lg');
    expect(html.indexOf('data-testid="login-bankid"')).toBeLessThan(
      html.indexOf('data-testid="login-username"'),
    );
    expect(wrapper.find('[data-testid="login-tap-hint"]').text()).toBe('Or tap your card on the reader');
  });

  it('shows the password first and no BankID where the policy has none', async () => {
    const { wrapper } = await openLogin({}, { methods: ['totp'], defaultMethod: 'totp' });
    expect(wrapper.find('[data-testid="login-bankid"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="login-tap-hint"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="login-submit"]').classes()).toContain('p-button-lg');
  });

  it('asks only for the card where card and PIN is the one method', async () => {
    const { wrapper } = await openLogin({}, { methods: ['card_pin'], defaultMethod: 'card_pin' });
    expect(wrapper.find('[data-testid="login-username"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="login-tap-hint"]').text()).toBe(
      'Tap your card on the reader to log in.',
    );
  });
});
