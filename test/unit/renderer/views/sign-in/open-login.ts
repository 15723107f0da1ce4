// The login screen mounted against a fake desk, with the password already given when asked.
import { flushPromises } from '@vue/test-utils';
import { ok } from '../../../../../src-shared/api/result';
import type { SignInStep } from '../../../../../src-shared/api/methods/sign-in';
import type { SessionStatus } from '../../../../../src-shared/api/methods';
import { useSessionStore } from '../../../../../src-renderer/stores/session';
import LoginView from '../../../../../src-renderer/views/LoginView.vue';
import { ADMIN, fakeDeskClient, status, type Handlers } from '../../fake-desk-client';
import { mountDesk } from '../../mount-desk';

export const VERIFY_ALL: SignInStep = {
  step: 'verify',
  choices: [{ method: 'totp' }, { method: 'sms', maskedPhone: 'xxxx-xxxx72' }, { method: 'bankid' }],
  defaultMethod: 'totp',
};

export const SIGNED_IN = ok(ADMIN);

export async function openLogin(
  handlers: Handlers,
  policy: SessionStatus['signIn'] = { methods: ['totp', 'sms', 'bankid'], defaultMethod: 'totp' },
) {
  const desk = fakeDeskClient({
    'session.status': () => status(null, 300, policy),
    'signIn.cancel': () => ok({}),
    'signIn.cancelBankId': () => ok({}),
    ...handlers,
  });
  const mounted = mountDesk(LoginView, desk);
  await useSessionStore().start();
  await flushPromises();
  return { ...mounted, desk };
}

/** Username and password, submitted; the fake's session.login says what follows. */
export async function givePassword(wrapper: Awaited<ReturnType<typeof openLogin>>['wrapper']) {
  await wrapper.find('[data-testid="login-username"]').setValue('admin');
  await wrapper.find('[data-testid="login-password"]').setValue('correct horse battery');
  await wrapper.find('form').trigger('submit');
  await flushPromises();
}
