// A card tapped at the login where card and PIN is allowed, and setting up an authenticator app
// inside the sign-in.
import { flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fail, ok } from '../../../../../src-shared/api/result';
import { useSessionStore } from '../../../../../src-renderer/stores/session';
import { givePassword, openLogin, SIGNED_IN } from './open-login';

afterEach(() => {
  document.body.innerHTML = '';
  vi.useRealTimers();
});

const CARD_PIN = { methods: ['totp' as const, 'card_pin' as const], defaultMethod: 'totp' as const };

describe('card and PIN', () => {
  it('asks for the PIN when a card is tapped, and signs in', async () => {
    const { wrapper, desk } = await openLogin({ 'signIn.cardPin': () => SIGNED_IN }, CARD_PIN);
    desk.emit('card.presentedSignedOut', { canUsePin: true });
    await flushPromises();
    expect(wrapper.find('[data-testid="card-pin-lead"]').text()).toBe('Card read. Enter your PIN.');
    expect(wrapper.find('[data-testid="signed-out-tap"]').exists()).toBe(false);
    await wrapper.find('[data-testid="card-pin"]').setValue('482913');
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    expect(desk.callsOf('signIn.cardPin')).toEqual([{ pin: '482913' }]);
    expect(useSessionStore().isLoggedIn).toBe(true);
  });

  it.each([
    ['invalid_login', 'Wrong card or PIN.'],
    ['no_card_presented', 'Tap your card again.'],
  ] as const)('says %s in words', async (code, text) => {
    const { wrapper, desk } = await openLogin({ 'signIn.cardPin': () => fail(code, 'x') }, CARD_PIN);
    desk.emit('card.presentedSignedOut', { canUsePin: true });
    await flushPromises();
    await wrapper.find('[data-testid="card-pin"]').setValue('482913');
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    expect(wrapper.find('[data-testid="card-pin-error"]').text()).toBe(text);
  });

  it('counts the minute down, then asks for the card again; a new tap starts again', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    const { wrapper, desk } = await openLogin({}, CARD_PIN);
    desk.emit('card.presentedSignedOut', { canUsePin: true });
    await flushPromises();
    expect(wrapper.find('[data-testid="card-pin-countdown"]').text()).toBe('60 seconds left');
    await vi.advanceTimersByTimeAsync(59_000);
    expect(wrapper.find('[data-testid="card-pin-countdown"]').text()).toBe('1 second left');
    await vi.advanceTimersByTimeAsync(1000);
    expect(wrapper.find('[data-testid="card-pin-lead"]').text()).toBe(
      'The time for the PIN has run out. Tap your card again.',
    );
    expect(wrapper.find('[data-testid="card-pin"]').exists()).toBe(false);
    desk.emit('card.presentedSignedOut', { canUsePin: true });
    await flushPromises();
    expect(wrapper.find('[data-testid="card-pin"]').exists()).toBe(true);
  });

  it('keeps the old notice where the card cannot sign in', async () => {
    const { wrapper, desk } = await openLogin({}, CARD_PIN);
    desk.emit('card.presentedSignedOut', { canUsePin: false });
    await flushPromises();
    expect(wrapper.find('[data-testid="card-pin"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="signed-out-tap"]').text()).toBe(
      'A card was presented. Log in to see who this is.',
    );
  });
});

describe('setting up an authenticator app while signing in', () => {
  const ENROLMENT = ok({
    secret: 'JBSW Y3DP EHPK 3PXP',
    uri: 'otpauth://totp/Frontdesk%20ID:admin?secret=JBSWY3DPEHPK3PXP&issuer=Frontdesk%20ID',
    qrSvg: '<svg xmlns="http://www.w3.org/2000/svg"/>',
  });

  it('shows the QR code, the key and the steps, and signs in with the first code', async () => {
    const { wrapper, desk } = await openLogin({
      'session.login': () => ok({ step: 'enrol', method: 'totp' }),
      'signIn.beginTotp': () => ENROLMENT,
      'signIn.confirmTotp': () => SIGNED_IN,
    });
    await givePassword(wrapper);
    expect(wrapper.find('[data-testid="enrol-lead"]').text()).toBe(
      'Your organisation requires a second factor. Set up an authenticator app.',
    );
    expect(wrapper.find('[data-testid="totp-secret"]').text()).toBe('JBSW Y3DP EHPK 3PXP');
    expect(wrapper.find('[data-testid="qr-code"]').exists()).toBe(true);
    expect(wrapper.findAll('[data-testid="totp-enrolment"] > li')).toHaveLength(3);
    await wrapper.find('[data-testid="enrol-code"]').setValue('123456');
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    expect(desk.callsOf('signIn.confirmTotp')).toEqual([{ code: '123456' }]);
    expect(useSessionStore().isLoggedIn).toBe(true);
  });

  it('says a wrong first code in words and keeps the key on screen', async () => {
    const { wrapper } = await openLogin({
      'session.login': () => ok({ step: 'enrol', method: 'totp' }),
      'signIn.beginTotp': () => ENROLMENT,
      'signIn.confirmTotp': () => fail('invalid_code', 'x'),
    });
    await givePassword(wrapper);
    await wrapper.find('[data-testid="enrol-code"]').setValue('000000');
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    expect(wrapper.find('[data-testid="enrol-code-error"]').text()).toBe(
      'Wrong code. Check it and try again.',
    );
    expect(wrapper.find('[data-testid="totp-secret"]').exists()).toBe(true);
  });

  it('says when the desk cannot keep the secret', async () => {
    const { wrapper } = await openLogin({
      'session.login': () => ok({ step: 'enrol', method: 'totp' }),
      'signIn.beginTotp': () => fail('key_store_unavailable', 'No keychain.'),
    });
    await givePassword(wrapper);
    expect(wrapper.find('[data-testid="enrol-error"]').text()).toBe(
      'This desk cannot store the secret safely right now. Contact your IT administrator.',
    );
  });
});
