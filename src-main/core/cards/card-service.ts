import type { Card } from '../../../src-shared/api/schemas';
import type { MethodParsedInput } from '../../../src-shared/api/methods';
import { hexToBytes, type CredentialTechnology } from '../../../src-shared/credentials/credential';
import { credentialFromBytes } from '../../../src-shared/credentials/credential-from-bytes';
import { DomainError } from '../ops/domain-error';
import { defineOperation, type OperationRunner } from '../ops/operations';
import type { Db } from '../store/database';
import type { Chip } from './attach-chip';
import { bindCredential } from './bind-credential';
import type { Acting } from './card-facts';
import { blocksOfCard, cardById, readyCards } from './card-views';
import { blockCard } from './operations/block-card';
import { expireCards, isExpiryDue } from './operations/expire-cards';
import { handOverCard } from './operations/hand-over-card';
import { resumeCard } from './operations/resume-card';
import { suspendCard } from './operations/suspend-card';
import { terminateCard } from './operations/terminate-card';
import { unblockCard } from './operations/unblock-card';

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
    `INSERT INTO cards (id, holder_id, kind, printed_number, state, valid_from, valid_until, created_at, updated_at, state_changed_at)
     VALUES (?, ?, ?, ?, 'active', ?, ?, ?, ?, ?)`,
  ).run(id, p.holderId, p.kind, printed, now.slice(0, 10), p.validUntil ?? null, now, now, now);
  return { result: id, recordType: 'card', recordId: id, outbox: { id, ...p, printedNumber: printed } };
});

/** A chip as the screen read it (technology + hex), checked like any read. */
function chipOf(technology: CredentialTechnology, hex: string, path: string): Chip {
  const bytes = hexToBytes(hex);
  const credential = bytes.ok ? credentialFromBytes(technology, bytes.value) : bytes;
  if (!credential.ok)
    throw new DomainError('bad_request', credential.error.message, [
      { path, message: credential.error.message },
    ]);
  return { technology, bytes: credential.value.bytes };
}

/** Cards a round of expiry handles per transaction. */
const EXPIRY_BATCH = 500;

export function createCardService(db: Db, ops: OperationRunner, deskId: string) {
  const cardOrThrow = (id: string): Card => {
    const card = cardById(db, id);
    if (!card) throw new DomainError('not_found', 'No such card.');
    return card;
  };

  return {
    register(input: CardRegistration, by: string): Card {
      const id = ops.run(registerCard, input, by);
      return cardById(db, id)!;
    },
    get: cardOrThrow,
    /** Binds a tapped chip, given as the screen read it (technology + hex), to a card in use. */
    bindCredential({ cardId, technology, hex, replacement }: ChipBinding, by: string): Card {
      const chip = chipOf(technology, hex, 'hex');
      ops.run(bindCredential, { cardId, ...chip, replacement: replacement ?? null }, by);
      return cardById(db, cardId)!;
    },
    handOver(input: MethodParsedInput<'cards.handOver'>, by: Acting): Card {
      const chip = chipOf(input.chip.technology, input.chip.hex, 'chip.hex');
      ops.run(
        handOverCard,
        {
          cardId: input.cardId,
          chip,
          faceChecked: input.faceChecked,
          replacement: input.replacement ?? null,
          by,
        },
        by.operatorId,
      );
      return cardOrThrow(input.cardId);
    },
    block(input: MethodParsedInput<'cards.block'>, by: Acting) {
      const applied = ops.run(
        blockCard,
        { cardId: input.cardId, reason: input.reason, note: input.note ?? null, by, deskId },
        by.operatorId,
      );
      return {
        card: cardOrThrow(input.cardId),
        blockId: applied.blockId,
        mobileIdsBlocked: applied.cards.filter((c) => c.id !== input.cardId).length,
      };
    },
    unblock(input: MethodParsedInput<'cards.unblock'>, by: Acting) {
      const restored = ops.run(unblockCard, { ...input, by }, by.operatorId);
      return { card: cardOrThrow(input.cardId), cardsRestored: restored.length };
    },
    terminate(input: MethodParsedInput<'cards.terminate'>, by: Acting): Card {
      ops.run(terminateCard, { cardId: input.cardId, note: input.note, by }, by.operatorId);
      return cardOrThrow(input.cardId);
    },
    suspend(input: MethodParsedInput<'cards.suspend'>, by: Acting): Card {
      ops.run(suspendCard, { cardId: input.cardId, note: input.note, by }, by.operatorId);
      return cardOrThrow(input.cardId);
    },
    resume(input: MethodParsedInput<'cards.resume'>, by: Acting): Card {
      ops.run(resumeCard, { cardId: input.cardId, note: input.note ?? null, by }, by.operatorId);
      return cardOrThrow(input.cardId);
    },
    blocks(cardId: string) {
      cardOrThrow(cardId);
      return { items: blocksOfCard(db, cardId) };
    },
    ready(holderId: string | null, limit: number) {
      return { items: readyCards(db, holderId, limit) };
    },
    /** The desk's expiry round: every card past its validity, in batches; returns how many expired. */
    expireDue(today: string): number {
      let total = 0;
      for (let round = 0; round < 10_000 && isExpiryDue(db, today); round++) {
        const expired = ops.run(expireCards, { today, limit: EXPIRY_BATCH }, null);
        total += expired;
        if (expired < EXPIRY_BATCH) break;
      }
      return total;
    },
  };
}

export type CardService = ReturnType<typeof createCardService>;
