// mobileIds.reportLostPhone: the holder lost the phone. Only that mobile ID is blocked (reason lost);
// a new mobile ID for the same physical card is created, invited, with a new code (once the holder has an
// e-mail address). No new physical card.
import { defineOperation } from '../../ops/operations';
import { applyBlock } from '../../cards/apply-block';
import { cardFacts, type Acting, type CardFacts } from '../../cards/card-facts';
import { DomainError } from '../../ops/domain-error';
import type { OperationScope } from '../../ops/operations';
import { holderEmail, writeInvitation, type NewInvitation, type WrittenInvitation } from '../invitation-row';

export interface LostPhone extends NewInvitation {
  cardId: string;
  by: Acting;
  deskId: string;
}

export interface LostPhoneResult {
  blockId: string;
  newCardId: string;
  /** Null when the holder has no e-mail address: the new mobile ID waits for one, then a re-invitation. */
  invitation: WrittenInvitation | null;
}

/** The lost mobile ID's number with a new suffix: "AB1234567890-M" → "AB1234567890-M-R2", "-R3"… */
function nextPrintedNumber({ db }: OperationScope, lost: CardFacts): string {
  const base = lost.printedNumber.replace(/-R\d+$/, '');
  const taken = db.prepare('SELECT 1 FROM cards WHERE printed_number = ?');
  for (let n = 2; ; n++) {
    const candidate = `${base}-R${n}`;
    if (!taken.get(candidate)) return candidate;
  }
}

export const reportLostPhone = defineOperation<LostPhone, LostPhoneResult>(
  'mobileId.reportLostPhone',
  (scope, p) => {
    const { db, now, newId } = scope;
    const lost = cardFacts(db, p.cardId);
    if (lost.kind !== 'mobile_id') {
      throw new DomainError(
        'not_for_kind',
        'A lost phone concerns a mobile ID; block the card instead.',
        undefined,
        {
          action: 'block',
          line: 'physical',
        },
      );
    }
    const block = applyBlock(scope, {
      cardId: lost.id,
      reason: 'lost',
      note: null,
      actors: p.by.roles,
      operatorId: p.by.operatorId,
      deskId: p.deskId,
    });
    const row = db
      .prepare('SELECT valid_until AS validUntil, site, order_id AS orderId FROM cards WHERE id = ?')
      .get(lost.id) as { validUntil: string | null; site: string | null; orderId: string | null };
    const newCardId = newId();
    const printed = nextPrintedNumber(scope, lost);
    db.prepare(
      `INSERT INTO cards (id, holder_id, kind, printed_number, state, valid_from, valid_until, created_at, updated_at,
                          order_id, physical_card_id, site, state_changed_at)
       VALUES (?, ?, 'mobile_id', ?, 'invited', NULL, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      newCardId,
      lost.holderId,
      printed,
      row.validUntil,
      now,
      now,
      row.orderId,
      lost.physicalCardId,
      row.site,
      now,
    );
    const invitation = holderEmail(db, lost.holderId)
      ? writeInvitation(scope, { ...lost, id: newCardId, state: 'invited', printedNumber: printed }, p)
      : null;
    const facts = {
      blockId: block.blockId,
      lostCardId: lost.id,
      newCardId,
      printedNumber: printed,
      physicalCardId: lost.physicalCardId,
      validUntil: row.validUntil,
      invitationId: invitation?.invitationId ?? null,
      expiresAt: invitation?.expiresAt ?? null,
    };
    return {
      result: { blockId: block.blockId, newCardId, invitation },
      recordType: 'card',
      recordId: lost.id,
      audit: facts,
      outbox: facts,
    };
  },
);
