// Which cards may get a chip bound to them: the core's bind operation refuses the others, and the
// bind dialog offers only these, so the two never disagree.
import type { CardKind, CardState } from './card-states';

/** States whose card gets no new chip binding: the card is out of use for good. */
export const UNBINDABLE_CARD_STATES: readonly CardState[] = [
  // Only a mobile ID is ever invited, and a mobile ID has no chip.
  'invited',
  'blocked',
  'terminated',
  'expired',
  'rejected',
  'cancelled',
];

export interface BindableCardFacts {
  kind: CardKind;
  state: CardState;
  validUntil: string | null;
}

/** Whether a chip may be bound to this card on `today` (YYYY-MM-DD): a physical card still in use. */
export function isBindable(card: BindableCardFacts, today: string): boolean {
  if (card.kind === 'mobile_id' || UNBINDABLE_CARD_STATES.includes(card.state)) return false;
  return card.validUntil === null || card.validUntil >= today;
}
