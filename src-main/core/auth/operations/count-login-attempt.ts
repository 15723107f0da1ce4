import { defineOperation } from '../../ops/operations';
import { ACCOUNT_FAILURE_LIMIT, accountWaitMs, toRetryAfterSeconds } from '../login-backoff';

export interface LoginAttempt {
  /** The username as typed, normalised: the back-off key whether or not the operator exists. */
  username: string;
  operatorId: string | null;
  /** What the calling connection still owes (connection-backoff.ts), 0 when nothing. */
  connectionWaitMs: number;
}

export type LoginStart =
  { isAllowed: true } | { isAllowed: false; waitMs: number; by: 'account' | 'connection' };

/** Rows nobody has touched for a day are forgotten, so names tried once do not pile up. */
const FORGET_AFTER_MS = 24 * 60 * 60_000;

/**
 * Decides whether this attempt may be checked and, if so, counts it as a failure *before* the slow
 * password check, in the same transaction that read the count: simultaneous guesses each see the
 * ones before them. A success clears the count again (record-login.ts). Refused attempts are
 * audited too, so an administrator can see an account being hammered.
 */
export const countLoginAttempt = defineOperation<LoginAttempt, LoginStart>(
  'operator.loginAttempt',
  ({ db, now }, p) => {
    const nowMs = Date.parse(now);
    const row = db
      .prepare('SELECT failures, wait_until FROM login_backoff WHERE username = ?')
      .get(p.username) as { failures: number; wait_until: string | null } | undefined;
    const accountWait = row?.wait_until ? Date.parse(row.wait_until) - nowMs : 0;
    const record = p.operatorId
      ? { recordType: 'operator', recordId: p.operatorId }
      : { recordType: 'login_name', recordId: p.username };

    if (accountWait > 0 || p.connectionWaitMs > 0) {
      const waitMs = Math.max(accountWait, p.connectionWaitMs);
      const by = accountWait >= p.connectionWaitMs ? 'account' : 'connection';
      return {
        result: { isAllowed: false, waitMs, by },
        ...record,
        audit: {
          username: p.username,
          outcome: 'refused',
          by,
          retryAfterSeconds: toRetryAfterSeconds(waitMs),
        },
      };
    }

    // A pause at the limit has ended: count from zero, so one more wrong try does not pause again.
    const failures = (row && row.failures < ACCOUNT_FAILURE_LIMIT ? row.failures : 0) + 1;
    const wait = accountWaitMs(failures);
    db.prepare(
      `INSERT INTO login_backoff (username, failures, wait_until, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (username) DO UPDATE SET failures = excluded.failures, wait_until = excluded.wait_until,
         updated_at = excluded.updated_at`,
    ).run(p.username, failures, wait > 0 ? new Date(nowMs + wait).toISOString() : null, now);
    db.prepare('DELETE FROM login_backoff WHERE updated_at < ?').run(
      new Date(nowMs - FORGET_AFTER_MS).toISOString(),
    );
    return {
      result: { isAllowed: true },
      ...record,
      audit: { username: p.username, outcome: 'checking', failures },
    };
  },
);
