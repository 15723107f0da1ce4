// Cards go into production together: each approved card becomes in_production with an attempt
// (a production job) of the given channel, or nothing is written at all.
import { cardLineOf, type Actor } from '../../../../src-shared/domain/card-lifecycle';
import type { CardKind, CardState } from '../../../../src-shared/domain/card-states';
import { enforceTransition } from '../../cards/enforce-transition';
import { DomainError } from '../../ops/domain-error';
import { defineOperation } from '../../ops/operations';
import type { ProductionChannel } from '../card-producer';

export interface StartProduction {
  cardIds: string[];
  channel: ProductionChannel;
  batchId: string;
  actors: readonly Actor[];
  operatorId: string | null;
}

export const startProduction = defineOperation<StartProduction, Map<string, string>>(
  'production.start',
  ({ db, now, newId }, p) => {
    const read = db.prepare('SELECT kind, state FROM cards WHERE id = ?');
    const move = db.prepare(
      `UPDATE cards SET state = ?, production_error = NULL, state_changed_at = ?, updated_at = ? WHERE id = ?`,
    );
    const insert = db.prepare(
      `INSERT INTO production_jobs (id, card_id, channel, batch_id, ref, state, started_by, started_at)
       VALUES (?, ?, ?, ?, ?, 'submitting', ?, ?)`,
    );
    const jobs = new Map<string, string>();
    for (const cardId of p.cardIds) {
      const card = read.get(cardId) as { kind: CardKind; state: CardState } | undefined;
      if (!card) throw new DomainError('not_found', 'No such card.', [{ path: 'cardIds', message: cardId }]);
      const to = enforceTransition({
        line: cardLineOf(card.kind),
        state: card.state,
        action: 'startProduction',
        actors: p.actors,
      });
      move.run(to, now, now, cardId);
      const jobId = newId();
      // An issuer's reference is the batch itself; a print job's comes from CUPS once it takes it.
      insert.run(
        jobId,
        cardId,
        p.channel,
        p.batchId,
        p.channel === 'issuer' ? p.batchId : null,
        p.operatorId,
        now,
      );
      jobs.set(cardId, jobId);
    }
    return {
      result: jobs,
      recordType: 'production_batch',
      recordId: p.batchId,
      audit: { channel: p.channel, cardIds: p.cardIds },
      outbox: {
        batchId: p.batchId,
        channel: p.channel,
        jobs: [...jobs].map(([cardId, jobId]) => ({ cardId, jobId })),
      },
    };
  },
);
