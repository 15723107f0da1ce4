// Timers come in as an argument (like the clock), so tests can drive time.

export type TimerHandle = ReturnType<typeof setTimeout>;

export interface Timers {
  setTimeout(callback: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
}

export const systemTimers: Timers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle),
};

/** Resolves true when the promise settles within ms, false otherwise (the promise goes on). */
export function settlesWithin(promise: Promise<unknown>, ms: number, timers: Timers): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = timers.setTimeout(() => resolve(false), ms);
    const done = () => {
      timers.clearTimeout(timer);
      resolve(true);
    };
    promise.then(done, done);
  });
}
