// Card production: the queue of approved cards, the card face preview, printing on the desk's card
// printer, batches for an external issuer and their answers, and retrying what failed.
import { z } from 'zod';
import { CARD_ADMINS } from '../../domain/roles';
import { empty, method } from '../method-spec';
import { cardKind, cardState } from '../schemas';
import { id } from '../text';

export const PRODUCTION_CHANNELS = ['printer', 'issuer'] as const;
export const productionChannel = z.enum(PRODUCTION_CHANNELS);
export type ProductionChannel = z.infer<typeof productionChannel>;

/** At most this many cards in one press of Print; a batch for the issuer may hold more. */
export const PRINT_MAX_CARDS = 50;
export const BATCH_MAX_CARDS = 500;

const problem = z.object({
  code: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});

export const productionCard = z.object({
  cardId: id,
  holderId: id,
  givenName: z.string(),
  familyName: z.string(),
  employerName: z.string().nullable(),
  printedNumber: z.string(),
  kind: cardKind,
  state: cardState,
  validUntil: z.string().nullable(),
  site: z.string().nullable(),
  /** The last failed attempt, until one succeeds. */
  productionError: problem.extend({ at: z.string() }).nullable(),
  /** The attempt under way or the last one. */
  job: z
    .object({
      channel: productionChannel,
      batchId: z.string(),
      ref: z.string().nullable(),
      state: z.enum(['submitting', 'waiting', 'produced', 'failed']),
      startedAt: z.string(),
    })
    .nullable(),
});
export type ProductionCard = z.infer<typeof productionCard>;

export const productionQueue = z.object({
  /** Approved cards waiting to be produced; those with productionError failed before and wait for a retry. */
  waiting: z.array(productionCard),
  inProduction: z.array(productionCard),
  /** What this desk can produce with: its printer's name, the issuer's folder; null when not set up. */
  channels: z.object({
    printer: z.object({ name: z.string() }).nullable(),
    issuer: z.object({ batchFolder: z.string(), answerFolder: z.string() }).nullable(),
  }),
});
export type ProductionQueue = z.infer<typeof productionQueue>;

const point = z.number().finite();
export const faceElement = z.discriminatedUnion('type', [
  z.object({ type: z.literal('rect'), x: point, y: point, width: point, height: point, fill: z.string() }),
  z.object({ type: z.literal('photo'), x: point, y: point, width: point, height: point }),
  z.object({
    type: z.literal('photoMissing'),
    x: point,
    y: point,
    width: point,
    height: point,
    stroke: z.string(),
  }),
  z.object({
    type: z.literal('text'),
    role: z.string(),
    x: point,
    y: point,
    size: point,
    weight: z.enum(['regular', 'bold']),
    colour: z.string(),
    text: z.string(),
    width: point,
    maxWidth: point,
  }),
]);
export const cardFacePreview = z.object({
  layout: z.object({
    width: point,
    height: point,
    front: z.array(faceElement),
    back: z.array(faceElement),
  }),
  photo: z.object({ mime: z.string(), base64: z.string() }).nullable(),
});
export type CardFacePreview = z.infer<typeof cardFacePreview>;

export const productionRun = z.object({
  batchId: z.string(),
  channel: productionChannel,
  results: z.array(
    z.object({
      cardId: id,
      printedNumber: z.string(),
      /** The producer took the card: a print job, a batch file. */
      isAccepted: z.boolean(),
      ref: z.string().nullable(),
      error: problem.nullable(),
    }),
  ),
});
export type ProductionRun = z.infer<typeof productionRun>;

/** What reading the producer's answers found beside the cards it moved on. */
export const PRODUCTION_NOTICES = [
  /** An answer file names a batch this desk never wrote. */
  'answer_unknown_batch',
  /** An answer names a card that was not in that batch. */
  'answer_not_in_batch',
  /** An answer's card number differs from the card's: not applied. */
  'answer_number_mismatch',
] as const;

export const productionCollectReport = z.object({
  produced: z.int().min(0),
  failed: z.int().min(0),
  stillWaiting: z.int().min(0),
  /** Answers for cards already moved on by an earlier reading: applied once, not again. */
  alreadyApplied: z.int().min(0),
  /** Files refused whole, answers not applied, a printer that did not answer: each in codes. */
  notices: z.array(problem),
});
export type ProductionCollectReport = z.infer<typeof productionCollectReport>;

const cardIds = (max: number) =>
  z
    .array(id)
    .min(1, 'Choose at least one card.')
    .max(max, `At most ${max} cards at a time.`)
    .refine((ids) => new Set(ids).size === ids.length, 'A card is listed twice.');

export const productionMethods = {
  'production.queue': method(empty, productionQueue, CARD_ADMINS),
  'production.preview': method(z.strictObject({ cardId: id }), cardFacePreview, CARD_ADMINS),
  'production.facePdf': method(z.strictObject({ cardId: id }), z.object({ base64: z.string() }), CARD_ADMINS),
  'production.print': method(
    z.strictObject({ cardIds: cardIds(PRINT_MAX_CARDS) }),
    productionRun,
    CARD_ADMINS,
  ),
  'production.writeBatch': method(
    z.strictObject({ cardIds: cardIds(BATCH_MAX_CARDS) }),
    productionRun,
    CARD_ADMINS,
  ),
  /** Again, the way each card went last time (printer or issuer). */
  'production.retry': method(
    z.strictObject({ cardIds: cardIds(PRINT_MAX_CARDS) }),
    z.object({ runs: z.array(productionRun) }),
    CARD_ADMINS,
  ),
  /** Asks the printer what became of the print jobs the desk waits for. */
  'production.checkJobs': method(empty, productionCollectReport, CARD_ADMINS),
  'production.readAnswers': method(empty, productionCollectReport, CARD_ADMINS),
} as const;
