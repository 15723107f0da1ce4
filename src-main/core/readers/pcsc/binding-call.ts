// One call into the pcsclite binding, raced against a timer. The binding runs SCardConnect and
// SCardTransmit on libuv's thread pool with no timeout: a card that never answers blocks the call (and a
// pool thread) until the card leaves or pcscd stops. So the caller gets a timeout error in time, while
// `done` tells when the binding has really returned and the reader may be used again.
import type { PcscReader } from './pcsc-binding';
import type { Timers } from './timers';

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

export function startBindingCall<T>(
  what: string,
  start: (callback: (error: Error | null | undefined, value: T) => void) => void,
  timeoutMs: number,
  timers: Timers,
): BindingCall<T> {
  let markDone: () => void = () => {};
  const done = new Promise<void>((resolve) => {
    markDone = resolve;
  });
  const value = new Promise<T>((resolve, reject) => {
    const timer = timers.setTimeout(() => reject(new PcscTimeoutError(what, timeoutMs)), timeoutMs);
    try {
      start((error, result) => {
        timers.clearTimeout(timer);
        markDone();
        if (error) reject(error);
        else resolve(result);
      });
    } catch (error) {
      timers.clearTimeout(timer);
      markDone();
      reject(error instanceof Error ? error : new Error(String(error)));
    }
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
