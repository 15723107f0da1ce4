// A presented card's reason crosses from the core to every screen: only codes with typed parts pass.
import { describe, expect, it } from 'vitest';
import { PRESENTED_REASON_CODES, presentedReason } from '../../../../src-shared/api/presented-reason';
import { cardPresented } from '../../../../src-shared/api/readers';
import { presented } from '../../../harness/presented-events';

describe('presentedReason', () => {
  it.each([
    { code: 'block_reason', params: { blockReason: 'stolen' } },
    { code: 'card_state', params: { state: 'suspended' } },
    { code: 'not_activated', params: { state: 'ready' } },
    { code: 'valid_from', params: { date: '2027-01-15' } },
    { code: 'expired_on', params: { date: '2025-03-03' } },
    { code: 'unreadable', params: { problem: 'parity' } },
    { code: 'unreadable', params: { problem: 'invalid_character', profileId: 'wedge-8h10d' } },
  ])('carries $code', (reason) => {
    expect(presentedReason.parse(reason)).toEqual(reason);
  });

  it('has a shape for every code, and no other', () => {
    const codes = presentedReason.options.map((option) => option.shape.code.value);
    expect(codes.sort()).toEqual([...PRESENTED_REASON_CODES].sort());
  });

  it.each([
    ['an English sentence', 'This card is blocked.'],
    ['a bare block reason', 'stolen'],
    ['an unknown code', { code: 'made_up', params: {} }],
    ['a block reason outside the list', { code: 'block_reason', params: { blockReason: 'eaten' } }],
    ['a state outside the list', { code: 'card_state', params: { state: 'lost' } }],
    ['a date that is not a date', { code: 'expired_on', params: { date: '31/01/2025' } }],
    ['a date that does not exist', { code: 'valid_from', params: { date: '2025-02-30' } }],
    ['parts of another code', { code: 'expired_on', params: { state: 'expired' } }],
    ['extra parts', { code: 'valid_from', params: { date: '2027-01-15', note: 'x' } }],
    ['a problem outside the list', { code: 'unreadable', params: { problem: 'gremlins' } }],
    ['a profile id with markup', { code: 'unreadable', params: { problem: 'empty', profileId: '<b>x</b>' } }],
  ])('refuses %s', (_name, reason) => {
    expect(presentedReason.safeParse(reason).success).toBe(false);
  });

  it('is the reason of a card presented event', () => {
    const event = presented({
      status: 'expired',
      reason: { code: 'expired_on', params: { date: '2025-01-31' } },
    });
    expect(cardPresented.parse(event)).toEqual(event);
    expect(cardPresented.safeParse({ ...event, reason: '2025-01-31' }).success).toBe(false);
  });
});
