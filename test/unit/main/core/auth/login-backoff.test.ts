import { describe, expect, it } from 'vitest';
import {
  ACCOUNT_FAILURE_LIMIT,
  accountWaitMs,
  connectionWaitMs,
  toRetryAfterSeconds,
} from '../../../../../src-main/core/auth/login-backoff';

const seconds = (waits: (n: number) => number, from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => waits(from + i) / 1000);

describe('login back-off numbers', () => {
  it('an account allows four typos, then doubles from 1 s and never asks more than 30 s', () => {
    expect(seconds(accountWaitMs, 0, 11)).toEqual([0, 0, 0, 0, 0, 1, 2, 4, 8, 16, 30, 30]);
    expect(accountWaitMs(ACCOUNT_FAILURE_LIMIT - 1)).toBe(30_000);
    expect(accountWaitMs(10_000)).toBe(5 * 60_000);
  });

  it(`the ${ACCOUNT_FAILURE_LIMIT}th consecutive failure pauses the account for 5 minutes`, () => {
    expect(accountWaitMs(ACCOUNT_FAILURE_LIMIT)).toBe(5 * 60_000);
    // Reaching the limit takes at least this long at the capped pace: about 45 minutes.
    const total = Array.from({ length: ACCOUNT_FAILURE_LIMIT - 1 }, (_, i) => accountWaitMs(i + 1)).reduce(
      (a, b) => a + b,
    );
    expect(total / 60_000).toBeGreaterThan(45);
  });

  it('a connection allows two failures, then doubles from 1 s up to 15 minutes', () => {
    expect(seconds(connectionWaitMs, 0, 14)).toEqual([
      0, 0, 0, 1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 900, 900,
    ]);
    expect(connectionWaitMs(Number.MAX_SAFE_INTEGER)).toBe(15 * 60_000);
  });

  it('shows whole seconds, never 0 while a wait remains', () => {
    expect([1, 999, 1000, 1001, 29_999].map(toRetryAfterSeconds)).toEqual([1, 1, 1, 2, 30]);
  });
});
