import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fail, ok } from '../../../../src-shared/api/result';
import { setDeskClient } from '../../../../src-renderer/client/api';
import { playCue } from '../../../../src-renderer/readers/sound-cues';
import { PRESENTATION_CLEAR_MS, usePresentationStore } from '../../../../src-renderer/stores/presentation';
import { fakeDeskClient, type FakeDesk } from '../fake-desk-client';
import { card, HOLDER, presented, unknownTap } from '../../../harness/presented-events';

import type * as SoundCues from '../../../../src-renderer/readers/sound-cues';

vi.mock('../../../../src-renderer/readers/sound-cues', async (original) => ({
  ...(await original<typeof SoundCues>()),
  playCue: vi.fn(),
}));

let desk: FakeDesk;

beforeEach(() => {
  vi.useFakeTimers();
  vi.mocked(playCue).mockClear();
  localStorage.clear();
  setActivePinia(createPinia());
  desk = fakeDeskClient();
  setDeskClient(desk.client);
});
afterEach(() => {
  vi.useRealTimers();
  setDeskClient(null);
});

describe('presented cards', () => {
  it('shows each tap once, however often its event arrives', () => {
    const store = usePresentationStore();
    store.start();
    const tap = presented();
    desk.emit('card.presented', tap);
    desk.emit('card.presented', tap);
    expect(store.present(tap)).toBe(false);
    expect(store.current).toEqual(tap);
    expect(playCue).toHaveBeenCalledTimes(1);
  });

  it('keeps only the last tap', () => {
    const store = usePresentationStore();
    const first = presented();
    const second = presented({
      status: 'blocked',
      reason: { code: 'block_reason', params: { blockReason: 'stolen' } },
    });
    store.present(first);
    store.present(second);
    expect(store.current?.id).toBe(second.id);
    // A late copy of the first tap does not bring it back.
    store.present(first);
    expect(store.current?.id).toBe(second.id);
  });

  it('returns to "Present a card" a minute after the last tap', () => {
    const store = usePresentationStore();
    store.present(presented());
    vi.advanceTimersByTime(PRESENTATION_CLEAR_MS - 1000);
    const next = presented();
    store.present(next);
    vi.advanceTimersByTime(PRESENTATION_CLEAR_MS - 1);
    expect(store.current?.id).toBe(next.id);
    vi.advanceTimersByTime(1);
    expect(store.current).toBeNull();
  });

  it('clears at once when asked, and forgets everything at logout', () => {
    const store = usePresentationStore();
    const tap = presented();
    store.present(tap);
    store.clear();
    expect(store.current).toBeNull();
    store.present(presented());
    store.reset();
    expect(store.current).toBeNull();
    expect(store.present(tap)).toBe(true);
  });

  it('plays the good sound for an active card and the alert for anything else, unless muted', () => {
    const store = usePresentationStore();
    store.present(presented());
    store.present(
      presented({ status: 'expired', reason: { code: 'expired_on', params: { date: '2025-01-31' } } }),
    );
    store.present(unknownTap());
    expect(vi.mocked(playCue).mock.calls).toEqual([['ok'], ['alert'], ['alert']]);
    store.setMuted(true);
    store.present(presented());
    expect(playCue).toHaveBeenCalledTimes(3);
    expect(localStorage.getItem('frontdesk.soundMuted')).toBe('1');
    setActivePinia(createPinia());
    expect(usePresentationStore().isMuted).toBe(true);
  });

  it('sends a keyboard-wedge burst to the core and shows its answer once', async () => {
    const tap = presented({ backend: 'wedge', readerId: 'wedge' });
    desk.handlers['readers.wedgeRead'] = ({ text }) => {
      desk.emit('card.presented', tap);
      return text === '04A2B3C4' ? ok(tap) : fail('bad_request', 'No.');
    };
    const store = usePresentationStore();
    store.start();
    expect(await store.readWedge('04A2B3C4')).toBeNull();
    expect(store.current?.id).toBe(tap.id);
    expect(playCue).toHaveBeenCalledTimes(1);
    expect(desk.callsOf('readers.wedgeRead')).toEqual([{ text: '04A2B3C4' }]);
  });

  it('reports a refused wedge read and keeps the screen as it was', async () => {
    desk.handlers['readers.wedgeRead'] = () => fail('conflict', 'Keyboard-wedge readers are turned off.');
    const store = usePresentationStore();
    expect((await store.readWedge('04A2B3C4'))?.code).toBe('conflict');
    expect(store.current).toBeNull();
  });

  it('shows a card just bound to the tapped chip as the tap now reads', () => {
    const store = usePresentationStore();
    const tap = unknownTap();
    store.present(tap);
    store.showBound(card({ credentials: [] }), HOLDER);
    expect(store.current).toMatchObject({
      status: 'active',
      reason: null,
      holder: HOLDER,
      credential: tap.credential,
    });
    store.showBound(card({ state: 'ready' }), HOLDER);
    expect(store.current).toMatchObject({
      status: 'not_yet_active',
      reason: { code: 'not_activated', params: { state: 'ready' } },
    });
  });
});
