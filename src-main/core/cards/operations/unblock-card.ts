// cards.unblock: a card administrator lifts one named block, with a reason. Every card that block
// stopped and that is still blocked returns to the state it had before; a card ended meanwhile
// (terminated, expired) stays ended.
import { cardLineOf } from '../../../../src-shared/domain/card-lifecycle';
import type { CardKind, CardState } from '../../../../src-shared/domain/card-states';
import { DomainError } from '../../ops/domain-error';
import { defineOperation } from '../../ops/operations';
import { cardFacts, setCardState, type Acting } from '../card-facts';
import { enforceTransition } from '../enforce-transition';

export interface CardUnblock {
  cardId: string;
  blockId: string;
  note: string;
  by: Acting;
}

interface BlockRow {
  id: string;
  lifted_at: string | null;
}

export const unblockCard = defineOperation<CardUnblock, string[]>('card.unblock', (scope, p) => {
  const { db, now } = scope;
  const card = cardFacts(db, p.cardId);
  const block = db
    .prepare(
      `SELECT b.id, b.lifted_at FROM blocks b JOIN block_cards bc ON bc.block_id = b.id
       WHERE b.id = ? AND bc.card_id = ?`,
    )
    .get(p.blockId, card.id) as BlockRow | undefined;
  if (!block) {
    throw new DomainError('not_found', 'This block does not concern this card.', [
      { path: 'blockId', message: 'Not a block of this card.' },
    ]);
  }
  if (block.lifted_at) throw new DomainError('block_already_lifted', 'This block was already lifted.');
  // The named card decides: the operator's role, the card's state, the reason.
  enforceTransition({
    line: cardLineOf(card.kind),
    state: card.state,
    action: 'unblock',
    actors: p.by.roles,
    note: p.note,
  });

  const stopped = db
    .prepare(
      `SELECT c.id, c.kind, c.state, bc.state_before AS stateBefore
       FROM block_cards bc JOIN cards c ON c.id = bc.card_id WHERE bc.block_id = ?`,
    )
    .all(block.id) as { id: string; kind: CardKind; state: CardState; stateBefore: CardState }[];
  const restored: { id: string; state: CardState }[] = [];
  for (const c of stopped) {
    if (c.state !== 'blocked') continue;
    const to = enforceTransition({
      line: cardLineOf(c.kind),
      state: c.state,
      action: 'unblock',
      actors: p.by.roles,
      note: p.note,
      stateBeforeBlock: c.stateBefore,
    });
    setCardState(db, c.id, to, now);
    db.prepare('UPDATE cards SET block_reason = NULL WHERE id = ?').run(c.id);
    restored.push({ id: c.id, state: to });
  }
  db.prepare('UPDATE blocks SET lifted_by = ?, lifted_at = ?, lift_note = ? WHERE id = ?').run(
    p.by.operatorId,
    now,
    p.note,
    block.id,
  );
  const facts = { blockId: block.id, cardId: card.id, note: p.note, restored };
  return {
    result: restored.map((r) => r.id),
    recordType: 'card',
    recordId: card.id,
    audit: facts,
    outbox: facts,
  };
});
