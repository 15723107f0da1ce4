// What a card's state and validity mean at the desk: the core decides a tap with this, and the screen
// shows a card just bound with the same rule, without waiting for the next tap.
import type { PresentedStatus } from '../api/readers';
import type { Card } from '../api/schemas';

const NOT_YET: readonly string[] = ['ordered', 'approved', 'in_production', 'ready'];
const STOPPED: readonly string[] = ['blocked', 'suspended', 'terminated', 'rejected', 'cancelled'];

/** States whose card gets no new chip binding. */
export const UNBINDABLE_CARD_STATES: readonly string[] = [
  'blocked',
  'terminated',
  'expired',
  'rejected',
  'cancelled',
];

/** What reception must see for a card on `today` (YYYY-MM-DD). */
export function cardStatus(
  card: Pick<Card, 'state' | 'validFrom' | 'validUntil' | 'blockReason'>,
  today: string,
): { status: PresentedStatus; reason: string | null } {
  if (STOPPED.includes(card.state)) return { status: 'blocked', reason: card.blockReason ?? card.state };
  if (card.state === 'expired' || (card.validUntil !== null && card.validUntil < today)) {
    return { status: 'expired', reason: card.validUntil };
  }
  if (NOT_YET.includes(card.state) || (card.validFrom !== null && card.validFrom > today)) {
    return { status: 'not_yet_active', reason: card.state === 'active' ? card.validFrom : card.state };
  }
  return { status: 'active', reason: null };
}
