// The producer took the card: the print job's id (or the batch) is kept to ask about it later.
import { DomainError } from '../../ops/domain-error';
import { defineOperation } from '../../ops/operations';

export const recordSubmission = defineOperation<{ jobId: string; ref: string }, void>(
  'production.submitted',
  ({ db }, p) => {
    const job = db.prepare('SELECT card_id, state FROM production_jobs WHERE id = ?').get(p.jobId) as
      { card_id: string; state: string } | undefined;
    if (!job) throw new DomainError('not_found', 'No such production job.');
    if (job.state !== 'submitting')
      throw new DomainError('conflict', `The production job is already ${job.state}.`);
    db.prepare(`UPDATE production_jobs SET state = 'waiting', ref = ? WHERE id = ?`).run(p.ref, p.jobId);
    return {
      result: undefined,
      recordType: 'card',
      recordId: job.card_id,
      audit: { jobId: p.jobId, ref: p.ref },
      outbox: { jobId: p.jobId, cardId: job.card_id, ref: p.ref },
    };
  },
);
