import type { Clock } from '../ops/context';
import { connectionWaitMs } from './login-backoff';

/**
 * Failed logins per connection (one screen or socket), in memory: a connection ends with its
 * screen, and the per-account count (stored) is what survives it. Keyed by the connection object,
 * so nothing here outlives it.
 */
export interface ConnectionBackoff {
  /** What this connection still has to wait before its next attempt is checked, 0 when nothing. */
  waitMs(connection: object): number;
  /** Counts an attempt as failed before it is checked; a success takes it back with reset(). */
  countFailure(connection: object): void;
  reset(connection: object): void;
}

export function createConnectionBackoff(clock: Clock): ConnectionBackoff {
  const states = new WeakMap<object, { failures: number; waitUntil: number }>();
  return {
    waitMs(connection) {
      const state = states.get(connection);
      return state ? Math.max(0, state.waitUntil - clock.now()) : 0;
    },
    countFailure(connection) {
      const failures = (states.get(connection)?.failures ?? 0) + 1;
      states.set(connection, { failures, waitUntil: clock.now() + connectionWaitMs(failures) });
    },
    reset(connection) {
      states.delete(connection);
    },
  };
}
