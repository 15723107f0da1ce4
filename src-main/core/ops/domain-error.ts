import type { ErrorCode, ErrorParams, FieldIssue } from '../../../src-shared/api/result';

/** A refusal the operator can act on; the dispatcher turns it into { ok: false, error }. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: FieldIssue[],
    readonly params?: ErrorParams,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}
