// What the API handlers call for mobile visual IDs: invitations (and re-invitations) with their mail,
// and a lost phone. The code is made here, hashed before any operation sees it, put into the mail
// once, and forgotten: it never reaches a log, the outbox, the audit or a screen.
import { activationCodeFrom } from '../../../src-shared/domain/activation-code';
import type { Language } from '../../../src-shared/domain/languages';
import type { Card } from '../../../src-shared/api/schemas';
import type { Acting } from '../cards/card-facts';
import { cardById } from '../cards/card-views';
import { MailError, type Mailer } from '../mail/mailer';
import type { Clock, Random } from '../ops/context';
import { DomainError } from '../ops/domain-error';
import type { OperationRunner } from '../ops/operations';
import type { Db } from '../store/database';
import { hashActivationCode } from './code-hash';
import { invitationMail } from './invitation-mail';
import type { WrittenInvitation } from './invitation-row';
import { invitationById, latestInvitationsOfHolder, type InvitationView } from './mobile-id-views';
import { inviteMobileId } from './operations/invite-mobile-id';
import { recordInvitationSend } from './operations/record-invitation-send';
import { reportLostPhone } from './operations/report-lost-phone';

export interface MobileIdServiceDeps {
  db: Db;
  ops: OperationRunner;
  clock: Clock;
  random: Random;
  mailer: Mailer;
  deskId: string;
  /** The language of mail to holders whose own language is not known. */
  language: Language;
}

export function createMobileIdService(d: MobileIdServiceDeps) {
  const nowIso = () => new Date(d.clock.now()).toISOString();

  async function newCode(): Promise<{ code: string; codeHash: string }> {
    const code = activationCodeFrom(d.random.bytes(10));
    return { code, codeHash: await hashActivationCode(code, d.random.bytes(16)) };
  }

  /** Sends the mail for a just-written invitation and records whether it went out. */
  async function deliver(written: WrittenInvitation, code: string): Promise<InvitationView> {
    const holder = d.db
      .prepare(
        'SELECT h.given_name AS g, h.family_name AS f FROM cards c JOIN holders h ON h.id = c.holder_id WHERE c.id = ?',
      )
      .get(written.cardId) as { g: string; f: string };
    const row = d.db.prepare('SELECT language FROM invitations WHERE id = ?').get(written.invitationId) as {
      language: Language;
    };
    const message = invitationMail({
      to: written.email,
      language: row.language,
      holderName: `${holder.g} ${holder.f}`,
      code,
      expiresAt: written.expiresAt,
    });
    let error: { code: string; params: Record<string, string> } | null = null;
    try {
      await d.mailer.send(message);
    } catch (cause) {
      const problem = cause instanceof MailError ? cause.code : 'unreachable';
      error = {
        code: problem === 'not_configured' ? 'mail_not_configured' : 'mail_failed',
        params: { problem },
      };
    }
    d.ops.run(recordInvitationSend, { invitationId: written.invitationId, error }, null);
    return invitationById(d.db, written.invitationId, nowIso())!;
  }

  async function invite(cardId: string, by: Acting | null): Promise<InvitationView> {
    const { code, codeHash } = await newCode();
    const written = d.ops.run(
      inviteMobileId,
      { cardId, codeHash, language: d.language, operatorId: by?.operatorId ?? null, by },
      by?.operatorId ?? null,
    );
    return deliver(written, code);
  }

  return {
    /** A new code for a mobile ID that waits for its holder; the old code stops working. */
    invite,
    /**
     * For mobile IDs just created `invited` (an approved order): each gets its invitation. A card that
     * cannot be invited (no e-mail address, no longer invited) is reported in the answer, the others
     * go ahead.
     */
    async sendInvitations(
      cardIds: readonly string[],
    ): Promise<{ cardId: string; invitation: InvitationView | null; error: string | null }[]> {
      const results = [];
      for (const cardId of cardIds) {
        try {
          results.push({ cardId, invitation: await invite(cardId, null), error: null });
        } catch (cause) {
          if (!(cause instanceof DomainError)) throw cause;
          results.push({ cardId, invitation: null, error: cause.code });
        }
      }
      return results;
    },
    async reportLostPhone(
      cardId: string,
      by: Acting,
    ): Promise<{ blocked: Card; replacement: Card; invitation: InvitationView | null }> {
      const { code, codeHash } = await newCode();
      const result = d.ops.run(
        reportLostPhone,
        { cardId, codeHash, language: d.language, operatorId: by.operatorId, by, deskId: d.deskId },
        by.operatorId,
      );
      const invitation = result.invitation ? await deliver(result.invitation, code) : null;
      return {
        blocked: cardById(d.db, cardId)!,
        replacement: cardById(d.db, result.newCardId)!,
        invitation,
      };
    },
    invitationsOfHolder(holderId: string): InvitationView[] {
      return latestInvitationsOfHolder(d.db, holderId, nowIso());
    },
  };
}

export type MobileIdService = ReturnType<typeof createMobileIdService>;
