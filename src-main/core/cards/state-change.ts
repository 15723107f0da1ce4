// An operation that only moves a card's state, with a reason where the lifecycle table asks for one
// (terminate, suspend, resume): the table decides, the card moves, the outbox says from where to where.
import { cardLineOf, type CardAction } from '../../../src-shared/domain/card-lifecycle';
import type { CardState } from '../../../src-shared/domain/card-states';
import { defineOperation, type Operation } from '../ops/operations';
import { cardFacts, setCardState, type Acting } from './card-facts';
import { enforceTransition } from './enforce-transition';

export interface CardStateChange {
  cardId: string;
  note: string | null;
  by: Acting;
}

export function stateChange(type: string, action: CardAction): Operation<CardStateChange, CardState> {
  return defineOperation<CardStateChange, CardState>(type, (scope, p) => {
    const card = cardFacts(scope.db, p.cardId);
    const to = enforceTransition({
      line: cardLineOf(card.kind),
      state: card.state,
      action,
      actors: p.by.roles,
      note: p.note,
    });
    setCardState(scope.db, card.id, to, scope.now);
    const facts = { cardId: card.id, from: card.state, to, note: p.note };
    return { result: to, recordType: 'card', recordId: card.id, audit: facts, outbox: facts };
  });
}
