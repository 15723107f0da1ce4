// A card tapped while nobody is logged in: the login screen says a login shows who it is. The event
// carries nothing about the card (the core's contract, tested in create-desk.test.ts).
import { flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useSessionStore } from '../../../../src-renderer/stores/session';
import LoginView from '../../../../src-renderer/views/LoginView.vue';
import { fakeDeskClient, status } from '../fake-desk-client';
import { mountDesk } from '../mount-desk';

afterEach(() => {
  vi.useRealTimers();
  document.body.innerHTML = '';
});

describe('a card tapped at the login screen', () => {
  it('asks for a login to see who it is, then goes away', async () => {
    vi.useFakeTimers();
    const desk = fakeDeskClient({ 'session.status': () => status(null) });
    const { wrapper } = mountDesk(LoginView, desk);
    await useSessionStore().start();
    const notice = () => wrapper.find('[data-testid="signed-out-tap"]');
    expect(notice().exists()).toBe(false);

    desk.emit('card.presentedSignedOut', { canUsePin: false });
    await flushPromises();
    expect(notice().text()).toBe('A card was presented. Log in to see who this is.');
    // The login form stays usable under it.
    expect(wrapper.find('[data-testid="login-username"]').exists()).toBe(true);

    vi.advanceTimersByTime(15_000);
    await flushPromises();
    expect(notice().exists()).toBe(false);
  });
});
