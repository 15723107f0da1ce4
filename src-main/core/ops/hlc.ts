import type { Clock } from './context';

/**
 * Hybrid logical clock: wall-clock milliseconds plus a counter, so operations from one desk are
 * strictly ordered even when the system clock stands still or steps back. Encoded to sort as text:
 * 13 digits of ms, 4 of counter, then the desk id.
 */
export interface Hlc {
  next(): string;
  /** Merge a time seen from elsewhere (the hub) so later local times sort after it. */
  observe(remote: string): void;
}

export function createHlc(clock: Clock, deskId: string): Hlc {
  let lastMs = 0;
  let counter = 0;
  const encode = () => `${String(lastMs).padStart(13, '0')}-${String(counter).padStart(4, '0')}-${deskId}`;
  return {
    next() {
      const now = clock.now();
      if (now > lastMs) {
        lastMs = now;
        counter = 0;
      } else {
        counter += 1;
      }
      return encode();
    },
    observe(remote) {
      const match = /^(\d{13})-(\d{4})-/.exec(remote);
      if (!match) return;
      const ms = Number(match[1]);
      const count = Number(match[2]);
      if (ms > lastMs || (ms === lastMs && count > counter)) {
        lastMs = ms;
        counter = count;
      }
    },
  };
}
