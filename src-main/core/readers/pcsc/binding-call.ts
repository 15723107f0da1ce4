// Calls into the pcsclite binding. It runs SCardConnect and SCardTransmit on libuv's thread pool with no
// timeout: a card that never answers blocks the call (and a pool thread) until the card leaves or pcscd
// stops, so the reader slot's watchdog reports a call that outlives the timeout (PcscTimeoutError).
import type { PcscReader } from './pcsc-binding';
import type { Timers } from './timers';

export class PcscTimeoutError extends Error {
  constructor(what: string, ms: number) {
    super(`${what} got no answer within ${ms} ms.`);
    this.name = 'PcscTimeoutError';
  }
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
