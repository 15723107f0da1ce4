import { defineOperation } from '../../ops/operations';

/** A successful login: the account's failure count starts again from zero. */
export const recordLogin = defineOperation<{ username: string; operatorId: string }, void>(
  'operator.login',
  ({ db }, p) => {
    db.prepare('DELETE FROM login_backoff WHERE username = ?').run(p.username);
    return { result: undefined, recordType: 'operator', recordId: p.operatorId };
  },
);
