// How long a login must wait after failures. Two counters, both counted *before* the password is
// checked (so a thousand simultaneous guesses are not a thousand checks):
//
// Per account (stored, shared by every screen): a few free typos, then a wait that doubles from 1 s
// and stops at 30 s. The cap is low on purpose: anyone can fail logins for any username, so a long
// per-account wait would let them keep the sole administrator out. At 30 s an attacker gets at most
// two guesses a minute at one account, from however many screens.
// NIST SP 800-63B §5.2.2 limits consecutive failures on an account to 100: the 100th starts a
// 5-minute pause, and the count starts again when the pause ends, so one wrong try afterwards does
// not lock anything again. Reaching 100 at this pace takes about 47 minutes of steady guessing.
//
// Per connection (one screen or socket, kept in memory): fewer free failures, then a wait that
// doubles from 1 s up to 15 minutes, whatever usernames it tries. A screen that keeps guessing is
// soon down to four guesses an hour, while the operator at another screen meets only the short
// per-account wait.

import { DomainError } from '../ops/domain-error';

export const ACCOUNT_FREE_FAILURES = 5;
export const ACCOUNT_MAX_WAIT_MS = 30_000;
export const ACCOUNT_FAILURE_LIMIT = 100;
export const ACCOUNT_LIMIT_PAUSE_MS = 5 * 60_000;

export const CONNECTION_FREE_FAILURES = 3;
export const CONNECTION_MAX_WAIT_MS = 15 * 60_000;

function doubling(failures: number, free: number, maxMs: number): number {
  if (failures < free) return 0;
  // Past 2^20 s every cap here has long been reached; the bound keeps the power finite.
  return Math.min(1000 * 2 ** Math.min(failures - free, 20), maxMs);
}

/** The wait an account owes after this many consecutive failures. */
export function accountWaitMs(failures: number): number {
  if (failures >= ACCOUNT_FAILURE_LIMIT) return ACCOUNT_LIMIT_PAUSE_MS;
  return doubling(failures, ACCOUNT_FREE_FAILURES, ACCOUNT_MAX_WAIT_MS);
}

/** The wait a connection owes after this many failures since its last successful login. */
export function connectionWaitMs(failures: number): number {
  return doubling(failures, CONNECTION_FREE_FAILURES, CONNECTION_MAX_WAIT_MS);
}

/** The refusal for an attempt that must wait, with the wait a person is shown. */
export function lockedOut(waitMs: number): DomainError {
  const retryAfterSeconds = toRetryAfterSeconds(waitMs);
  return new DomainError(
    'locked_out',
    `Too many failed attempts. Try again in ${retryAfterSeconds} s.`,
    undefined,
    { retryAfterSeconds },
  );
}

/** Whole seconds to show a person, never 0 while there is still a wait. */
export function toRetryAfterSeconds(waitMs: number): number {
  return Math.max(1, Math.ceil(waitMs / 1000));
}
