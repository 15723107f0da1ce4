// What reception sees at a tap, decided once for the core and the screen.
import { describe, expect, it } from 'vitest';
import { presentedReason } from '../../../../src-shared/api/presented-reason';
import { CARD_STATES } from '../../../../src-shared/domain/card-states';
import { cardStatus } from '../../../../src-shared/domain/card-status';
import { card } from '../../../harness/presented-events';

const today = '2026-11-24';

describe('cardStatus', () => {
  it.each([
    ['an active card in its dates', card(), { status: 'active', reason: null }],
    [
      'a card blocked as stolen',
      card({ state: 'blocked', blockReason: 'stolen' }),
      { status: 'blocked', reason: { code: 'block_reason', params: { blockReason: 'stolen' } } },
    ],
    [
      'a blocked card with no reason recorded',
      card({ state: 'blocked' }),
      { status: 'blocked', reason: { code: 'card_state', params: { state: 'blocked' } } },
    ],
    [
      'a terminated card',
      card({ state: 'terminated' }),
      { status: 'blocked', reason: { code: 'card_state', params: { state: 'terminated' } } },
    ],
    [
      'a card past its end date',
      card({ validUntil: '2026-11-23' }),
      { status: 'expired', reason: { code: 'expired_on', params: { date: '2026-11-23' } } },
    ],
    [
      'a card marked expired with no end date',
      card({ state: 'expired', validUntil: null }),
      { status: 'expired', reason: null },
    ],
    [
      'an active card that starts later',
      card({ validFrom: '2026-12-01' }),
      { status: 'not_yet_active', reason: { code: 'valid_from', params: { date: '2026-12-01' } } },
    ],
    [
      'a card ready for pick-up',
      card({ state: 'ready' }),
      { status: 'not_yet_active', reason: { code: 'not_activated', params: { state: 'ready' } } },
    ],
  ])('%s', (_name, c, expected) => {
    expect(cardStatus(c, today)).toEqual(expected);
  });

  it('the last valid day is still valid, the first one is already', () => {
    expect(cardStatus(card({ validUntil: today }), today).status).toBe('active');
    expect(cardStatus(card({ validFrom: today }), today).status).toBe('active');
  });

  it('a stop outweighs the dates: a blocked card past its end reads as blocked', () => {
    expect(cardStatus(card({ state: 'suspended', validUntil: '2020-01-01' }), today).status).toBe('blocked');
  });

  it('gives every state a status and a reason the contract accepts', () => {
    for (const state of CARD_STATES) {
      for (const dates of [{}, { validFrom: '2027-01-01' }, { validUntil: '2020-01-01' }]) {
        const { reason } = cardStatus(card({ state, ...dates }), today);
        if (reason !== null) expect(presentedReason.safeParse(reason).success, state).toBe(true);
      }
    }
  });
});
