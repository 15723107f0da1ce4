// The organisation's sign-in methods: the rules checked before saving, the password alone only after
// a warning, what this desk has not set up, and the core's refusals in words.
import { flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { fail, ok } from '../../../../src-shared/api/result';
import type { SignInPolicy } from '../../../../src-shared/domain/sign-in';
import SignInMethodsView from '../../../../src-renderer/views/SignInMethodsView.vue';
import { fakeDeskClient } from '../fake-desk-client';
import { mountDesk } from '../mount-desk';

afterEach(() => {
  document.body.innerHTML = '';
});

function view(policy: SignInPolicy, isSetUp = { sms: true, bankid: false }) {
  return ok({ policy, isSetUp, usage: { smsSent: 14, bankIdOrders: 0 } });
}

async function open(policy: SignInPolicy = { methods: ['totp'], defaultMethod: 'totp' }) {
  const desk = fakeDeskClient({
    'signIn.policy': () => view(policy),
    'signIn.setPolicy': (input) => view(input),
  });
  const mounted = mountDesk(SignInMethodsView, desk);
  await flushPromises();
  return { ...mounted, desk };
}

const check = async (wrapper: Awaited<ReturnType<typeof open>>['wrapper'], method: string) => {
  await wrapper.find(`#method-${method}`).setValue(true);
  await flushPromises();
};

describe('sign-in methods', () => {
  it('marks the methods that cost money with their use, and what is not set up', async () => {
    const { wrapper } = await open();
    expect(wrapper.find('[data-testid="method-sms"]').text()).toContain('Costs per use');
    expect(wrapper.find('[data-testid="method-sms"]').text()).toContain('14 SMS sent in the last 30 days');
    expect(wrapper.find('[data-testid="method-bankid"]').text()).toContain(
      'Not set up on this desk (see docs/sign-in.md)',
    );
    expect(wrapper.find('#method-bankid').attributes('disabled')).toBeDefined();
  });

  it('saves the chosen methods with the default among them', async () => {
    const { wrapper, desk } = await open();
    await check(wrapper, 'card_pin');
    await wrapper.find('#method-default-card_pin').setValue(true);
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    expect(desk.callsOf('signIn.setPolicy')).toEqual([
      { methods: ['totp', 'card_pin'], defaultMethod: 'card_pin' },
    ]);
  });

  it('refuses SMS alone before asking the desk', async () => {
    const { wrapper, desk } = await open();
    await check(wrapper, 'sms');
    await wrapper.find('#method-totp').setValue(false);
    await flushPromises();
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    expect(wrapper.find('[data-testid="methods-problem"]').text()).toBe(
      'An SMS code is the weakest second factor: also allow an authenticator app, BankID or card and PIN.',
    );
    expect(desk.callsOf('signIn.setPolicy')).toEqual([]);
  });

  it('allows the password alone only after the warning is confirmed', async () => {
    const { wrapper, desk } = await open();
    await check(wrapper, 'password');
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    expect(desk.callsOf('signIn.setPolicy')).toEqual([]);
    const warning = document.querySelector('[data-testid="methods-password-warning"]');
    expect(warning?.textContent).toContain('Anyone who learns or guesses');
    (document.querySelector('[data-testid="methods-password-confirm"]') as HTMLButtonElement).click();
    await flushPromises();
    expect(desk.callsOf('signIn.setPolicy')).toEqual([
      { methods: ['totp', 'password'], defaultMethod: 'totp' },
    ]);
  });

  it('puts each of the core’s policy problems into words', async () => {
    const { wrapper, desk } = await open();
    desk.handlers['signIn.setPolicy'] = () =>
      fail('policy_invalid', 'Bad policy.', [
        { path: 'methods', message: 'x', code: 'not_set_up', params: { method: 'sms' } },
      ]);
    await check(wrapper, 'card_pin');
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    expect(wrapper.find('[data-testid="methods-problem"]').text()).toBe(
      'SMS code is not set up on this desk.',
    );
  });
});
