// How a production attempt ended. Produced: the card is ready for pick-up. Failed: the card goes back
// to approved with the error kept on it (shown with a Retry), and the attempt stays in the history.
// An attempt ends once: a second answer for it is refused here and counted as already applied.
import type { ErrorParams } from '../../../../src-shared/api/result';
import { cardLineOf, type Actor } from '../../../../src-shared/domain/card-lifecycle';
import type { CardKind, CardState } from '../../../../src-shared/domain/card-states';
import { enforceTransition } from '../../cards/enforce-transition';
import { DomainError } from '../../ops/domain-error';
import { defineOperation, type OperationScope } from '../../ops/operations';

export interface FinishProduction {
  jobId: string;
  actors: readonly Actor[];
  /** Where the outcome came from: a CUPS job id, an answer file's name. */
  source: string;
}

interface JobFacts {
  card_id: string;
  state: string;
  kind: CardKind;
  card_state: CardState;
}

/** The attempt and its card, if the attempt has not ended yet. */
export function openJob({ db }: OperationScope, jobId: string): JobFacts {
  const job = db
    .prepare(
      `SELECT j.card_id, j.state, c.kind, c.state AS card_state
       FROM production_jobs j JOIN cards c ON c.id = j.card_id WHERE j.id = ?`,
    )
    .get(jobId) as JobFacts | undefined;
  if (!job) throw new DomainError('not_found', 'No such production job.');
  if (job.state === 'produced' || job.state === 'failed')
    throw new DomainError(
      'already_in_state',
      `This production attempt already ended (${job.state}).`,
      undefined,
      {
        state: job.card_state,
      },
    );
  return job;
}

export const markCardReady = defineOperation<FinishProduction, void>('production.markReady', (scope, p) => {
  const job = openJob(scope, p.jobId);
  const to = enforceTransition({
    line: cardLineOf(job.kind),
    state: job.card_state,
    action: 'markReady',
    actors: p.actors,
  });
  scope.db
    .prepare(
      `UPDATE cards SET state = ?, production_error = NULL, state_changed_at = ?, updated_at = ? WHERE id = ?`,
    )
    .run(to, scope.now, scope.now, job.card_id);
  scope.db
    .prepare(`UPDATE production_jobs SET state = 'produced', finished_at = ? WHERE id = ?`)
    .run(scope.now, p.jobId);
  return {
    result: undefined,
    recordType: 'card',
    recordId: job.card_id,
    audit: { jobId: p.jobId, source: p.source },
    outbox: { jobId: p.jobId, cardId: job.card_id },
  };
});

export const recordProductionFailure = defineOperation<
  FinishProduction & { problem: { code: string; params: ErrorParams } },
  void
>('production.fail', (scope, p) => {
  const job = openJob(scope, p.jobId);
  const to = enforceTransition({
    line: cardLineOf(job.kind),
    state: job.card_state,
    action: 'productionFailed',
    actors: p.actors,
  });
  const error = JSON.stringify({ code: p.problem.code, params: p.problem.params, at: scope.now });
  scope.db
    .prepare(
      `UPDATE cards SET state = ?, production_error = ?, state_changed_at = ?, updated_at = ? WHERE id = ?`,
    )
    .run(to, error, scope.now, scope.now, job.card_id);
  scope.db
    .prepare(`UPDATE production_jobs SET state = 'failed', error = ?, finished_at = ? WHERE id = ?`)
    .run(JSON.stringify(p.problem), scope.now, p.jobId);
  return {
    result: undefined,
    recordType: 'card',
    recordId: job.card_id,
    audit: { jobId: p.jobId, source: p.source, code: p.problem.code },
    outbox: { jobId: p.jobId, cardId: job.card_id, problem: p.problem },
  };
});
