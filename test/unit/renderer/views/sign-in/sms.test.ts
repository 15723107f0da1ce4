// A code by SMS: sent on entering, its validity and "Send again" counted down, its refusals in words.
import { flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fail, ok } from '../../../../../src-shared/api/result';
import { useSessionStore } from '../../../../../src-renderer/stores/session';
import type { Handlers } from '../../fake-desk-client';
import { givePassword, openLogin, SIGNED_IN, VERIFY_ALL } from './open-login';

afterEach(() => {
  document.body.innerHTML = '';
  vi.useRealTimers();
});

function sent(resendAfterSeconds = 30) {
  return ok({
    maskedPhone: 'xxxx-xxxx72',
    expiresAt: new Date(Date.now() + 5 * 60_000).toISOString(),
    resendAfterSeconds,
  });
}

async function openSms(handlers: Handlers) {
  const opened = await openLogin({ 'session.login': () => ok(VERIFY_ALL), ...handlers });
  await givePassword(opened.wrapper);
  await opened.wrapper.find('[data-testid="verify-sms"]').trigger('click');
  await flushPromises();
  return opened;
}

describe('the SMS code', () => {
  it('is sent on entering, with Aiai’s words, the validity and the help', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    const { wrapper, desk } = await openSms({ 'signIn.sendSmsCode': () => sent() });
    expect(desk.callsOf('signIn.sendSmsCode')).toHaveLength(1);
    expect(wrapper.find('[data-testid="sms-sent"]').text()).toBe(
      'We have sent an SMS to your registered mobile number (xxxx-xxxx72). Enter the code from the SMS below.',
    );
    expect(wrapper.find('[data-testid="sms-validity"]').text()).toBe('Valid for: 5:00');
    expect(wrapper.find('[data-testid="sms-help"]').text()).toContain(
      'your SMS app has blocked us as sender.',
    );
    await vi.advanceTimersByTimeAsync(61_000);
    expect(wrapper.find('[data-testid="sms-validity"]').text()).toBe('Valid for: 3:59');
  });

  it('lets "Send code again" be used only after the wait', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    const { wrapper, desk } = await openSms({ 'signIn.sendSmsCode': () => sent(3) });
    const again = () => wrapper.find('[data-testid="sms-send-again"]');
    expect(again().attributes('disabled')).toBeDefined();
    expect(again().text()).toBe('Send code again (3 s)');
    await vi.advanceTimersByTimeAsync(3000);
    expect(again().attributes('disabled')).toBeUndefined();
    await again().trigger('click');
    await flushPromises();
    expect(desk.callsOf('signIn.sendSmsCode')).toHaveLength(2);
  });

  it('signs in with the code', async () => {
    const { wrapper, desk } = await openSms({
      'signIn.sendSmsCode': () => sent(),
      'signIn.verifySmsCode': () => SIGNED_IN,
    });
    await wrapper.find('[data-testid="sms-code"]').setValue('1234 5678');
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    expect(desk.callsOf('signIn.verifySmsCode')).toEqual([{ code: '1234 5678' }]);
    expect(useSessionStore().isLoggedIn).toBe(true);
  });

  it.each([
    [fail('invalid_code', 'x', undefined, { attemptsLeft: 2 }), 'Wrong code. You can try 2 more times.'],
    [fail('invalid_code', 'x', undefined, { attemptsLeft: 1 }), 'Wrong code. You can try 1 more time.'],
    [fail('code_exhausted', 'x'), 'Too many wrong tries with this code. Send a new code.'],
    [fail('code_expired', 'x'), 'The code has expired. Send a new one.'],
  ])('explains %o', async (refusal, text) => {
    const { wrapper } = await openSms({
      'signIn.sendSmsCode': () => sent(),
      'signIn.verifySmsCode': () => refusal,
    });
    await wrapper.find('[data-testid="sms-code"]').setValue('12345678');
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    expect(wrapper.find('[data-testid="sms-code-error"]').text()).toBe(text);
  });

  it('says when the SMS could not be sent and offers the other methods', async () => {
    const { wrapper } = await openSms({
      'signIn.sendSmsCode': () => fail('sms_unavailable', 'Gateway down.'),
    });
    expect(wrapper.find('[data-testid="sms-unavailable"]').text()).toBe(
      'The SMS could not be sent. Verify another way, or try again later.',
    );
    expect(wrapper.find('[data-testid="sms-code"]').exists()).toBe(false);
    await wrapper.find('[data-testid="sms-other"]').trigger('click');
    await flushPromises();
    expect(wrapper.find('[data-testid="verify-totp"]').exists()).toBe(true);
  });
});
