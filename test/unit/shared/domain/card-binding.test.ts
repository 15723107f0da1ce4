// The one rule for which cards take a chip: the bind dialog and the core's bind operation share it.
import { describe, expect, it } from 'vitest';
import { isBindable, UNBINDABLE_CARD_STATES } from '../../../../src-shared/domain/card-binding';
import { CARD_STATES } from '../../../../src-shared/domain/card-states';
import { card } from '../../../harness/presented-events';

const today = '2026-11-24';

describe('isBindable', () => {
  it('binds a chip only to a physical card still in use', () => {
    expect(isBindable(card(), today)).toBe(true);
    expect(isBindable(card({ state: 'ready' }), today)).toBe(true);
    expect(isBindable(card({ state: 'blocked' }), today)).toBe(false);
    expect(isBindable(card({ state: 'terminated' }), today)).toBe(false);
    expect(isBindable(card({ state: 'expired' }), today)).toBe(false);
    expect(isBindable(card({ validUntil: '2026-11-01' }), today)).toBe(false);
    expect(isBindable(card({ kind: 'mobile_id' }), today)).toBe(false);
  });

  it('still binds on the card’s last valid day and to a card with no end date', () => {
    expect(isBindable(card({ validUntil: today }), today)).toBe(true);
    expect(isBindable(card({ validUntil: null }), today)).toBe(true);
  });

  it('a card on its way or suspended may still get its chip; one out of use for good may not', () => {
    const bindable = CARD_STATES.filter((state) => isBindable(card({ state }), today));
    expect(bindable).toEqual(['ordered', 'approved', 'in_production', 'ready', 'active', 'suspended']);
    expect([...bindable, ...UNBINDABLE_CARD_STATES].sort()).toEqual([...CARD_STATES].sort());
  });
});
