// Why a presented card has the status it has, as a code with typed parts: the screen picks the
// sentence for the code in the operator's language and formats the parts (a date in the operator's
// date format, a block reason or card state by its translation). Nothing here is text to be parsed.
import { z } from 'zod';
import { CREDENTIAL_ERROR_CODES } from '../credentials/credential';
import { blockReason, cardState } from './schemas';

export const PRESENTED_REASON_CODES = [
  /** Blocked, and why (lost, stolen…). */
  'block_reason',
  /** Stopped by its state (suspended, terminated…) with no block reason recorded. */
  'card_state',
  /** Not usable yet: still on its way to the holder (ordered, ready for pick-up…). */
  'not_activated',
  /** Active, but its validity starts on this date. */
  'valid_from',
  /** Its validity ended on this date. */
  'expired_on',
  /** The read could not be turned into a credential: what was wrong, and the reader profile used. */
  'unreadable',
] as const;
export const presentedReasonCode = z.enum(PRESENTED_REASON_CODES);
export type PresentedReasonCode = z.infer<typeof presentedReasonCode>;

const isoDate = z.iso.date();
/** A reader profile id (`reader-profile.ts`); the screen shows the profile's name. */
const profileId = z.string().regex(/^[a-z0-9-]{1,60}$/);

export const presentedReason = z.discriminatedUnion('code', [
  z.strictObject({ code: z.literal('block_reason'), params: z.strictObject({ blockReason }) }),
  z.strictObject({ code: z.literal('card_state'), params: z.strictObject({ state: cardState }) }),
  z.strictObject({ code: z.literal('not_activated'), params: z.strictObject({ state: cardState }) }),
  z.strictObject({ code: z.literal('valid_from'), params: z.strictObject({ date: isoDate }) }),
  z.strictObject({ code: z.literal('expired_on'), params: z.strictObject({ date: isoDate }) }),
  z.strictObject({
    code: z.literal('unreadable'),
    params: z.strictObject({
      problem: z.enum(CREDENTIAL_ERROR_CODES),
      /** Absent for a chip's bytes, which no profile interprets. */
      profileId: profileId.optional(),
    }),
  }),
]);
export type PresentedReason = z.infer<typeof presentedReason>;
