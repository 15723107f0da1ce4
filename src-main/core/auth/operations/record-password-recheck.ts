import { defineOperation } from '../../ops/operations';

/**
 * A signed-in operator gave their password again before changing a factor: like a login, the
 * account's failure count starts again from zero, but nobody new is signed in.
 */
export const recordPasswordRecheck = defineOperation<{ username: string; operatorId: string }, void>(
  'operator.passwordRechecked',
  ({ db }, p) => {
    db.prepare('DELETE FROM login_backoff WHERE username = ?').run(p.username);
    return { result: undefined, recordType: 'operator', recordId: p.operatorId };
  },
);
