// Writing an invitation, as a step inside an operation (an invitation or re-invitation, a lost phone):
// the new code's hash is stored and every earlier code of the same mobile ID stops working.
import { INVITATION_VALID_DAYS } from '../../../src-shared/domain/activation-code';
import type { Language } from '../../../src-shared/domain/languages';
import type { CardFacts } from '../cards/card-facts';
import { DomainError } from '../ops/domain-error';
import type { OperationScope } from '../ops/operations';
import type { Db } from '../store/database';

export interface NewInvitation {
  /** The salted hash of the code; the code itself never enters an operation. */
  codeHash: string;
  language: Language;
  operatorId: string | null;
}

export interface WrittenInvitation {
  invitationId: string;
  cardId: string;
  email: string;
  expiresAt: string;
}

/** The mobile ID may be invited: a mobile ID still waiting for its holder. */
export function assertInvitable(card: CardFacts): void {
  if (card.kind !== 'mobile_id') {
    throw new DomainError('not_for_kind', 'Only a mobile ID gets an invitation.', undefined, {
      action: 'activate',
      line: 'physical',
    });
  }
  if (card.state !== 'invited') {
    throw new DomainError(
      'already_in_state',
      `This mobile ID is ${card.state}: it takes no invitation.`,
      undefined,
      {
        action: 'activate',
        state: card.state,
      },
    );
  }
}

/** The holder's e-mail address, where the invitation goes; null when none is recorded. */
export function holderEmail(db: Db, holderId: string): string | null {
  const holder = db.prepare('SELECT email FROM holders WHERE id = ?').get(holderId) as
    { email: string | null } | undefined;
  return holder?.email ?? null;
}

export function writeInvitation(
  { db, now, newId }: OperationScope,
  card: CardFacts,
  invitation: NewInvitation,
): WrittenInvitation {
  const email = holderEmail(db, card.holderId);
  if (!email) {
    throw new DomainError('email_required', 'The holder has no e-mail address to send the invitation to.', [
      { path: 'email', message: 'Missing.' },
    ]);
  }
  db.prepare(
    'UPDATE invitations SET superseded_at = ? WHERE card_id = ? AND superseded_at IS NULL AND used_at IS NULL',
  ).run(now, card.id);
  const id = newId();
  const expiresAt = new Date(Date.parse(now) + INVITATION_VALID_DAYS * 86_400_000).toISOString();
  db.prepare(
    `INSERT INTO invitations (id, card_id, email, language, code_hash, created_by, created_at, expires_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(id, card.id, email, invitation.language, invitation.codeHash, invitation.operatorId, now, expiresAt);
  return { invitationId: id, cardId: card.id, email, expiresAt };
}
