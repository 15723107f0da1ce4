import { flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { fail, ok } from '../../../../src-shared/api/result';
import { useSessionStore } from '../../../../src-renderer/stores/session';
import LoginView from '../../../../src-renderer/views/LoginView.vue';
import { ADMIN, fakeDeskClient, status } from '../fake-desk-client';
import { mountDesk } from '../mount-desk';

afterEach(() => {
  document.body.innerHTML = '';
});

async function logIn(code?: 'invalid_login' | 'locked_out' | 'forbidden') {
  const desk = fakeDeskClient({
    'session.status': () => status(null),
    'session.login': () => (code ? fail(code, 'English text for logs.') : ok(ADMIN)),
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
    ['invalid_login', 'Wrong username or password.'],
    ['locked_out', 'Too many failed attempts.'],
    ['forbidden', 'This operator account is disabled.'],
  ] as const)('explains %s in the operator language', async (code, text) => {
    const { wrapper } = await logIn(code);
    expect(wrapper.find('[data-testid="login-error"]').text()).toContain(text);
    expect((wrapper.find('[data-testid="login-password"]').element as HTMLInputElement).value).toBe('');
  });

  it('says why the last session ended', async () => {
    const desk = fakeDeskClient({ 'session.status': () => status(null), 'session.login': () => ok(ADMIN) });
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
});
