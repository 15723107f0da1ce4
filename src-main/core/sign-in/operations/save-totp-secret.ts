import { defineOperation } from '../../ops/operations';

export interface ConfirmedTotp {
  operatorId: string;
  /** AES-256-GCM, sealed by secret-seal.ts: the plain secret never reaches the database. */
  secretSealed: Buffer;
  /** The step of the code that confirmed it: that code cannot sign in again. */
  step: number;
}

/** A confirmed authenticator replaces the operator's previous one, if any. */
export const saveTotpSecret = defineOperation<ConfirmedTotp, void>(
  'operator.totpEnrolled',
  ({ db, now }, p) => {
    const replaced =
      db.prepare('DELETE FROM operator_totp WHERE operator_id = ?').run(p.operatorId).changes > 0;
    db.prepare(
      `INSERT INTO operator_totp (operator_id, secret_sealed, created_at, confirmed_at, last_step)
       VALUES (?, ?, ?, ?, ?)`,
    ).run(p.operatorId, p.secretSealed, now, now, p.step);
    return { result: undefined, recordType: 'operator', recordId: p.operatorId, audit: { replaced } };
  },
);
