import { flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fail, type ErrorParams } from '../../../../src-shared/api/result';
import { useSessionStore } from '../../../../src-renderer/stores/session';
import { applyLanguage } from '../../../../src-renderer/i18n';
import LoginView from '../../../../src-renderer/views/LoginView.vue';
import { ADMIN, fakeDeskClient, status, signedIn } from '../fake-desk-client';
import { mountDesk } from '../mount-desk';

afterEach(() => {
  document.body.innerHTML = '';
  vi.useRealTimers();
});

async function logIn(code?: 'invalid_login' | 'locked_out', params?: ErrorParams) {
  const desk = fakeDeskClient({
    'session.status': () => status(null),
    'session.login': () => (code ? fail(code, 'English text for logs.', undefined, params) : signedIn(ADMIN)),
  });
  const { wrapper, router } = mountDesk(LoginView, desk);
  await useSessionStore().start();
  await wrapper.find('[data-testid="login-username"]').setValue('admin');
  await wrapper.find('[data-testid="login-password"]').setValue('correct horse battery');
  await wrapper.find('form').trigger('submit');
  await flushPromises();
  return { wrapper, router, desk };
}

describe('the login screen', () => {
  it('logs in on Enter (form submit) and goes to the idle screen', async () => {
    const { router, desk } = await logIn();
    expect(desk.callsOf('session.login')).toEqual([{ username: 'admin', password: 'correct horse battery' }]);
    expect(router.currentRoute.value.name).toBe('home');
  });

  it.each([
    ['invalid_login', undefined, 'Wrong username or password.'],
    ['locked_out', undefined, 'Too many failed attempts. Wait a moment and try again.'],
    ['locked_out', { retryAfterSeconds: 1 }, 'Too many failed attempts. Try again in 1 second.'],
    ['locked_out', { retryAfterSeconds: 30 }, 'Too many failed attempts. Try again in 30 seconds.'],
    ['locked_out', { retryAfterSeconds: 900 }, 'Too many failed attempts. Try again in 15 minutes.'],
    // A figure the desk would never send is not shown: the general wording stands in.
    ['locked_out', { retryAfterSeconds: -5 }, 'Too many failed attempts. Wait a moment and try again.'],
    ['locked_out', { retryAfterSeconds: '30' }, 'Too many failed attempts. Wait a moment and try again.'],
    ['locked_out', { retryAfterSeconds: 1e12 }, 'Too many failed attempts. Wait a moment and try again.'],
  ] as const)('explains %s %o in the operator language', async (code, params, text) => {
    const { wrapper } = await logIn(code, params);
    expect(wrapper.find('[data-testid="login-error"]').text()).toBe(text);
    expect((wrapper.find('[data-testid="login-password"]').element as HTMLInputElement).value).toBe('');
  });

  it('counts a throttled wait down, then takes the message away', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    const { wrapper } = await logIn('locked_out', { retryAfterSeconds: 62 });
    const message = () => wrapper.find('[data-testid="login-error"]');
    expect(message().text()).toBe('Too many failed attempts. Try again in 2 minutes.');
    await vi.advanceTimersByTimeAsync(3000);
    expect(message().text()).toBe('Too many failed attempts. Try again in 59 seconds.');
    await vi.advanceTimersByTimeAsync(58_000);
    expect(message().text()).toBe('Too many failed attempts. Try again in 1 second.');
    await vi.advanceTimersByTimeAsync(1000);
    expect(message().exists()).toBe(false);
  });

  it('says so in Swedish, Danish and Norwegian too', async () => {
    const { wrapper } = await logIn('locked_out', { retryAfterSeconds: 30 });
    const texts: string[] = [];
    for (const language of ['sv', 'da', 'nb'] as const) {
      applyLanguage(language);
      await flushPromises();
      texts.push(wrapper.find('[data-testid="login-error"]').text());
    }
    applyLanguage('en');
    expect(texts).toEqual([
      'För många misslyckade försök. Försök igen om 30 sekunder.',
      'For mange mislykkede forsøg. Prøv igen om 30 sekunder.',
      'For mange mislykkede forsøk. Prøv igjen om 30 sekunder.',
    ]);
  });

  it('says why the last session ended', async () => {
    const desk = fakeDeskClient({
      'session.status': () => status(null),
      'session.login': () => signedIn(ADMIN),
    });
    const { wrapper } = mountDesk(LoginView, desk);
    const session = useSessionStore();
    await session.start();
    await session.login('admin', 'x');
    desk.emit('session.ended', { reason: 'idle' });
    await flushPromises();
    expect(wrapper.find('[data-testid="login-ended"]').text()).toBe(
      'You were logged out after 5 minutes without activity.',
    );
  });

  it('says when an administrator ended the session', async () => {
    const desk = fakeDeskClient({
      'session.status': () => status(null),
      'session.login': () => signedIn(ADMIN),
    });
    const { wrapper } = mountDesk(LoginView, desk);
    const session = useSessionStore();
    await session.start();
    await session.login('admin', 'x');
    desk.emit('session.ended', { reason: 'revoked' });
    await flushPromises();
    expect(wrapper.find('[data-testid="login-ended"]').text()).toBe(
      'An administrator changed your account, so you were logged out.',
    );
  });
});
