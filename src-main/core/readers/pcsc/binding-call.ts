// One call into the pcsclite binding, raced against a timer. The binding runs SCardConnect and
// SCardTransmit on libuv's thread pool with no timeout: a card that never answers blocks the call (and a
// pool thread) until the card leaves or pcscd stops. So the caller gets a timeout error in time, while
// `done` tells when the binding has really returned and the reader may be used again.
import type { PcscReader } from './pcsc-binding';
import type { TimerHandle, Timers } from './timers';

export class PcscTimeoutError extends Error {
  constructor(what: string, ms: number) {
    super(`${what} got no answer within ${ms} ms.`);
    this.name = 'PcscTimeoutError';
  }
}

export interface BindingCall<T> {
  /** The binding's answer, or a PcscTimeoutError after timeoutMs. */
  value: Promise<T>;
  /** Settles when the binding has answered, however late. */
  done: Promise<void>;
}

/**
 * The same with a callback: `settle` is called once, with the binding's answer or a PcscTimeoutError,
 * in the binding's own callback (no promise jobs in between: the read path is a chain of these).
 * Resolves when the binding has answered, however late.
 */
export function callBinding<T>(
  what: string,
  start: (callback: (error: Error | null | undefined, value: T) => void) => void,
  timeoutMs: number,
  timers: Timers,
  settle: (error: Error | null, value?: T) => void,
): Promise<void> {
  return new Promise<void>((markDone) => {
    let isSettled = false;
    let hasAnswered = false;
    let timer: TimerHandle | null = null;
    const once = (error: Error | null, value?: T) => {
      if (isSettled) return;
      isSettled = true;
      settle(error, value);
    };
    const answered = (error: Error | null, value?: T) => {
      hasAnswered = true;
      if (timer !== null) timers.clearTimeout(timer);
      markDone();
      once(error, value);
    };
    try {
      start((error, result) => answered(error ?? null, result));
    } catch (error) {
      answered(error instanceof Error ? error : new Error(String(error)));
    }
    // The timer is armed once this callback has returned: the binding holds the reader's lock while it
    // calls us, and its worker waits for that lock before it can start the call.
    setImmediate(() => {
      if (!hasAnswered)
        timer = timers.setTimeout(() => once(new PcscTimeoutError(what, timeoutMs)), timeoutMs);
    });
  });
}

export function startBindingCall<T>(
  what: string,
  start: (callback: (error: Error | null | undefined, value: T) => void) => void,
  timeoutMs: number,
  timers: Timers,
): BindingCall<T> {
  let done: Promise<void> = Promise.resolve();
  const value = new Promise<T>((resolve, reject) => {
    done = callBinding<T>(what, start, timeoutMs, timers, (error, result) =>
      error ? reject(error) : resolve(result as T),
    );
  });
  return { value, done };
}

/**
 * The binding's close() locks the reader's mutex on the main thread. That mutex is held by a stuck
 * SCardTransmit (hence: only after the reads are done) and by the binding while it calls our status and
 * 'end' listeners, whose promise jobs run before it lets go (hence: in a later macrotask).
 */
export function closeReaderLater(
  reader: PcscReader,
  context: { timers: Timers; logger: { info?(message: string): void } },
): Promise<void> {
  return new Promise((resolve) => {
    context.timers.setTimeout(() => {
      try {
        reader.close();
      } catch (error) {
        context.logger.info?.(`${reader.name}: close failed: ${String(error)}`);
      }
      resolve();
    }, 0);
  });
}
