// Registering cards and binding a tapped chip to one.
import { z } from 'zod';
import { CARD_ADMINS, CARD_HANDLERS } from '../../domain/roles';
import { method } from '../method-spec';
import { card, cardRegisterInput, credentialTechnology } from '../schemas';
import { id } from '../text';

export const cardMethods = {
  'cards.register': method(cardRegisterInput, card, CARD_ADMINS),
  'cards.bindCredential': method(
    z.strictObject({
      cardId: id,
      technology: credentialTechnology,
      hex: z.string().regex(/^[0-9A-Fa-f]{2,64}$/, 'Hex digits, two per byte.'),
    }),
    card,
    CARD_HANDLERS,
  ),
} as const;
