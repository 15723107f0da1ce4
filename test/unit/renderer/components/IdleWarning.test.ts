// The warning before the idle logout: it appears 30 s before, counts down each second, and any
// activity or "Stay logged in" keeps the session (and tells the core at once).
import { flushPromises } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { nextTick } from 'vue';
import IdleWarning from '../../../../src-renderer/components/IdleWarning.vue';
import { applyLanguage } from '../../../../src-renderer/i18n';
import { idleWarningMs, useSessionStore } from '../../../../src-renderer/stores/session';
import { ADMIN, fakeDeskClient, status, type FakeDesk, signedIn } from '../fake-desk-client';
import { mountDesk } from '../mount-desk';

const IDLE_SECONDS = 120;
let desk: FakeDesk;

async function mountLoggedIn() {
  desk = fakeDeskClient({
    'session.status': () => status(null, IDLE_SECONDS),
    'session.login': () => signedIn(ADMIN),
  });
  const { wrapper } = mountDesk(IdleWarning, desk);
  const session = useSessionStore();
  await session.start();
  await session.login('admin', 'correct horse battery');
  return { wrapper, session };
}

async function advance(ms: number): Promise<void> {
  vi.advanceTimersByTime(ms);
  await nextTick();
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  vi.useRealTimers();
  document.body.innerHTML = '';
});

describe('the idle warning', () => {
  it('comes 30 s before the logout and counts down to it', async () => {
    const { wrapper, session } = await mountLoggedIn();
    const warning = () => wrapper.find('[data-testid="idle-warning"]');
    await advance(89_999);
    expect(warning().exists()).toBe(false);
    await advance(1);
    expect(warning().text()).toContain('You will be logged out in 0:30');
    expect(warning().attributes('role')).toBe('alertdialog');
    await advance(1000);
    expect(wrapper.find('[data-testid="idle-warning-text"]').text()).toBe('You will be logged out in 0:29');
    await advance(20_500);
    expect(wrapper.find('[data-testid="idle-warning-text"]').text()).toBe('You will be logged out in 0:09');
    await advance(8_000);
    expect(session.phase).toBe('loggedIn');
    await advance(500);
    expect(session.phase).toBe('loggedOut');
    expect(session.endReason).toEqual({ kind: 'idle', seconds: IDLE_SECONDS });
    expect(desk.callsOf('session.logout')).toHaveLength(1);
  });

  it('"Stay logged in" keeps the session, tells the desk at once, and the warning comes again later', async () => {
    const { wrapper, session } = await mountLoggedIn();
    await advance(100_000);
    const keepAlivesBefore = desk.callsOf('session.keepAlive').length;
    await wrapper.find('[data-testid="idle-warning-stay"]').trigger('click');
    await flushPromises();
    expect(wrapper.find('[data-testid="idle-warning"]').exists()).toBe(false);
    expect(desk.callsOf('session.keepAlive')).toHaveLength(keepAlivesBefore + 1);
    await advance(IDLE_SECONDS * 1000 - 1000);
    expect(session.phase).toBe('loggedIn');
    expect(wrapper.find('[data-testid="idle-warning-text"]').text()).toBe('You will be logged out in 0:01');
  });

  it('any activity puts the warning away', async () => {
    const { wrapper, session } = await mountLoggedIn();
    await advance(95_000);
    expect(wrapper.find('[data-testid="idle-warning"]').exists()).toBe(true);
    session.noteActivity();
    await nextTick();
    expect(wrapper.find('[data-testid="idle-warning"]').exists()).toBe(false);
    await advance(60_000);
    expect(session.phase).toBe('loggedIn');
  });

  it('warns half-way through a timeout shorter than a minute', () => {
    expect(idleWarningMs(300)).toBe(30_000);
    expect(idleWarningMs(20)).toBe(10_000);
  });

  it('speaks the operator language', async () => {
    const { wrapper, session } = await mountLoggedIn();
    await session.setLanguage('sv');
    applyLanguage(session.language);
    await advance(90_000);
    expect(wrapper.find('[data-testid="idle-warning-text"]').text()).toBe('Du loggas ut om 0:30');
    expect(wrapper.find('[data-testid="idle-warning-stay"]').text()).toBe('Förbli inloggad');
  });
});
