// What the production methods do: put approved cards into production on the desk's printer or in a
// batch for the issuer, learn what became of them, and retry what failed. Each card's way through is
// operations (operations/*): started, taken by the producer, then ready or back to approved with the
// error. A producer that fails never loses a card: it is approved again, with the error and a Retry.
import type {
  CardFacePreview,
  ProductionCollectReport,
  ProductionQueue,
  ProductionRun,
} from '../../../src-shared/api/methods/production';
import type { Actor } from '../../../src-shared/domain/card-lifecycle';
import type { Session } from '../auth/sessions';
import { DomainError } from '../ops/domain-error';
import type { Clock } from '../ops/context';
import type { OperationRunner } from '../ops/operations';
import type { Db } from '../store/database';
import { cardFaceLayout, renderCardFacePdf } from './card-face-pdf';
import type {
  CardProducer,
  ProducerAnswer,
  ProductionChannel,
  ProductionItem,
  ProductionProblem,
  Submission,
} from './card-producer';
import { markCardReady, recordProductionFailure } from './operations/finish-production';
import { recordSubmission } from './operations/record-submission';
import { startProduction } from './operations/start-production';
import { createProductionViews, type FaceSource } from './production-views';

export interface ProductionChannels {
  printer: { producer: CardProducer; name: string } | null;
  issuer: { producer: CardProducer; batchFolder: string; answerFolder: string } | null;
}

type Operator = Pick<Session, 'operatorId' | 'roles'>;

interface JobRow {
  id: string;
  card_id: string;
  batch_id: string;
  ref: string | null;
  state: string;
}

/**
 * An attempt still "submitting" this long after it started was cut off (the desk stopped while lp ran
 * or the batch was being written): it is failed, so its card is approved again and can be retried.
 */
export const STALE_SUBMISSION_MS = 5 * 60 * 1000;

