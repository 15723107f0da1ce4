import { describe, expect, it } from 'vitest';
import { createBackoff } from '../../../../../../src-main/core/readers/pcsc/backoff';

describe('createBackoff', () => {
  it('doubles from 250 ms up to a 5 s cap, and starts over after reset', () => {
    const backoff = createBackoff();
    expect(Array.from({ length: 8 }, () => backoff.next())).toEqual([
      250, 500, 1000, 2000, 4000, 5000, 5000, 5000,
    ]);
    backoff.reset();
    expect(backoff.next()).toBe(250);
  });

  it('takes other bounds', () => {
    const backoff = createBackoff({ initialMs: 100, maxMs: 300, factor: 3 });
    expect([backoff.next(), backoff.next(), backoff.next()]).toEqual([100, 300, 300]);
  });
});
