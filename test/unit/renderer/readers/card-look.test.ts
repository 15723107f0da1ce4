// Each situation reception must tell apart at a glance has its own look: blocked, suspended,
// terminated, expired and not yet active are never "one red".
import { describe, expect, it } from 'vitest';
import {
  LOOK_ICONS,
  lookOfCard,
  lookOfPresented,
  lookOfState,
} from '../../../../src-renderer/readers/card-look';

describe('card looks', () => {
  it('gives blocked, expired, terminated and not-yet-active cards four different icons', () => {
    const looks = [
      lookOfPresented('blocked', { code: 'block_reason', params: { blockReason: 'lost' } }),
      lookOfPresented('expired', { code: 'expired_on', params: { date: '2026-01-31' } }),
      lookOfPresented('blocked', { code: 'card_state', params: { state: 'terminated' } }),
      lookOfPresented('not_yet_active', { code: 'not_activated', params: { state: 'ready' } }),
    ];
    expect(looks).toEqual(['blocked', 'expired', 'terminated', 'waiting']);
    expect(new Set(looks.map((look) => LOOK_ICONS[look])).size).toBe(4);
  });

  it('tells a suspended card from a blocked one, and an active card past its date as expired', () => {
    expect(lookOfPresented('blocked', { code: 'card_state', params: { state: 'suspended' } })).toBe(
      'suspended',
    );
    expect(lookOfState('cancelled')).toBe('terminated');
    expect(lookOfState('in_production')).toBe('waiting');
    expect(lookOfCard({ state: 'active', validUntil: '2026-01-31' }, '2026-02-01')).toBe('expired');
    expect(lookOfCard({ state: 'active', validUntil: '2026-01-31' }, '2026-01-31')).toBe('active');
  });
});
