import type { Migration } from './index';

/**
 * Sessions follow the operator's record: `session_epoch` is bumped when a password is set or the
 * account is disabled, and a session started under an older epoch ends at its next call.
 *
 * Login back-off moves from the operator row to `login_backoff`, keyed by the username as typed
 * (normalised), whether or not such an operator exists: an unknown name is throttled exactly like
 * a real one, so the answers do not tell which usernames exist. Counters in progress are carried over.
 */
export const migration0005: Migration = {
  version: 5,
  name: 'sessions-and-login-backoff',
  up(db) {
    db.exec(`
      ALTER TABLE operators ADD COLUMN session_epoch INTEGER NOT NULL DEFAULT 0;

      CREATE TABLE login_backoff (
        username TEXT PRIMARY KEY,
        failures INTEGER NOT NULL,
        wait_until TEXT,
        updated_at TEXT NOT NULL
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX login_backoff_updated ON login_backoff(updated_at);

      INSERT INTO login_backoff (username, failures, wait_until, updated_at)
        SELECT username, failed_logins, locked_until, updated_at FROM operators WHERE failed_logins > 0;

      ALTER TABLE operators DROP COLUMN failed_logins;
      ALTER TABLE operators DROP COLUMN locked_until;
    `);
  },
};
