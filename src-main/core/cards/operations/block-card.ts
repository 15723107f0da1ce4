// cards.block: the card, and for a physical card its mobile IDs, stopped with one block record.
import type { BlockReason } from '../../../../src-shared/domain/block-reasons';
import { defineOperation } from '../../ops/operations';
import { applyBlock, type AppliedBlock } from '../apply-block';
import type { Acting } from '../card-facts';

export interface CardBlock {
  cardId: string;
  reason: BlockReason;
  note: string | null;
  by: Acting;
  deskId: string;
}

export const blockCard = defineOperation<CardBlock, AppliedBlock>('card.block', (scope, p) => {
  const applied = applyBlock(scope, {
    cardId: p.cardId,
    reason: p.reason,
    note: p.note,
    actors: p.by.roles,
    operatorId: p.by.operatorId,
    deskId: p.deskId,
  });
  const facts = {
    blockId: applied.blockId,
    cardId: p.cardId,
    reason: p.reason,
    note: p.note,
    cards: applied.cards.map((c) => ({ id: c.id, stateBefore: c.stateBefore })),
  };
  return { result: applied, recordType: 'card', recordId: p.cardId, audit: facts, outbox: facts };
});