export function createProductionService(
  db: Db,
  ops: OperationRunner,
  channels: ProductionChannels,
  clock: Clock,
  log: (message: string, error?: unknown) => void = () => {},
) {
  const views = createProductionViews(db);
  const waitingJobs = db.prepare(`SELECT * FROM production_jobs WHERE channel = ? AND state = 'waiting'`);
  const staleJobs = db.prepare(
    `SELECT * FROM production_jobs WHERE channel = ? AND state = 'submitting' AND started_at < ?`,
  );
  const jobOf = db.prepare(`SELECT * FROM production_jobs WHERE batch_id = ? AND card_id = ?`);
  const batchKnown = db.prepare(`SELECT 1 FROM production_jobs WHERE batch_id = ? LIMIT 1`);
  const lastChannel = db.prepare(
    `SELECT channel FROM production_jobs WHERE card_id = ? ORDER BY started_at DESC, rowid DESC LIMIT 1`,
  );
  const printedNumberOf = db.prepare('SELECT printed_number FROM cards WHERE id = ?');

  function producerFor(channel: ProductionChannel): CardProducer {
    const configured = channels[channel];
    if (!configured)
      throw new DomainError(
        'production_not_configured',
        `This desk has no ${channel} for card production.`,
        undefined,
        {
          channel,
        },
      );
    return configured.producer;
  }

  function faceOrThrow(cardId: string): FaceSource {
    const face = views.face(cardId);
    if (!face) throw new DomainError('not_found', 'No such card.');
    return face;
  }

  /** Every card in production in one operation, then to the producer; each outcome its own operation. */
  async function produce(
    channel: ProductionChannel,
    cardIds: string[],
    by: Operator,
  ): Promise<ProductionRun> {
    const producer = producerFor(channel);
    const faces = cardIds.map(faceOrThrow);
    const batchId = ops.newId();
    const actors: readonly Actor[] = by.roles;
    const jobs = ops.run(
      startProduction,
      { cardIds, channel, batchId, actors, operatorId: by.operatorId },
      by.operatorId,
    );

    const items: ProductionItem[] = faces.map((face) => ({
      cardId: face.card.cardId,
      facts: face.facts,
      photo: face.photo,
    }));
    let submissions: Submission[];
    try {
      submissions = await producer.submit(items, batchId);
    } catch (error) {
      log(`production: the ${channel} failed unexpectedly`, error);
      const problem: ProductionProblem =
        channel === 'printer'
          ? { code: 'print_failed', params: { printer: channels.printer?.name ?? '' } }
          : { code: 'batch_folder_unavailable', params: { folder: channels.issuer?.batchFolder ?? '' } };
      submissions = items.map(() => ({ ok: false, problem }));
    }

    const results = faces.map((face, i) => {
      const jobId = jobs.get(face.card.cardId)!;
      const submission = submissions[i] ?? { ok: false, problem: { code: 'print_failed', params: {} } };
      if (submission.ok) {
        ops.run(recordSubmission, { jobId, ref: submission.ref }, by.operatorId);
      } else {
        ops.run(
          recordProductionFailure,
          { jobId, actors, source: channel, problem: submission.problem },
          by.operatorId,
        );
      }
      return {
        cardId: face.card.cardId,
        printedNumber: face.facts.printedNumber,
        isAccepted: submission.ok,
        ref: submission.ok ? submission.ref : null,
        error: submission.ok ? null : submission.problem,
      };
    });
    return { batchId, channel, results };
  }

  /** Applies what the producer said; each attempt ends once, whatever is answered again later. */
  function failStale(channel: ProductionChannel, by: Operator): number {
    const before = new Date(clock.now() - STALE_SUBMISSION_MS).toISOString();
    const stale = staleJobs.all(channel, before) as JobRow[];
    for (const job of stale) {
      const problem: ProductionProblem =
        channel === 'printer'
          ? { code: 'print_failed', params: { printer: channels.printer?.name ?? '' } }
          : { code: 'batch_folder_unavailable', params: { folder: channels.issuer?.batchFolder ?? '' } };
      ops.run(
        recordProductionFailure,
        { jobId: job.id, actors: by.roles, source: 'cut off', problem },
        by.operatorId,
      );
    }
    return stale.length;
  }

  async function collect(channel: ProductionChannel, by: Operator): Promise<ProductionCollectReport> {
    const producer = producerFor(channel);
    const cutOff = failStale(channel, by);
    const waiting = waitingJobs.all(channel) as JobRow[];
    const result = await producer.collect(
      waiting.map((job) => ({ ref: job.ref ?? '', cardId: job.card_id })),
    );
    const report: ProductionCollectReport = {
      produced: 0,
      failed: cutOff,
      stillWaiting: 0,
      alreadyApplied: 0,
      notices: result.refused.map(({ problem }) => problem),
    };
    const unknownBatches = new Set<string>();
    for (const answer of result.answers) {
      const job = jobFor(answer, channel, waiting);
      if (!job) {
        if (!batchKnown.get(answer.ref)) {
          if (!unknownBatches.has(answer.ref))
            report.notices.push({ code: 'answer_unknown_batch', params: { file: answer.source } });
          unknownBatches.add(answer.ref);
        } else {
          report.notices.push({
            code: 'answer_not_in_batch',
            params: { file: answer.source, printedNumber: answer.printedNumber ?? '' },
          });
        }
        continue;
      }
      const card = printedNumberOf.get(job.card_id) as { printed_number: string };
      if (
        answer.printedNumber !== null &&
        answer.printedNumber.toUpperCase() !== card.printed_number.toUpperCase()
      ) {
        report.notices.push({
          code: 'answer_number_mismatch',
          params: { file: answer.source, printedNumber: answer.printedNumber },
        });
        continue;
      }
      if (answer.outcome.state === 'pending') {
        report.stillWaiting++;
        continue;
      }
      if (job.state !== 'waiting' && job.state !== 'submitting') {
        report.alreadyApplied++;
        continue;
      }
      const finish = { jobId: job.id, actors: by.roles, source: answer.source };
      try {
        if (answer.outcome.state === 'produced') {
          ops.run(markCardReady, finish, by.operatorId);
          report.produced++;
        } else {
          ops.run(recordProductionFailure, { ...finish, problem: answer.outcome.problem }, by.operatorId);
          // A print job given up on is taken back, so it cannot print after the card was retried.
          if (channel === 'printer' && answer.outcome.problem.code === 'printer_stopped')
            await producer.withdraw?.(answer.ref);
          report.failed++;
        }
      } catch (error) {
        // Another screen applied the same answer a moment ago.
        if (error instanceof DomainError && error.code === 'already_in_state') report.alreadyApplied++;
        else throw error;
      }
    }
    return report;
  }

  function jobFor(answer: ProducerAnswer, channel: ProductionChannel, waiting: JobRow[]): JobRow | undefined {
    if (channel === 'printer')
      return waiting.find((job) => job.ref === answer.ref && job.card_id === answer.cardId);
    return jobOf.get(answer.ref, answer.cardId) as JobRow | undefined;
  }

  return {
    queue(): ProductionQueue {
      return {
        ...views.queue(),
        channels: {
          printer: channels.printer ? { name: channels.printer.name } : null,
          issuer: channels.issuer
            ? { batchFolder: channels.issuer.batchFolder, answerFolder: channels.issuer.answerFolder }
            : null,
        },
      };
    },
    preview(cardId: string): CardFacePreview {
      const { facts, photo } = faceOrThrow(cardId);
      return {
        layout: cardFaceLayout(facts),
        photo: photo ? { mime: photo.mime, base64: Buffer.from(photo.bytes).toString('base64') } : null,
      };
    },
    async facePdf(cardId: string): Promise<{ base64: string }> {
      const { facts, photo } = faceOrThrow(cardId);
      return { base64: Buffer.from(await renderCardFacePdf(facts, photo)).toString('base64') };
    },
    print: (cardIds: string[], by: Operator) => produce('printer', cardIds, by),
    writeBatch: (cardIds: string[], by: Operator) => produce('issuer', cardIds, by),
    /** Each card again the way it went last time; cards never tried go to the printer if there is one. */
    async retry(cardIds: string[], by: Operator): Promise<{ runs: ProductionRun[] }> {
      const byChannel = new Map<ProductionChannel, string[]>();
      for (const cardId of cardIds) {
        const last = lastChannel.get(cardId) as { channel: ProductionChannel } | undefined;
        const channel = last?.channel ?? (channels.printer ? 'printer' : 'issuer');
        byChannel.set(channel, [...(byChannel.get(channel) ?? []), cardId]);
      }
      // Checked before anything is produced, so a refusal leaves every card as it was.
      for (const channel of byChannel.keys()) producerFor(channel);
      const runs: ProductionRun[] = [];
      for (const [channel, ids] of byChannel) runs.push(await produce(channel, ids, by));
      return { runs };
    },
    checkJobs: (by: Operator) => collect('printer', by),
    readAnswers: (by: Operator) => collect('issuer', by),
  };
}

export type ProductionService = ReturnType<typeof createProductionService>;
