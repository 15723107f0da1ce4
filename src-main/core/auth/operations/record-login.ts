import type { SignedInWith } from '../../sign-in/pending-sign-in';
import { DomainError } from '../../ops/domain-error';
import { defineOperation } from '../../ops/operations';

export interface CompletedSignIn {
  username: string;
  operatorId: string;
  method: SignedInWith;
  /** The authenticator code's time step: accepted only if later than the last one (never twice). */
  totpStep?: number;
}

/** Every back-off key of one operator: the password's (by username) and each factor's. */
export function backoffKeys(username: string, operatorId: string): string[] {
  return [username, ...['totp', 'sms', 'pin', 'bankid'].map((factor) => `${factor}:${operatorId}`)];
}

/** A completed sign-in: the account's failure counts start again from zero. */
export const recordLogin = defineOperation<CompletedSignIn, void>('operator.login', ({ db }, p) => {
  if (p.totpStep !== undefined) {
    // In the same transaction as the login, so two screens sending one code cannot both get in.
    const isLater =
      db
        .prepare('UPDATE operator_totp SET last_step = ? WHERE operator_id = ? AND last_step < ?')
        .run(p.totpStep, p.operatorId, p.totpStep).changes === 1;
    if (!isLater)
      throw new DomainError('code_used', 'This code has already been used: wait for the next one.');
  }
  const remove = db.prepare('DELETE FROM login_backoff WHERE username = ?');
  for (const key of backoffKeys(p.username, p.operatorId)) remove.run(key);
  return { result: undefined, recordType: 'operator', recordId: p.operatorId, audit: { method: p.method } };
});
