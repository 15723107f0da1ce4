// mobileId.invite: a new activation code for a mobile ID that waits for its holder (its first
// invitation, or a re-invitation: the old code stops working). The mail goes out after the commit.
import type { Acting } from '../../cards/card-facts';
import { cardFacts } from '../../cards/card-facts';
import { defineOperation } from '../../ops/operations';
import {
  assertInvitable,
  writeInvitation,
  type NewInvitation,
  type WrittenInvitation,
} from '../invitation-row';

export interface MobileIdInvitation extends NewInvitation {
  cardId: string;
  by: Acting | null;
}

export const inviteMobileId = defineOperation<MobileIdInvitation, WrittenInvitation>(
  'mobileId.invite',
  (scope, p) => {
    const card = cardFacts(scope.db, p.cardId);
    assertInvitable(card);
    const written = writeInvitation(scope, card, p);
    // Neither the code nor its hash leaves the desk's database: the hub learns that a code exists.
    const facts = { invitationId: written.invitationId, cardId: card.id, expiresAt: written.expiresAt };
    return { result: written, recordType: 'card', recordId: card.id, audit: facts, outbox: facts };
  },
);
