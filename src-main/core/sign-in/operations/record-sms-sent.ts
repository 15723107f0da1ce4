// operator.smsSent: a code the gateway accepted. It replaces the operator's open code only now, so
// a send that failed leaves the code the operator may already be typing. Kept on this desk: a code
// is for this screen alone and never syncs.
import { SMS_CODE_TTL_MS } from '../../../../src-shared/domain/sign-in';
import { defineOperation } from '../../ops/operations';

export interface SmsSent {
  operatorId: string;
  codeHash: string;
  salt: string;
  gatewayId: string;
  /** For the audit log: the number as screens show it, never in full. */
  maskedPhone: string;
}

export const recordSmsSent = defineOperation<SmsSent, { codeId: string; expiresAt: string }>(
  'operator.smsSent',
  ({ db, now, newId }, p) => {
    const codeId = newId();
    const expiresAt = new Date(Date.parse(now) + SMS_CODE_TTL_MS).toISOString();
    db.prepare(`UPDATE sms_codes SET state = 'replaced' WHERE operator_id = ? AND state = 'open'`).run(
      p.operatorId,
    );
    db.prepare(
      `INSERT INTO sms_codes (id, operator_id, code_hash, salt, sent_at, expires_at, gateway_id)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ).run(codeId, p.operatorId, p.codeHash, p.salt, now, expiresAt, p.gatewayId);
    return {
      result: { codeId, expiresAt },
      recordType: 'operator',
      recordId: p.operatorId,
      audit: { maskedPhone: p.maskedPhone, gatewayId: p.gatewayId, expiresAt },
    };
  },
);
