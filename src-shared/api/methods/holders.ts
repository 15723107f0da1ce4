// Finding, reading and registering holders.
import { z } from 'zod';
import { ALL_STAFF, CARD_ADMINS } from '../../domain/roles';
import { method } from '../method-spec';
import { holderCreateInput, holderDetail, holderSummary, holderUpdateInput } from '../schemas';
import { id } from '../text';

export const holderMethods = {
  'holders.search': method(
    z.strictObject({
      query: z.string().max(100, 'At most 100 characters.'),
      limit: z.int().min(1).max(50).optional(),
    }),
    z.object({
      items: z.array(holderSummary),
      /** How many matched, counted up to a cap (cheap at a million holders)… */
      total: z.int().min(0),
      /** …and whether more than `total` did: the screen then says "more than". */
      isMore: z.boolean(),
    }),
    ALL_STAFF,
  ),
  'holders.get': method(z.strictObject({ id }), holderDetail, ALL_STAFF),
  'holders.photo': method(
    z.strictObject({ id }),
    z.object({ mime: z.string(), base64: z.string() }).nullable(),
    ALL_STAFF,
  ),
  'holders.create': method(holderCreateInput, holderDetail, CARD_ADMINS),
  'holders.update': method(holderUpdateInput, holderDetail, CARD_ADMINS),
} as const;
