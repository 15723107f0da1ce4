// The hand-over (DESIGN.md flow 3): reception compared the holder's face with the photo, tapped the new
// card, and the card is active: its chip bound (replacing a working one only with a reason) and its
// state moved by the lifecycle table, in one operation that records who checked the face.
import type { ChipReplacement } from '../../../../src-shared/domain/chip-replacement';
import { cardLineOf } from '../../../../src-shared/domain/card-lifecycle';
import { defineOperation } from '../../ops/operations';
import { attachChip, type Chip } from '../attach-chip';
import { cardFacts, setCardState, type Acting } from '../card-facts';
import { enforceTransition } from '../enforce-transition';

export interface HandOver {
  cardId: string;
  chip: Chip;
  faceChecked: boolean;
  replacement: ChipReplacement | null;
  by: Acting;
}

export const handOverCard = defineOperation<HandOver, string>('card.handOver', (scope, p) => {
  const card = cardFacts(scope.db, p.cardId);
  const to = enforceTransition({
    line: cardLineOf(card.kind),
    state: card.state,
    action: 'handOver',
    actors: p.by.roles,
    faceChecked: p.faceChecked,
  });
  const attached = attachChip(scope, card.id, p.chip, p.replacement);
  setCardState(scope.db, card.id, to, scope.now);
  scope.db
    .prepare('UPDATE cards SET valid_from = coalesce(valid_from, ?) WHERE id = ?')
    .run(scope.now.slice(0, 10), card.id);
  const facts = {
    cardId: card.id,
    credentialId: attached.credentialId,
    technology: p.chip.technology,
    hex: attached.hex,
    faceChecked: true,
    faceCheckedBy: p.by.operatorId,
    retiredCredentialIds: attached.retired.map((r) => r.id),
    replacement: attached.retired.length > 0 ? p.replacement : null,
  };
  return {
    result: attached.credentialId,
    recordType: 'card',
    recordId: card.id,
    audit: facts,
    outbox: facts,
  };
});
