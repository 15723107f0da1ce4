import { seededRandom } from '../harness/seeded-random';

export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)]!;
}

export function summarise(samples: number[]): { n: number; p50: number; p95: number; max: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    n: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    max: sorted.at(-1) ?? Number.NaN,
  };
}

export function fmt(ms: number, unit: 'ms' | 'µs' = 'ms'): string {
  return unit === 'µs' ? `${(ms * 1000).toFixed(1)} µs` : `${ms.toFixed(2)} ms`;
}

export interface RatioInterval {
  /** The ratio of the two samples' percentiles: below 1 when `a` is faster. */
  ratio: number;
  /** The 95% bootstrap interval around it. */
  low: number;
  high: number;
}

/**
 * How sure a "faster" or "slower" is: the ratio of percentile `p` of `a` over that of `b`, with a 95%
 * percentile-bootstrap interval (each sample resampled with replacement, `resamples` times). Two
 * hundred taps of sub-millisecond work on a shared machine drift by several percent from run to run,
 * so a bare ratio of 1.04 says little; an interval that spans 1 says "the same, within this run's noise".
 * Seeded, so the same samples always give the same interval.
 */
export function percentileRatio(
  a: readonly number[],
  b: readonly number[],
  p: number,
  { resamples = 2000, seed = 1 } = {},
): RatioInterval {
  const of = (values: readonly number[]) =>
    percentile(
      [...values].sort((x, y) => x - y),
      p,
    );
  const ratio = of(a) / of(b);
  if (a.length === 0 || b.length === 0) return { ratio, low: Number.NaN, high: Number.NaN };
  const random = seededRandom(seed);
  const draw = (values: readonly number[]) => {
    const picked = new Float64Array(values.length);
    for (let i = 0; i < values.length; i += 1) picked[i] = values[Math.floor(random() * values.length)]!;
    return percentile(picked.sort(), p);
  };
  const ratios: number[] = [];
  for (let i = 0; i < resamples; i += 1) ratios.push(draw(a) / draw(b));
  ratios.sort((x, y) => x - y);
  return { ratio, low: percentile(ratios, 2.5), high: percentile(ratios, 97.5) };
}

/** "no slower" is shown only when the whole interval is at or below 1; "slower" when it is all above. */
export function verdictNoSlower({
  low,
  high,
}: RatioInterval): 'met' | 'same within noise' | 'NOT met' | 'no taps to compare' {
  if (Number.isNaN(low) || Number.isNaN(high)) return 'no taps to compare';
  if (high <= 1) return 'met';
  if (low > 1) return 'NOT met';
  return 'same within noise';
}

export function fmtRatio({ ratio, low, high }: RatioInterval): string {
  return `${ratio.toFixed(2)}× (95% interval ${low.toFixed(2)}–${high.toFixed(2)})`;
}
