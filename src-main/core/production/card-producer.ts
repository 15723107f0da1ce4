// The card producer port: whoever turns an approved card into a plastic one. Two real adapters:
// the desk's own card printer through CUPS (adapters/cups-printer.ts) and a signed batch file for an
// external issuer with its answer file read back (adapters/issuer-batch.ts). The production service
// drives both the same way: submit the cards, later collect what became of them.
import type { CardFaceFacts } from '../../../src-shared/domain/card-face';
import type { ErrorCode, ErrorParams } from '../../../src-shared/api/result';
import type { FacePhoto } from './card-face-pdf';

export type ProductionChannel = 'printer' | 'issuer';

/** What went wrong, as a code the screens translate and facts they may show; never raw stderr. */
export interface ProductionProblem {
  code: ErrorCode;
  params: ErrorParams;
}

/** A card on its way to production, with everything printed on it. */
export interface ProductionItem {
  cardId: string;
  facts: CardFaceFacts;
  photo: FacePhoto | null;
}

export type Submission = { ok: true; ref: string } | { ok: false; problem: ProductionProblem };

/** A job the desk waits for: the producer's reference (a CUPS job id, a batch id) and the card. */
export interface PendingJob {
  ref: string;
  cardId: string;
}

export type ProducerOutcome =
  { state: 'pending' } | { state: 'produced' } | { state: 'failed'; problem: ProductionProblem };

/** What the producer says became of one card; `source` names where it said so (job, answer file). */
export interface ProducerAnswer {
  ref: string;
  cardId: string;
  printedNumber: string | null;
  outcome: ProducerOutcome;
  source: string;
}

export interface CollectResult {
  answers: ProducerAnswer[];
  /** Whole answers refused unread (a malformed or hostile file): nothing of them is applied. */
  refused: { source: string; problem: ProductionProblem }[];
}

export interface CardProducer {
  readonly channel: ProductionChannel;
  /**
   * Hands the cards over, one result per item in order. `batchId` names the submission for
   * producers that take cards together (the issuer); the printer makes one job per card.
   */
  submit(items: ProductionItem[], batchId: string): Promise<Submission[]>;
  /** What became of the jobs the desk waits for (and, from an issuer, whatever else it answered). */
  collect(pending: PendingJob[]): Promise<CollectResult>;
  /** Takes back a job the desk gave up on (a print waiting on a stopped printer), so it never prints late. */
  withdraw?(ref: string): Promise<void>;
}

/** A problem from the producer's own words, for the log only: the screen gets the code and params. */
export class ProductionFailure extends Error {
  constructor(
    readonly problem: ProductionProblem,
    detail: string,
  ) {
    super(detail);
    this.name = 'ProductionFailure';
  }
}
