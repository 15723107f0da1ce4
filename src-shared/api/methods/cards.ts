// Cards: registering one, binding a tapped chip, and what happens to a card in its holder's hands —
// hand-over, block, unblock, terminate, suspend, resume (src-shared/domain/card-lifecycle.ts decides).
import { z } from 'zod';
import { CHIP_REPLACEMENT_REASONS } from '../../domain/chip-replacement';
import { CARD_ADMINS, CARD_HANDLERS } from '../../domain/roles';
import { method } from '../method-spec';
import { blockReason, card, cardRegisterInput, credentialTechnology } from '../schemas';
import { id, plainText } from '../text';

const chipHex = z.string().regex(/^[0-9A-Fa-f]{2,64}$/, 'Hex digits, two per byte.');
/** A reason the next person reads: short, plain text. */
const note = plainText(500);

/** Why a card's working chip is replaced; `other` needs a note. */
export const chipReplacement = z.strictObject({
  reason: z.enum(CHIP_REPLACEMENT_REASONS),
  note: note.nullable().optional(),
});

const cardId = z.strictObject({ cardId: id });

export const blockView = z.object({
  id,
  reason: blockReason,
  note: z.string().nullable(),
  blockedAt: z.string(),
  blockedBy: z.string().nullable(),
  liftedAt: z.string().nullable(),
  liftedBy: z.string().nullable(),
  liftNote: z.string().nullable(),
  cardCount: z.number(),
});
export type BlockView = z.infer<typeof blockView>;

export const readyCard = z.object({
  card,
  holder: z.object({
    id,
    givenName: z.string(),
    familyName: z.string(),
    employerName: z.string().nullable(),
  }),
  readySince: z.string().nullable(),
});
export type ReadyCard = z.infer<typeof readyCard>;

export const cardMethods = {
  'cards.register': method(cardRegisterInput, card, CARD_ADMINS),
  'cards.get': method(z.strictObject({ id }), card, CARD_HANDLERS),
  'cards.bindCredential': method(
    z.strictObject({
      cardId: id,
      technology: credentialTechnology,
      hex: chipHex,
      replacement: chipReplacement.optional(),
    }),
    card,
    CARD_HANDLERS,
  ),
  /** The ready card given to its holder: face checked against the photo, the new card's chip bound. */
  'cards.handOver': method(
    z.strictObject({
      cardId: id,
      faceChecked: z.boolean(),
      chip: z.strictObject({ technology: credentialTechnology, hex: chipHex }),
      replacement: chipReplacement.optional(),
    }),
    card,
    CARD_HANDLERS,
  ),
  'cards.block': method(
    z.strictObject({ cardId: id, reason: blockReason, note: note.nullable().optional() }),
    z.object({ card, blockId: id, mobileIdsBlocked: z.number() }),
    CARD_HANDLERS,
  ),
  'cards.unblock': method(
    z.strictObject({ cardId: id, blockId: id, note }),
    z.object({ card, cardsRestored: z.number() }),
    CARD_ADMINS,
  ),
  'cards.terminate': method(z.strictObject({ cardId: id, note }), card, CARD_ADMINS),
  'cards.suspend': method(z.strictObject({ cardId: id, note }), card, CARD_ADMINS),
  'cards.resume': method(z.strictObject({ cardId: id, note: note.nullable().optional() }), card, CARD_ADMINS),
  'cards.blocks': method(cardId, z.object({ items: z.array(blockView) }), CARD_HANDLERS),
  /** Cards ready for pick-up, oldest first; for one holder when given. */
  'cards.ready': method(
    z.strictObject({ holderId: id.optional(), limit: z.number().int().min(1).max(500).optional() }),
    z.object({ items: z.array(readyCard) }),
    CARD_HANDLERS,
  ),
} as const;
