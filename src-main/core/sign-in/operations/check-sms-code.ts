// operator.smsCodeCheck: one entry of an SMS code, decided and counted in one transaction, so two
// entries at once cannot both use the code or both be the last allowed wrong one.
import { SMS_CODE_MAX_ATTEMPTS } from '../../../../src-shared/domain/sign-in';
import { defineOperation } from '../../ops/operations';
import { isSmsCode } from '../sms-code-hash';

export type SmsCodeCheck =
  | { outcome: 'accepted' }
  | { outcome: 'wrong'; attemptsLeft: number }
  | { outcome: 'exhausted' | 'expired' | 'used' | 'none' };

interface CodeRow {
  id: string;
  code_hash: string;
  salt: string;
  expires_at: string;
  attempts: number;
  state: string;
}

export const checkSmsCode = defineOperation<{ operatorId: string; code: string }, SmsCodeCheck>(
  'operator.smsCodeCheck',
  ({ db, now }, p) => {
    // Only the newest code counts: one that was replaced is simply wrong now.
    const row = db
      .prepare(
        `SELECT id, code_hash, salt, expires_at, attempts, state FROM sms_codes
         WHERE operator_id = ? ORDER BY sent_at DESC, rowid DESC LIMIT 1`,
      )
      .get(p.operatorId) as CodeRow | undefined;
    const decided = (result: SmsCodeCheck) => ({
      result,
      recordType: 'operator',
      recordId: p.operatorId,
      audit: { ...result, ...(row ? { codeId: row.id } : {}) },
    });

    if (!row) return decided({ outcome: 'none' });
    if (row.state === 'exhausted') return decided({ outcome: 'exhausted' });
    if (row.state === 'used') {
      // Typed again after it worked (a double submit, a second screen): say so, not "wrong".
      return decided({ outcome: isSmsCode(row.code_hash, row.salt, p.code) ? 'used' : 'none' });
    }
    if (row.state !== 'open' || now >= row.expires_at) return decided({ outcome: 'expired' });

    if (isSmsCode(row.code_hash, row.salt, p.code)) {
      db.prepare(`UPDATE sms_codes SET state = 'used' WHERE id = ?`).run(row.id);
      return decided({ outcome: 'accepted' });
    }
    const attempts = row.attempts + 1;
    const isExhausted = attempts >= SMS_CODE_MAX_ATTEMPTS;
    db.prepare('UPDATE sms_codes SET attempts = ?, state = ? WHERE id = ?').run(
      attempts,
      isExhausted ? 'exhausted' : 'open',
      row.id,
    );
    return decided(
      isExhausted
        ? { outcome: 'exhausted' }
        : { outcome: 'wrong', attemptsLeft: SMS_CODE_MAX_ATTEMPTS - attempts },
    );
  },
);
