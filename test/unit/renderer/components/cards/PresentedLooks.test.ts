// On the idle screen, a blocked, an expired, a terminated and a not-yet-active card each show their
// own colour and icon, and reception gets the Block button only for a card that can be blocked.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { nextTick } from 'vue';
import CardPresentation from '../../../../../src-renderer/components/CardPresentation.vue';
import { usePresentationStore } from '../../../../../src-renderer/stores/presentation';
import { useSessionStore } from '../../../../../src-renderer/stores/session';
import { flushPromises } from '@vue/test-utils';
import { ok } from '../../../../../src-shared/api/result';
import { ADMIN, fakeDeskClient } from '../../fake-desk-client';
import { mountDesk } from '../../mount-desk';
import { card, presented } from '../../../../harness/presented-events';
import type * as SoundCues from '../../../../../src-renderer/readers/sound-cues';
import type { CardPresented } from '../../../../../src-shared/api/readers';

vi.mock('../../../../../src-renderer/readers/sound-cues', async (original) => ({
  ...(await original<typeof SoundCues>()),
  playCue: vi.fn(),
}));

let unmount: (() => void) | undefined;
afterEach(() => unmount?.());

const CASES: [string, Partial<CardPresented>][] = [
  [
    'blocked',
    {
      status: 'blocked',
      reason: { code: 'block_reason', params: { blockReason: 'lost' } },
      card: card({ state: 'blocked', blockReason: 'lost' }),
    },
  ],
  [
    'expired',
    {
      status: 'expired',
      reason: { code: 'expired_on', params: { date: '2026-01-31' } },
      card: card({ state: 'expired' }),
    },
  ],
  [
    'terminated',
    {
      status: 'blocked',
      reason: { code: 'card_state', params: { state: 'terminated' } },
      card: card({ state: 'terminated' }),
    },
  ],
  [
    'waiting',
    {
      status: 'not_yet_active',
      reason: { code: 'not_activated', params: { state: 'ready' } },
      card: card({ state: 'ready' }),
    },
  ],
];

describe('the look of a presented card', () => {
  it('differs in colour class and icon for blocked, expired, terminated and not yet active', async () => {
    const { wrapper } = mountDesk(CardPresentation, fakeDeskClient());
    unmount = () => wrapper.unmount();
    useSessionStore().operator = { ...ADMIN, roles: ['reception'] };
    const presentation = usePresentationStore();
    const seen: { look: string; icon: string; status: string }[] = [];
    for (const [index, [, overrides]] of CASES.entries()) {
      presentation.present(presented({ id: `tap-${index}`, ...overrides }));
      await nextTick();
      seen.push({
        look: wrapper.get('.presented').attributes('data-look')!,
        icon: wrapper.get('[data-testid="presented-icon"]').classes().join(' '),
        status: wrapper.get('[data-testid="presented-status"]').text(),
      });
      // Only a card in use can be blocked, and none of these is.
      expect(wrapper.find('[data-testid="presented-block"]').exists()).toBe(false);
    }
    expect(seen.map((s) => s.look)).toEqual(CASES.map(([look]) => look));
    expect(new Set(seen.map((s) => s.icon)).size).toBe(4);
    expect(seen.map((s) => s.status)).toEqual(['Blocked', 'Expired', 'Terminated', 'Not yet active']);
  });

  it('offers Block for an active card to reception', async () => {
    const { wrapper } = mountDesk(CardPresentation, fakeDeskClient());
    unmount = () => wrapper.unmount();
    useSessionStore().operator = { ...ADMIN, roles: ['reception'] };
    usePresentationStore().present(presented({ id: 'tap-active' }));
    await nextTick();
    expect(wrapper.get('[data-testid="presented-block"]').text()).toBe('Block');
  });

  it('offers the hand-over of a new card waiting for the holder whose old card was tapped', async () => {
    const waiting = card({
      id: '00000000-0000-7000-8000-00000000aaaa',
      state: 'ready',
      printedNumber: 'AB9000000001',
    });
    const { wrapper } = mountDesk(
      CardPresentation,
      fakeDeskClient({
        'cards.ready': () =>
          ok({
            items: [
              {
                card: waiting,
                holder: {
                  id: waiting.holderId,
                  givenName: 'Karin',
                  familyName: 'Lindqvist',
                  employerName: null,
                },
                readySince: '2026-11-30T09:00:00.000Z',
              },
            ],
          }),
      }),
    );
    unmount = () => wrapper.unmount();
    useSessionStore().operator = { ...ADMIN, roles: ['reception'] };
    usePresentationStore().present(presented({ id: 'tap-old-card' }));
    await flushPromises();
    expect(wrapper.get('[data-testid="presented-hand-over"]').text()).toBe('Hand over new card AB9000000001');
  });
});
