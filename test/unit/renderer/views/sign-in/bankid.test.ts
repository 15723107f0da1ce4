// BankID from the login: the QR code large and refreshed each second, BankID's own words for each
// hint, a failed order offered again, and no polling once the screen has moved on.
import { flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BankIdState } from '../../../../../src-shared/api/methods/sign-in';
import { fail, ok, type Result } from '../../../../../src-shared/api/result';
import { useSessionStore } from '../../../../../src-renderer/stores/session';
import { ADMIN } from '../../fake-desk-client';
import { openLogin } from './open-login';

afterEach(() => {
  document.body.innerHTML = '';
  vi.useRealTimers();
});

const SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><rect width="1" height="1"/></svg>';
const pending = (
  hintCode: 'outstandingTransaction' | 'started' | 'userSign',
  qr = true,
): Result<BankIdState> =>
  ok({ status: 'pending', hintCode, qr: qr ? 'bankid.x.0.y' : null, qrSvg: qr ? SVG : null });

async function openBankId(states: Result<BankIdState>[]) {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
  let next = 0;
  const opened = await openLogin(
    {
      'signIn.startBankId': () => ok({ autoStartToken: null }),
      'signIn.pollBankId': () => states[Math.min(next++, states.length - 1)]!,
    },
    { methods: ['bankid', 'totp'], defaultMethod: 'bankid' },
  );
  await opened.wrapper.find('[data-testid="login-bankid"]').trigger('click');
  await flushPromises();
  return opened;
}

describe('BankID', () => {
  it('shows the QR code and each hint in BankID’s words, then signs in', async () => {
    const { wrapper, desk, router } = await openBankId([
      pending('outstandingTransaction'),
      pending('started'),
      pending('userSign', false),
      ok({ status: 'complete', operator: ADMIN }),
    ]);
    const hint = () => wrapper.find('[data-testid="bankid-hint"]').text();
    expect(desk.callsOf('signIn.startBankId')).toEqual([{ sameDevice: false }]);
    expect(wrapper.find('[data-testid="qr-code"]').attributes('src')).toMatch(/^data:image\/svg\+xml/);
    expect(hint()).toBe('Start your BankID app.');
    await vi.advanceTimersByTimeAsync(1000);
    expect(hint()).toMatch(/^Searching for BankID/);
    await vi.advanceTimersByTimeAsync(1000);
    expect(hint()).toBe('Enter your security code in the BankID app and select Identify.');
    expect(wrapper.find('[data-testid="qr-code"]').exists()).toBe(false);
    await vi.advanceTimersByTimeAsync(1000);
    await flushPromises();
    expect(useSessionStore().isLoggedIn).toBe(true);
    expect(router.currentRoute.value.name).toBe('home');
    expect(desk.callsOf('signIn.pollBankId')).toHaveLength(4);
  });

  it('offers "Try again" after a failed order, in the operator’s language', async () => {
    const { wrapper, desk } = await openBankId([ok({ status: 'failed', hintCode: 'userCancel' })]);
    expect(wrapper.find('[data-testid="bankid-hint"]').text()).toBe('Action cancelled.');
    await wrapper.find('[data-testid="bankid-try-again"]').trigger('click');
    await flushPromises();
    expect(desk.callsOf('signIn.startBankId')).toHaveLength(2);
  });

  it('says a BankID that is no operator’s does not belong here', async () => {
    const { wrapper } = await openBankId([fail('bankid_no_match', 'No operator.')]);
    expect(wrapper.find('[data-testid="bankid-error"]').text()).toMatch(
      /^This BankID does not belong to an operator of this desk/,
    );
    expect(wrapper.find('[data-testid="bankid-try-again"]').exists()).toBe(true);
  });

  it('stops asking and cancels the order when the operator goes back', async () => {
    const { wrapper, desk } = await openBankId([pending('outstandingTransaction')]);
    await wrapper.find('[data-testid="sign-in-cancel"]').trigger('click');
    await flushPromises();
    const polls = desk.callsOf('signIn.pollBankId').length;
    await vi.advanceTimersByTimeAsync(5000);
    expect(desk.callsOf('signIn.pollBankId')).toHaveLength(polls);
    expect(desk.callsOf('signIn.cancelBankId')).toEqual([{}]);
    expect(wrapper.find('[data-testid="login-username"]').exists()).toBe(true);
  });

  it('stops asking when the screen closes', async () => {
    const { wrapper, desk } = await openBankId([pending('outstandingTransaction')]);
    wrapper.unmount();
    const polls = desk.callsOf('signIn.pollBankId').length;
    await vi.advanceTimersByTimeAsync(5000);
    expect(desk.callsOf('signIn.pollBankId')).toHaveLength(polls);
  });

  it('starts the app on this computer with its autostart token', async () => {
    const { wrapper, desk } = await openBankId([pending('outstandingTransaction', false)]);
    desk.handlers['signIn.startBankId'] = () => ok({ autoStartToken: 'f8a2-token' });
    const assigned: string[] = [];
    const location = window.location;
    Object.defineProperty(window, 'location', {
      configurable: true,
      value: {
        set href(url: string) {
          assigned.push(url);
        },
      },
    });
    await wrapper.find('[data-testid="bankid-same-device"]').trigger('click');
    await flushPromises();
    Object.defineProperty(window, 'location', { configurable: true, value: location });
    expect(desk.callsOf('signIn.startBankId')).toEqual([{ sameDevice: false }, { sameDevice: true }]);
    expect(assigned).toEqual(['bankid:///?autostarttoken=f8a2-token&redirect=null']);
    expect(wrapper.find('[data-testid="bankid-hint"]').text()).toBe('Trying to start your BankID app.');
  });
});
