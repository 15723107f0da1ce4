// Exponential back-off for reconnecting to the PC/SC service: 250 ms, 500 ms, 1 s, ... capped at 5 s,
// so a machine without pcscd never spins a core.

export interface Backoff {
  /** The delay before the next attempt; each call doubles the following one up to the cap. */
  next(): number;
  reset(): void;
}

export interface BackoffOptions {
  initialMs?: number;
  maxMs?: number;
  factor?: number;
}

export function createBackoff({ initialMs = 250, maxMs = 5000, factor = 2 }: BackoffOptions = {}): Backoff {
  let delay = initialMs;
  return {
    next() {
      const current = Math.min(delay, maxMs);
      delay = Math.min(delay * factor, maxMs);
      return current;
    },
    reset() {
      delay = initialMs;
    },
  };
}
