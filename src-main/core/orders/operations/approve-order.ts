// order.approve: another card administrator's yes (four eyes, from the lifecycle table). In the same
// operation the holder's record takes what the orderer entered, each new card gets its printed number,
// the physical card is created `approved` and a mobile visual ID `invited`.
import type { Actor } from '../../../../src-shared/domain/card-lifecycle';
import { cardNumberFrom } from '../../../../src-shared/domain/card-number';
import {
  includesMobile,
  includesPhysical,
  todayOf,
  validFromFor,
} from '../../../../src-shared/domain/order-rules';
import { enforceTransition } from '../../cards/enforce-transition';
import { writePhoto, writeSearchName } from '../../holders/holder-operations';
import type { Random } from '../../ops/context';
import { DomainError } from '../../ops/domain-error';
import { defineOperation, type OperationScope } from '../../ops/operations';
import { orderData, orderRow, type OrderRow } from '../order-rows';

export interface ApproveOrderPayload {
  orderId: string;
  actors: readonly Actor[];
  operatorId: string;
  cardNumberPrefix: string;
  random: Random;
}

export interface ApprovedOrder {
  cardId: string | null;
  mobileCardId: string | null;
}

/** Draws until a number no card has; ten collisions in a row mean the number space is exhausted. */
const NUMBER_DRAWS = 10;

function freshCardNumber(scope: OperationScope, prefix: string, random: Random): string {
  const taken = scope.db.prepare('SELECT 1 FROM cards WHERE printed_number = ?');
  for (let draw = 0; draw < NUMBER_DRAWS; draw++) {
    const candidate = cardNumberFrom(prefix, random.bytes(8));
    if (!taken.get(candidate)) return candidate;
  }
  throw new DomainError('conflict', 'No free card number could be found; try again.', [
    { path: 'printedNumber', message: 'Taken.' },
  ]);
}

function updateHolderFromOrder(scope: OperationScope, order: OrderRow): void {
  const data = orderData(order);
  scope.db
    .prepare(
      `UPDATE holders SET given_name = ?, family_name = ?, email = ?, phone = ?, organisation_id = ?, updated_at = ?
       WHERE id = ?`,
    )
    .run(
      data.givenName,
      data.familyName,
      data.email,
      data.phone,
      data.organisation.id,
      scope.now,
      order.holder_id,
    );
  writeSearchName(scope, order.holder_id, data);
  const photo = scope.db
    .prepare('SELECT mime, bytes, sha256 FROM order_photos WHERE order_id = ?')
    .get(order.id) as { mime: 'image/jpeg' | 'image/png'; bytes: Buffer; sha256: string };
  writePhoto(scope, order.holder_id, photo);
}

/** A mobile-only order's visual ID belongs to the holder's card in use now, if they have one. */
function currentPhysicalCard(scope: OperationScope, holderId: string): string | null {
  const row = scope.db
    .prepare(
      `SELECT id FROM cards WHERE holder_id = ? AND kind <> 'mobile_id' AND state = 'active'
       ORDER BY created_at DESC LIMIT 1`,
    )
    .get(holderId) as { id: string } | undefined;
  return row?.id ?? null;
}

export const approveOrder = defineOperation<ApproveOrderPayload, ApprovedOrder>(
  'order.approve',
  (scope, p) => {
    const { db, now } = scope;
    const order = orderRow(db, p.orderId);
    if (!order) throw new DomainError('not_found', 'No such order.');
    enforceTransition({
      line: 'physical',
      state: order.state,
      action: 'approve',
      actors: p.actors,
      isOrderer: order.ordered_by === p.operatorId,
    });
    updateHolderFromOrder(scope, order);

    const data = orderData(order);
    const renewed = data.renewsCardId
      ? (db.prepare('SELECT valid_until FROM cards WHERE id = ?').get(data.renewsCardId) as
          { valid_until: string | null } | undefined)
      : undefined;
    const validFrom = validFromFor(todayOf(Date.parse(now)), renewed?.valid_until ?? null);
    const insertCard = db.prepare(
      `INSERT INTO cards (id, holder_id, kind, printed_number, state, valid_from, valid_until, site, order_id,
       physical_card_id, state_changed_at, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const made: {
      id: string;
      kind: string;
      state: string;
      printedNumber: string;
      physicalCardId: string | null;
    }[] = [];
    const make = (kind: string, state: string, physicalCardId: string | null) => {
      const id = scope.newId();
      const printedNumber = freshCardNumber(scope, p.cardNumberPrefix, p.random);
      insertCard.run(
        id,
        order.holder_id,
        kind,
        printedNumber,
        state,
        validFrom,
        order.valid_until,
        order.site,
        order.id,
        physicalCardId,
        now,
        now,
        now,
      );
      made.push({ id, kind, state, printedNumber, physicalCardId });
      return id;
    };
    const cardId = includesPhysical(order.includes) ? make(order.card_kind, 'approved', null) : null;
    const mobileCardId = includesMobile(order.includes)
      ? make('mobile_id', 'invited', cardId ?? currentPhysicalCard(scope, order.holder_id))
      : null;

    db.prepare(
      `UPDATE orders SET state = 'approved', decided_by = ?, decided_at = ?, card_id = ?, mobile_card_id = ?, updated_at = ?
     WHERE id = ?`,
    ).run(p.operatorId, now, cardId, mobileCardId, now, order.id);

    return {
      result: { cardId, mobileCardId },
      recordType: 'order',
      recordId: order.id,
      audit: { cards: made.map((c) => ({ id: c.id, kind: c.kind, printedNumber: c.printedNumber })) },
      outbox: { orderId: order.id, validFrom, cards: made },
    };
  },
);
