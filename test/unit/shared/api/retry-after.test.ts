import { describe, expect, it } from 'vitest';
import type { ApiError } from '../../../../src-shared/api/result';
import { retryAfterSeconds } from '../../../../src-shared/api/retry-after';

const error = (params?: unknown): ApiError =>
  ({ code: 'locked_out', message: 'Too many failed attempts.', params }) as ApiError;

describe('retryAfterSeconds', () => {
  it('reads a whole number of seconds between 1 and a day', () => {
    expect([1, 30, 900, 86_400].map((s) => retryAfterSeconds(error({ retryAfterSeconds: s })))).toEqual([
      1, 30, 900, 86_400,
    ]);
  });

  it('is null for anything else, so a screen never shows a figure the desk did not mean', () => {
    const bad: unknown[] = [
      undefined,
      null,
      {},
      { retryAfterSeconds: 0 },
      { retryAfterSeconds: -1 },
      { retryAfterSeconds: 1.5 },
      { retryAfterSeconds: 86_401 },
      { retryAfterSeconds: Number.NaN },
      { retryAfterSeconds: Number.POSITIVE_INFINITY },
      { retryAfterSeconds: '30' },
      { retryAfterSeconds: [30] },
      'retryAfterSeconds=30',
    ];
    for (const params of bad) expect(retryAfterSeconds(error(params)), JSON.stringify(params)).toBeNull();
  });
});
