// The bench's "ours no slower than nfc-pcsc" verdict rests on this interval: it must not call a real
// difference noise, nor call noise a difference.
import { describe, expect, it } from 'vitest';
import { percentileRatio, verdictNoSlower } from '../../bench/stats';
import { seededRandom } from '../../harness/seeded-random';

/** Latency-like samples: a floor plus a long right tail, as pcscd taps give. */
function taps(seed: number, floorMs: number, n = 200): number[] {
  const random = seededRandom(seed);
  return Array.from({ length: n }, () => floorMs + -Math.log(1 - random()) * 0.1);
}

describe('percentileRatio', () => {
  it('finds two runs of the same library the same within noise', () => {
    const interval = percentileRatio(taps(1, 0.5), taps(2, 0.5), 50);
    expect(interval.low).toBeLessThan(1);
    expect(interval.high).toBeGreaterThan(1);
    expect(verdictNoSlower(interval)).toBe('same within noise');
  });

  it('calls a library 20% slower at every tap slower, and the other way round faster', () => {
    const fast = taps(3, 0.5);
    const slow = fast.map((ms) => ms * 1.2);
    const slower = percentileRatio(slow, fast, 50);
    expect(slower.ratio).toBeCloseTo(1.2, 5);
    expect(verdictNoSlower(slower)).toBe('NOT met');
    expect(verdictNoSlower(percentileRatio(fast, slow, 95))).toBe('met');
  });

  it('keeps the interval around the ratio and gives the same interval for the same samples', () => {
    const a = taps(4, 0.55);
    const b = taps(5, 0.5);
    const first = percentileRatio(a, b, 95);
    expect(first.low).toBeLessThanOrEqual(first.ratio);
    expect(first.high).toBeGreaterThanOrEqual(first.ratio);
    expect(percentileRatio(a, b, 95)).toEqual(first);
  });

  it('gives no interval when a library produced no taps', () => {
    const interval = percentileRatio([], taps(6, 0.5), 50);
    expect(interval.low).toBeNaN();
    expect(verdictNoSlower(interval)).toBe('no taps to compare');
  });
});
