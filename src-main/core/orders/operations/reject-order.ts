// order.reject: another card administrator's no, with the reason the orderer reads on their order.
import type { Actor } from '../../../../src-shared/domain/card-lifecycle';
import { enforceTransition } from '../../cards/enforce-transition';
import { DomainError } from '../../ops/domain-error';
import { defineOperation } from '../../ops/operations';
import { orderRow } from '../order-rows';

export interface RejectOrderPayload {
  orderId: string;
  reason: string;
  actors: readonly Actor[];
  operatorId: string;
}

export const rejectOrder = defineOperation<RejectOrderPayload, string>('order.reject', (scope, p) => {
  const order = orderRow(scope.db, p.orderId);
  if (!order) throw new DomainError('not_found', 'No such order.');
  enforceTransition({
    line: 'physical',
    state: order.state,
    action: 'reject',
    actors: p.actors,
    isOrderer: order.ordered_by === p.operatorId,
    note: p.reason,
  });
  scope.db
    .prepare(
      `UPDATE orders SET state = 'rejected', decided_by = ?, decided_at = ?, decision_note = ?, updated_at = ? WHERE id = ?`,
    )
    .run(p.operatorId, scope.now, p.reason, scope.now, order.id);
  return {
    result: order.id,
    recordType: 'order',
    recordId: order.id,
    audit: { reason: p.reason },
    outbox: { orderId: order.id, reason: p.reason },
  };
});
