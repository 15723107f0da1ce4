import { flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { nextTick } from 'vue';
import CardPresentation from '../../../../src-renderer/components/CardPresentation.vue';
import { usePresentationStore } from '../../../../src-renderer/stores/presentation';
import { useSessionStore } from '../../../../src-renderer/stores/session';
import type { Role } from '../../../../src-shared/domain/roles';
import { applyLanguage } from '../../../../src-renderer/i18n';
import { ADMIN, fakeDeskClient } from '../fake-desk-client';
import { mountDesk } from '../mount-desk';
import { presented, unknownTap } from '../../../harness/presented-events';

import type * as SoundCues from '../../../../src-renderer/readers/sound-cues';

vi.mock('../../../../src-renderer/readers/sound-cues', async (original) => ({
  ...(await original<typeof SoundCues>()),
  playCue: vi.fn(),
}));

let unmount: (() => void) | undefined;

function mountAs(roles: Role[]) {
  const mounted = mountDesk(CardPresentation, fakeDeskClient());
  useSessionStore().operator = { ...ADMIN, roles };
  unmount = () => mounted.wrapper.unmount();
  return { ...mounted, presentation: usePresentationStore() };
}

afterEach(() => unmount?.());

describe('the presented card on the idle screen', () => {
  it('invites a card until one is presented', () => {
    const { wrapper } = mountAs(['admin']);
    expect(wrapper.text()).toContain('Present a card');
    expect(wrapper.find('[data-testid="presented-status"]').exists()).toBe(false);
  });

  it('shows an active card in green with the holder and the card', async () => {
    const { wrapper, presentation } = mountAs(['admin']);
    presentation.present(presented());
    await nextTick();
    const status = wrapper.get('[data-testid="presented-status"]');
    expect(status.attributes('data-status')).toBe('active');
    expect(status.text()).toBe('Active');
    expect(wrapper.get('[data-testid="card-presentation"]').classes()).toContain('present--ok');
    expect(wrapper.get('[data-testid="presented-name"]').text()).toBe('Karin Lindqvist');
    expect(wrapper.text()).toContain('Nordbygg AB');
    expect(wrapper.get('[data-testid="presented-card-number"]').text()).toBe('NB-1001');
    expect(wrapper.get('[data-testid="presented-valid-until"]').text()).toBe('31 Dec 2030');
    expect(wrapper.find('[data-testid="presented-reason"]').exists()).toBe(false);
  });

  it('shows a blocked card in red with its reason', async () => {
    const { wrapper, presentation } = mountAs(['reception']);
    presentation.present(
      presented({ status: 'blocked', reason: { code: 'block_reason', params: { blockReason: 'stolen' } } }),
    );
    await nextTick();
    expect(wrapper.get('[data-testid="presented-status"]').attributes('data-status')).toBe('blocked');
    expect(wrapper.get('[data-testid="card-presentation"]').classes()).toContain('present--stop');
    expect(wrapper.get('[data-testid="presented-status"]').text()).toBe('Blocked');
    expect(wrapper.get('[data-testid="presented-reason"]').text()).toBe('Reported stolen');
  });

  it('says why in the operator’s language, with dates in its format', async () => {
    const { wrapper, presentation } = mountAs(['reception']);
    applyLanguage('da');
    presentation.present(
      presented({ status: 'expired', reason: { code: 'expired_on', params: { date: '2025-01-31' } } }),
    );
    await nextTick();
    expect(wrapper.get('[data-testid="presented-status"]').text()).toBe('Udløbet kort');
    expect(wrapper.get('[data-testid="presented-reason"]').text()).toBe('Udløb den 31. jan. 2025');
  });

  it('tells a technician what was wrong with an unreadable read, in words, not codes', async () => {
    const { wrapper, presentation } = mountAs(['reception']);
    applyLanguage('sv');
    presentation.present(
      presented({
        status: 'unreadable',
        reason: { code: 'unreadable', params: { problem: 'invalid_character', profileId: 'wedge-decimal' } },
        card: null,
        holder: null,
        credential: null,
      }),
    );
    await nextTick();
    expect(wrapper.get('[data-testid="presented-reason"]').text()).toMatch(/^Kortet kunde inte läsas\./);
    expect(wrapper.get('[data-testid="presented-detail"]').text()).toBe(
      'Läsaren rapporterade: ett kortnummer med ett tecken som inte hör hemma där (läsarprofil: Tangentbordsläsare, UID decimalt)',
    );
  });

  it('offers binding an unknown card to the roles that hand out cards', async () => {
    const { wrapper, presentation } = mountAs(['reception']);
    presentation.present(unknownTap('04A2B3C4D5E6F7'));
    await nextTick();
    expect(wrapper.get('[data-testid="presented-status"]').text()).toBe('Unknown card');
    expect(wrapper.get('[data-testid="presented-chip"]').text()).toBe('04A2B3C4D5E6F7');
    expect(wrapper.get('[data-testid="presented-technology"]').text()).toBe('ISO 14443 A chip (UID)');
    expect(wrapper.find('[data-testid="presented-bind"]').exists()).toBe(true);
    expect(wrapper.find('[data-testid="presented-ask-admin"]').exists()).toBe(false);
  });

  it('sends other roles to a card administrator', async () => {
    const { wrapper, presentation } = mountAs(['it_admin']);
    presentation.present(unknownTap());
    await nextTick();
    expect(wrapper.find('[data-testid="presented-bind"]').exists()).toBe(false);
    expect(wrapper.get('[data-testid="presented-ask-admin"]').text()).toBe(
      'Ask a card administrator to register this card.',
    );
  });

  it('marks when the card is painted, for the latency benchmark', async () => {
    const frames: FrameRequestCallback[] = [];
    const raf = vi.spyOn(window, 'requestAnimationFrame').mockImplementation((callback) => {
      frames.push(callback);
      return frames.length;
    });
    const { presentation } = mountAs(['admin']);
    const tap = presented();
    presentation.present(tap);
    const marks = () =>
      (performance.getEntriesByName('card-painted') as PerformanceMark[]).filter(
        (m) => (m.detail as { id: string }).id === tap.id,
      );
    await flushPromises();
    expect(marks()).toHaveLength(0);
    for (const frame of frames) frame(performance.now());
    const [mark] = marks();
    expect(mark?.detail).toMatchObject({ id: tap.id, sentAtMs: tap.sentAtMs });
    expect((mark?.detail as { paintedAtMs: number }).paintedAtMs).toBeGreaterThan(performance.timeOrigin);
    raf.mockRestore();
  });

  it('puts the card away on Escape and with the clear button', async () => {
    const { wrapper, presentation } = mountAs(['admin']);
    presentation.present(presented());
    await nextTick();
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    expect(presentation.current).toBeNull();
    presentation.present(presented());
    await nextTick();
    await wrapper.get('[data-testid="presented-done"]').trigger('click');
    expect(presentation.current).toBeNull();
  });
});
