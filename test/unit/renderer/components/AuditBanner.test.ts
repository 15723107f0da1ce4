import { flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import AuditBanner from '../../../../src-renderer/components/AuditBanner.vue';
import { applyLanguage } from '../../../../src-renderer/i18n';
import { CHECKING_POLL_MS } from '../../../../src-renderer/stores/audit';
import { useSessionStore } from '../../../../src-renderer/stores/session';
import type { AuditStatus } from '../../../../src-shared/api/methods/audit';
import { ok } from '../../../../src-shared/api/result';
import { ADMIN, fakeDeskClient, RECEPTION, type FakeDesk, signedIn } from '../fake-desk-client';
import { mountDesk } from '../mount-desk';

const MISSING: AuditStatus = {
  state: 'broken',
  checkedThrough: 2,
  events: 40,
  firstBadSeq: 3,
  problem: 'missing',
};

let unmount: (() => void) | undefined;
afterEach(() => {
  unmount?.();
  vi.useRealTimers();
  applyLanguage('en');
});

async function mountLoggedIn(
  operator: typeof ADMIN | typeof RECEPTION,
  answers: AuditStatus[],
  language: 'en' | 'sv' = 'en',
) {
  const desk = fakeDeskClient({
    'session.login': () => signedIn(operator),
    'audit.status': () => ok(answers.length > 1 ? answers.shift()! : answers[0]!),
  });
  const mounted = mountDesk(AuditBanner, desk);
  unmount = () => mounted.wrapper.unmount();
  applyLanguage(language);
  const session = useSessionStore();
  await session.login(operator.username, 'correct horse battery');
  await flushPromises();
  return { ...mounted, desk, session };
}

const banner = (desk: { wrapper: { find(s: string): { exists(): boolean } } }) =>
  desk.wrapper.find('[data-testid="audit-banner"]');

describe('the audit banner', () => {
  it('tells an administrator the log was tampered with, from which event, and what to do', async () => {
    const { wrapper } = await mountLoggedIn(ADMIN, [MISSING]);
    const shown = wrapper.get('[data-testid="audit-banner"]');
    // Read out by a screen reader as soon as it appears.
    expect(wrapper.get('[role="alert"]').text()).toContain('The audit log has been tampered with or damaged');
    expect(wrapper.get('[data-testid="audit-banner-problem"]').text()).toBe(
      'Event 3 has been removed from the log.',
    );
    expect(shown.text()).toMatch(/Keep the database file exactly as it is.*contact support/u);
    expect(shown.find('button').exists()).toBe(false);
  });

  it('speaks the administrator’s language', async () => {
    const { wrapper } = await mountLoggedIn(
      ADMIN,
      [{ ...MISSING, problem: 'truncated', firstBadSeq: 41 }],
      'sv',
    );
    expect(wrapper.get('[data-testid="audit-banner"]').text()).toContain(
      'Granskningsloggen har manipulerats eller skadats',
    );
    expect(wrapper.get('[data-testid="audit-banner-problem"]').text()).toBe(
      'De senaste händelserna, från och med nummer 41, har tagits bort ur loggen.',
    );
  });

  it('is never shown to reception, who never even ask', async () => {
    const mounted = await mountLoggedIn(RECEPTION, [MISSING]);
    expect(banner(mounted).exists()).toBe(false);
    expect(mounted.desk.callsOf('audit.status')).toEqual([]);
  });

  it('shows nothing while the log is whole', async () => {
    const mounted = await mountLoggedIn(ADMIN, [{ state: 'ok', checkedThrough: 40, events: 40 }]);
    expect(mounted.desk.callsOf('audit.status')).toHaveLength(1);
    expect(banner(mounted).exists()).toBe(false);
  });

  it('asks again while the desk is still checking, and shows the damage once found', async () => {
    vi.useFakeTimers();
    const checking: AuditStatus = { state: 'checking', checkedThrough: 2000, events: 100000 };
    const mounted = await mountLoggedIn(ADMIN, [checking, checking, MISSING]);
    expect(banner(mounted).exists()).toBe(false);
    await vi.advanceTimersByTimeAsync(CHECKING_POLL_MS);
    expect(banner(mounted).exists()).toBe(false);
    await vi.advanceTimersByTimeAsync(CHECKING_POLL_MS);
    expect(banner(mounted).exists()).toBe(true);
    // Settled: no more asking by itself, so an idle desk still logs out.
    await vi.advanceTimersByTimeAsync(CHECKING_POLL_MS * 10);
    expect(mounted.desk.callsOf('audit.status')).toHaveLength(3);
  });

  it('asks again on every screen the administrator opens, and goes away at logout', async () => {
    const answers = [{ state: 'ok', checkedThrough: 40, events: 40 } as AuditStatus, MISSING];
    const mounted = await mountLoggedIn(ADMIN, answers);
    expect(banner(mounted).exists()).toBe(false);
    await mounted.router.push({ name: 'login' });
    await flushPromises();
    expect(banner(mounted).exists()).toBe(true);
    await mounted.session.logout();
    await flushPromises();
    expect(banner(mounted).exists()).toBe(false);
  });

  it('shows nothing when the desk refuses to answer', async () => {
    const desk: FakeDesk = fakeDeskClient({ 'session.login': () => signedIn(ADMIN) });
    const mounted = mountDesk(AuditBanner, desk);
    unmount = () => mounted.wrapper.unmount();
    await useSessionStore().login('admin', 'x');
    await flushPromises();
    expect(desk.callsOf('audit.status')).toHaveLength(1);
    expect(mounted.wrapper.find('[data-testid="audit-banner"]').exists()).toBe(false);
  });
});
