// What an operation needs to know about a card before it decides: read inside the operation's
// transaction, so the decision and the change see the same state.
import type { CardKind, CardState } from '../../../src-shared/domain/card-states';
import type { Actor } from '../../../src-shared/domain/card-lifecycle';
import { DomainError } from '../ops/domain-error';
import type { Db } from '../store/database';

export interface CardFacts {
  id: string;
  holderId: string;
  kind: CardKind;
  state: CardState;
  printedNumber: string;
  validUntil: string | null;
  physicalCardId: string | null;
}

/** Who acts, as the session has them now: the operator and their current roles. */
export interface Acting {
  operatorId: string;
  roles: readonly Actor[];
}

export function cardFacts(db: Db, cardId: string): CardFacts {
  const row = db
    .prepare(
      `SELECT id, holder_id AS holderId, kind, state, printed_number AS printedNumber,
              valid_until AS validUntil, physical_card_id AS physicalCardId
       FROM cards WHERE id = ?`,
    )
    .get(cardId) as CardFacts | undefined;
  if (!row) throw new DomainError('not_found', 'No such card.', [{ path: 'cardId', message: 'Unknown.' }]);
  return row;
}

/** Moves a card to `state` after the lifecycle table allowed it. */
export function setCardState(db: Db, cardId: string, state: CardState, now: string): void {
  db.prepare('UPDATE cards SET state = ?, state_changed_at = ?, updated_at = ? WHERE id = ?').run(
    state,
    now,
    now,
    cardId,
  );
}
