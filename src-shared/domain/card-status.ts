// What a card's state and validity mean at the desk: the core decides a tap with this, and the screen
// shows a card just bound with the same rule, without waiting for the next tap.
import type { PresentedReason } from '../api/presented-reason';
import type { PresentedStatus } from '../api/readers';
import type { Card } from '../api/schemas';
import { NOT_YET_ISSUED_STATES, STOPPED_STATES } from './card-states';

/** What reception must see for a card on `today` (YYYY-MM-DD), and why. */
export function cardStatus(
  card: Pick<Card, 'state' | 'validFrom' | 'validUntil' | 'blockReason'>,
  today: string,
): { status: PresentedStatus; reason: PresentedReason | null } {
  if (STOPPED_STATES.includes(card.state)) {
    return {
      status: 'blocked',
      reason: card.blockReason
        ? { code: 'block_reason', params: { blockReason: card.blockReason } }
        : { code: 'card_state', params: { state: card.state } },
    };
  }
  if (card.state === 'expired' || (card.validUntil !== null && card.validUntil < today)) {
    return {
      status: 'expired',
      reason: card.validUntil === null ? null : { code: 'expired_on', params: { date: card.validUntil } },
    };
  }
  if (NOT_YET_ISSUED_STATES.includes(card.state)) {
    return { status: 'not_yet_active', reason: { code: 'not_activated', params: { state: card.state } } };
  }
  if (card.validFrom !== null && card.validFrom > today) {
    return { status: 'not_yet_active', reason: { code: 'valid_from', params: { date: card.validFrom } } };
  }
  return { status: 'active', reason: null };
}
