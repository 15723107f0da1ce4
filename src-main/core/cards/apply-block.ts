// One block, as a step inside an operation (cards.block, a replacement order, a lost phone): the card,
// and for a physical card every mobile ID that belongs to it, stopped together with one block record
// that remembers each card's state before, so an unblock lifts exactly what this block did.
import type { BlockReason } from '../../../src-shared/domain/block-reasons';
import { cardLineOf, type Actor } from '../../../src-shared/domain/card-lifecycle';
import type { CardKind, CardState } from '../../../src-shared/domain/card-states';
import { DomainError } from '../ops/domain-error';
import type { OperationScope } from '../ops/operations';
import { enforceTransition } from './enforce-transition';

export interface BlockRequest {
  cardId: string;
  reason: BlockReason;
  note: string | null;
  /** The acting operator's roles as their record is now. */
  actors: readonly Actor[];
  operatorId: string | null;
  deskId: string;
}

export interface AppliedBlock {
  blockId: string;
  /** Every card this block stopped, the named card first. */
  cards: { id: string; kind: CardKind; stateBefore: CardState }[];
}

interface CardFacts {
  id: string;
  kind: CardKind;
  state: CardState;
}

export function applyBlock({ db, now, newId }: OperationScope, request: BlockRequest): AppliedBlock {
  const card = db.prepare('SELECT id, kind, state FROM cards WHERE id = ?').get(request.cardId) as
    CardFacts | undefined;
  if (!card) throw new DomainError('not_found', 'No such card.');
  enforceTransition({
    line: cardLineOf(card.kind),
    state: card.state,
    action: 'block',
    actors: request.actors,
    blockReason: request.reason,
    note: request.note,
  });
  // A physical card's mobile IDs go with it; those already stopped or ended stay as they are.
  const mobiles =
    card.kind === 'mobile_id'
      ? []
      : (db
          .prepare(
            `SELECT id, kind, state FROM cards WHERE physical_card_id = ? AND state IN ('invited', 'active')`,
          )
          .all(card.id) as CardFacts[]);

  const blockId = newId();
  db.prepare(
    `INSERT INTO blocks (id, card_id, reason, note, blocked_by, desk_id, blocked_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(blockId, card.id, request.reason, request.note, request.operatorId, request.deskId, now);
  const remember = db.prepare('INSERT INTO block_cards (block_id, card_id, state_before) VALUES (?, ?, ?)');
  const stop = db.prepare(
    `UPDATE cards SET state = 'blocked', block_reason = ?, state_changed_at = ?, updated_at = ? WHERE id = ?`,
  );
  for (const c of [card, ...mobiles]) {
    remember.run(blockId, c.id, c.state);
    stop.run(request.reason, now, now, c.id);
  }
  return {
    blockId,
    cards: [card, ...mobiles].map((c) => ({ id: c.id, kind: c.kind, stateBefore: c.state })),
  };
}
