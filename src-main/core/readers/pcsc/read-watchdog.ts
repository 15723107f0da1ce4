// The binding has no timeout: a card that never answers holds the call (and a pool thread) until it
// leaves. Rather than a timer per call (each costs as much as the rest of the read on a cold desk, and
// the first would have to be set in the status callback), a watchdog ticks four times per timeout
// while the reader is attached, and a call it sees under way at five ticks in a row is overdue: it
// has taken 1 to 1¼ timeouts.
import type { ReadChain, CardRead } from './read-chain';
import type { TimerHandle, Timers } from './timers';

const TICKS_PER_TIMEOUT = 4;

export class ReadWatchdog {
  #handle: TimerHandle | null = null;
  #watched: { read: CardRead; callCount: number; ticks: number } | null = null;
  readonly #chain: ReadChain;
  readonly #timers: Timers;
  readonly #intervalMs: number;

  constructor(chain: ReadChain, timers: Timers, timeoutMs: number) {
    this.#chain = chain;
    this.#timers = timers;
    this.#intervalMs = timeoutMs / TICKS_PER_TIMEOUT;
  }

  start(): void {
    this.stop();
    this.#arm();
  }

  stop(): void {
    if (this.#handle !== null) this.#timers.clearTimeout(this.#handle);
    this.#handle = null;
    this.#watched = null;
  }

  #arm(): void {
    const handle = this.#timers.setTimeout(this.#tick, this.#intervalMs);
    // It only watches: it alone does not keep the process alive.
    handle.unref?.();
    this.#handle = handle;
  }

  readonly #tick = (): void => {
    this.#arm();
    this.#watch();
  };

  #watch(): void {
    const read = this.#chain.current;
    if (read === null || read.call === null || read.isOverdue) {
      this.#watched = null;
      return;
    }
    const watched = this.#watched;
    if (watched === null || watched.read !== read || watched.callCount !== read.callCount) {
      this.#watched = { read, callCount: read.callCount, ticks: 1 };
      return;
    }
    watched.ticks += 1;
    if (watched.ticks <= TICKS_PER_TIMEOUT) return;
    this.#watched = null;
    this.#chain.overdue(read);
  }
}
