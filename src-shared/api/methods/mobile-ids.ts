// Mobile visual IDs: invitations with a one-time activation code (never in an answer: only the mail
// carries it), and a lost phone.
import { z } from 'zod';
import { CARD_HANDLERS } from '../../domain/roles';
import { method } from '../method-spec';
import { card } from '../schemas';
import { id } from '../text';

export const invitationView = z.object({
  id,
  cardId: id,
  email: z.string(),
  createdAt: z.string(),
  expiresAt: z.string(),
  sentAt: z.string().nullable(),
  state: z.enum(['sending', 'sent', 'failed', 'superseded', 'expired', 'used']),
  sendError: z
    .object({
      code: z.string(),
      params: z.record(z.string(), z.union([z.string(), z.number()])),
      at: z.string(),
    })
    .nullable(),
});
export type InvitationView = z.infer<typeof invitationView>;

export const mobileIdMethods = {
  /** A new code by e-mail; the previous code stops working. Also how a failed mail is sent again. */
  'mobileIds.reinvite': method(z.strictObject({ cardId: id }), invitationView, CARD_HANDLERS),
  /** Blocks only this mobile ID (lost) and invites a new one for the same physical card. */
  'mobileIds.reportLostPhone': method(
    z.strictObject({ cardId: id }),
    z.object({ blocked: card, replacement: card, invitation: invitationView.nullable() }),
    CARD_HANDLERS,
  ),
  /** The latest invitation of each of a holder's mobile IDs. */
  'mobileIds.invitations': method(
    z.strictObject({ holderId: id }),
    z.object({ items: z.array(invitationView) }),
    CARD_HANDLERS,
  ),
} as const;
