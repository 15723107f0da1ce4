// operator.bankIdFinished: how a BankID order ended. Who was identified is never written here: the
// sign-in that follows a complete order is audited as a login of the operator it matched.
import { defineOperation } from '../../ops/operations';

export type BankIdOutcome = 'complete' | 'failed' | 'cancelled';

export interface BankIdOrderEnd {
  orderId: string;
  outcome: BankIdOutcome;
  /** BankID's hint code for a failed order, 'unknown' for a failure of our own. */
  hintCode: string | null;
  /** Why a failure was ours, not BankID's answer (unreachable, refused, malformed, deskClosed). */
  reason?: string;
}

/** Hint codes come from outside; a stored one is bounded however long BankID's was. */
const MAX_HINT_LENGTH = 64;

export const finishBankIdOrder = defineOperation<BankIdOrderEnd, void>(
  'operator.bankIdFinished',
  ({ db }, p) => {
    const hintCode = p.hintCode?.slice(0, MAX_HINT_LENGTH) ?? null;
    // Only a pending order ends: a late answer never rewrites an outcome already recorded.
    db.prepare(
      "UPDATE bankid_orders SET outcome = ?, hint_code = ? WHERE id = ? AND outcome = 'pending'",
    ).run(p.outcome, hintCode, p.orderId);
    return {
      result: undefined,
      recordType: 'bankidOrder',
      recordId: p.orderId,
      audit: { outcome: p.outcome, hintCode, ...(p.reason ? { reason: p.reason } : {}) },
    };
  },
);
