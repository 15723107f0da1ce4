import type { Card } from '../../../src-shared/api/schemas';
import type { MethodParsedInput } from '../../../src-shared/api/methods';
import { hexToBytes } from '../../../src-shared/credentials/credential';
import { credentialFromBytes } from '../../../src-shared/credentials/credential-from-bytes';
import { DomainError } from '../ops/domain-error';
import { defineOperation, type OperationRunner } from '../ops/operations';
import type { Db } from '../store/database';
import { bindCredential } from './bind-credential';
import { cardById } from './card-views';

type CardRegistration = MethodParsedInput<'cards.register'>;
type ChipBinding = MethodParsedInput<'cards.bindCredential'>;

/** An existing physical card handed to its holder before this desk existed: registered active. */
const registerCard = defineOperation<CardRegistration, string>('card.register', ({ db, now, newId }, p) => {
  if (!db.prepare('SELECT 1 FROM holders WHERE id = ?').get(p.holderId))
    throw new DomainError('not_found', 'No such holder.');
  const printed = p.printedNumber.toUpperCase();
  if (db.prepare('SELECT 1 FROM cards WHERE printed_number = ?').get(printed)) {
    throw new DomainError('conflict', 'A card with this number is already registered.', [
      { path: 'printedNumber', message: 'Already registered.' },
    ]);
  }
  const id = newId();
  db.prepare(
    `INSERT INTO cards (id, holder_id, kind, printed_number, state, valid_from, valid_until, created_at, updated_at)
     VALUES (?, ?, ?, ?, 'active', ?, ?, ?, ?)`,
  ).run(id, p.holderId, p.kind, printed, now.slice(0, 10), p.validUntil ?? null, now, now);
  return { result: id, recordType: 'card', recordId: id, outbox: { id, ...p, printedNumber: printed } };
});

export function createCardService(db: Db, ops: OperationRunner) {
  return {
    register(input: CardRegistration, by: string): Card {
      const id = ops.run(registerCard, input, by);
      return cardById(db, id)!;
    },
    /** Binds a tapped chip, given as the screen read it (technology + hex), to a card. */
    bindCredential({ cardId, technology, hex }: ChipBinding, by: string): Card {
      const bytes = hexToBytes(hex);
      const credential = bytes.ok ? credentialFromBytes(technology, bytes.value) : bytes;
      if (!credential.ok)
        throw new DomainError('bad_request', credential.error.message, [
          { path: 'hex', message: credential.error.message },
        ]);
      ops.run(bindCredential, { cardId, technology, bytes: credential.value.bytes }, by);
      return cardById(db, cardId)!;
    },
  };
}
