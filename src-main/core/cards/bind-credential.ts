import type { ChipReplacement } from '../../../src-shared/domain/chip-replacement';
import { isBindable, type BindableCardFacts } from '../../../src-shared/domain/card-binding';
import { DomainError } from '../ops/domain-error';
import { defineOperation } from '../ops/operations';
import { attachChip, type Chip } from './attach-chip';

export interface Binding extends Chip {
  cardId: string;
  /** Required when the card already has a working chip: the old one is retired. */
  replacement: ChipReplacement | null;
}

/**
 * Binds a chip credential to a card in use: the card is then found by a tap in any reader format. A
 * card ready for pick-up is not activated here: that is its hand-over, with the face check
 * (operations/hand-over-card.ts).
 */
export const bindCredential = defineOperation<Binding, string>('card.bindCredential', (scope, p) => {
  const card = scope.db
    .prepare('SELECT kind, state, valid_until AS validUntil FROM cards WHERE id = ?')
    .get(p.cardId) as BindableCardFacts | undefined;
  if (!card) throw new DomainError('not_found', 'No such card.');
  // The field named in the issue tells the screen which refusal it is: the card, or the chip.
  if (!isBindable(card, scope.now.slice(0, 10))) {
    const why =
      card.kind === 'mobile_id'
        ? 'A mobile ID has no chip to bind.'
        : `This card (${card.state}, valid until ${card.validUntil ?? 'no end date'}) cannot get a new chip binding.`;
    throw new DomainError('conflict', why, [{ path: 'cardId', message: 'Takes no chip.' }]);
  }
  if (card.state === 'ready') {
    throw new DomainError(
      'hand_over_required',
      'This card is ready for pick-up: hand it over, with the face check, to bind its chip.',
      [{ path: 'cardId', message: 'Hand it over.' }],
    );
  }
  const attached = attachChip(scope, p.cardId, p, p.replacement);
  const replaced = attached.retired.map((r) => r.hex);
  const replacement = p.replacement && replaced.length > 0 ? p.replacement : null;
  return {
    result: attached.credentialId,
    recordType: 'card',
    recordId: p.cardId,
    audit: { technology: p.technology, hex: attached.hex, replaced, replacement },
    outbox: {
      credentialId: attached.credentialId,
      cardId: p.cardId,
      technology: p.technology,
      hex: attached.hex,
      retiredCredentialIds: attached.retired.map((r) => r.id),
      replacement,
    },
  };
});
