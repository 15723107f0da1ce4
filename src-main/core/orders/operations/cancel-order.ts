// order.cancel: the order is withdrawn while it waits for a decision, or after approval as long as its
// physical card has not gone to production (the lifecycle table decides both). A mobile visual ID made
// at approval is cancelled with it while still invited, so its activation code no longer opens it; one
// the holder has already activated lives on, and is blocked on its own if it must stop.
import type { Actor } from '../../../../src-shared/domain/card-lifecycle';
import { cardFacts, setCardState } from '../../cards/card-facts';
import { enforceTransition } from '../../cards/enforce-transition';
import { DomainError } from '../../ops/domain-error';
import { defineOperation } from '../../ops/operations';
import { orderRow } from '../order-rows';

export interface CancelOrderPayload {
  orderId: string;
  note: string | null;
  actors: readonly Actor[];
  operatorId: string;
}

export const cancelOrder = defineOperation<CancelOrderPayload, string>('order.cancel', (scope, p) => {
  const { db, now } = scope;
  const order = orderRow(db, p.orderId);
  if (!order) throw new DomainError('not_found', 'No such order.');
  const request = { line: 'physical' as const, action: 'cancel' as const, actors: p.actors, note: p.note };
  enforceTransition({ ...request, state: order.state });
  const card = order.card_id ? cardFacts(db, order.card_id) : null;
  if (card) setCardState(db, card.id, enforceTransition({ ...request, state: card.state }), now);
  const mobile = order.mobile_card_id ? cardFacts(db, order.mobile_card_id) : null;
  const cancelsMobile = mobile?.state === 'invited';
  if (mobile && cancelsMobile) {
    setCardState(db, mobile.id, enforceTransition({ ...request, line: 'mobile', state: mobile.state }), now);
  }
  db.prepare(
    `UPDATE orders SET state = 'cancelled', decided_by = COALESCE(decided_by, ?), decided_at = COALESCE(decided_at, ?),
       decision_note = ?, updated_at = ? WHERE id = ?`,
  ).run(p.operatorId, now, p.note, now, order.id);
  return {
    result: order.id,
    recordType: 'order',
    recordId: order.id,
    audit: {
      note: p.note,
      stateBefore: order.state,
      cancelledCardId: card?.id ?? null,
      cancelledMobileId: cancelsMobile ? mobile!.id : null,
    },
    outbox: { orderId: order.id, note: p.note },
  };
});
