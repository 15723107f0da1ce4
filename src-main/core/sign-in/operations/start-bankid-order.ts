// operator.bankIdStarted: every BankID order costs the organisation, so each one is kept (without
// anything about the person) for the policy screen's usage and the audit log.
import { defineOperation } from '../../ops/operations';

export interface BankIdOrderStart {
  /** The operator whose password was right, or null for BankID on its own. */
  operatorId: string | null;
  sameDevice: boolean;
}

export const startBankIdOrder = defineOperation<BankIdOrderStart, string>(
  'operator.bankIdStarted',
  ({ db, now, newId }, p) => {
    const id = newId();
    db.prepare('INSERT INTO bankid_orders (id, operator_id, started_at) VALUES (?, ?, ?)').run(
      id,
      p.operatorId,
      now,
    );
    return { result: id, recordType: 'bankidOrder', recordId: id, audit: { sameDevice: p.sameDevice } };
  },
);
