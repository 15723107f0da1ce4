import type { CredentialTechnology } from '../../../src-shared/credentials/credential';
import { matchKeys } from '../../../src-shared/credentials/matching';
import { isBindable, type BindableCardFacts } from '../../../src-shared/domain/card-binding';
import { DomainError } from '../ops/domain-error';
import { defineOperation } from '../ops/operations';

export interface Binding {
  cardId: string;
  technology: CredentialTechnology;
  bytes: Uint8Array;
}

/**
 * Binds a chip credential to a card: the card is then found by a tap in any reader format. A card
 * that is ready for pick-up becomes active in the same step: reception taps it as it is handed over.
 */
export const bindCredential = defineOperation<Binding, string>(
  'card.bindCredential',
  ({ db, now, newId }, p) => {
    const card = db
      .prepare('SELECT kind, state, valid_until AS validUntil FROM cards WHERE id = ?')
      .get(p.cardId) as BindableCardFacts | undefined;
    if (!card) throw new DomainError('not_found', 'No such card.');
    // The field named in the issue tells the screen which refusal it is: the card, or the chip.
    if (!isBindable(card, now.slice(0, 10))) {
      const why =
        card.kind === 'mobile_id'
          ? 'A mobile ID has no chip to bind.'
          : `This card (${card.state}, valid until ${card.validUntil ?? 'no end date'}) cannot get a new chip binding.`;
      throw new DomainError('conflict', why, [{ path: 'cardId', message: 'Takes no chip.' }]);
    }
    const bytes = Buffer.from(p.bytes);
    const existing = db
      .prepare('SELECT card_id FROM credentials WHERE technology = ? AND bytes = ?')
      .get(p.technology, bytes) as { card_id: string } | undefined;
    if (existing) {
      throw new DomainError(
        'conflict',
        existing.card_id === p.cardId
          ? 'This chip is already bound to this card.'
          : 'This chip is already bound to another card.',
        [{ path: 'hex', message: 'Already bound.' }],
      );
    }
    const id = newId();
    db.prepare(
      'INSERT INTO credentials (id, card_id, technology, bytes, bound_at) VALUES (?, ?, ?, ?, ?)',
    ).run(id, p.cardId, p.technology, bytes, now);
    const insertKey = db.prepare('INSERT OR IGNORE INTO credential_keys (key, credential_id) VALUES (?, ?)');
    for (const key of matchKeys({ technology: p.technology, bytes: p.bytes })) insertKey.run(key, id);
    const activated = card.state === 'ready';
    if (activated) {
      db.prepare(
        `UPDATE cards SET state = 'active', valid_from = coalesce(valid_from, ?), updated_at = ? WHERE id = ?`,
      ).run(now.slice(0, 10), now, p.cardId);
    }
    const hex = bytes.toString('hex').toUpperCase();
    return {
      result: id,
      recordType: 'card',
      recordId: p.cardId,
      audit: { technology: p.technology, hex, activated },
      outbox: { credentialId: id, cardId: p.cardId, technology: p.technology, hex, activated },
    };
  },
);
