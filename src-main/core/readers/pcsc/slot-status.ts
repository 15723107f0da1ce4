// What the readers panel shows about one PC/SC reader: its state, the last card read and the last
// error, each with the time. Every change is reported at once, as a copy.
import { formatHex, type Atr } from '../../../../src-shared/credentials/atr';
import type { Clock } from '../../ops/context';
import type { ReaderMessage, ReaderState, ReaderStatus } from '../reader-backend';

export interface StatusChange {
  state?: ReaderState;
  event?: ReaderMessage;
  error?: ReaderMessage;
}

export class SlotStatus {
  #status: ReaderStatus;
  readonly #clock: Clock;
  readonly #onStatus: (status: ReaderStatus) => void;

  constructor(id: string, name: string, clock: Clock, onStatus: (status: ReaderStatus) => void) {
    this.#status = { id, name, backend: 'pcsc', state: 'gone' };
    this.#clock = clock;
    this.#onStatus = onStatus;
  }

  get state(): ReaderState {
    return this.#status.state;
  }

  current(): ReaderStatus {
    return { ...this.#status };
  }

  update(change: StatusChange): void {
    const at = new Date(this.#clock.now()).toISOString();
    const next: ReaderStatus = { ...this.#status };
    if (change.state) next.state = change.state;
    if (change.event !== undefined) {
      next.lastEvent = { at, summary: change.event.message, words: change.event.words };
    }
    if (change.error !== undefined) {
      next.lastError = { at, message: change.error.message, words: change.error.words };
    }
    this.#status = next;
    this.#onStatus(this.current());
  }
}

/** The readers panel's line for a card read: its type and UID, and a warning for a random UID. */
export function describeRead(atr: Atr, uid: Uint8Array, isUsableForIdentification: boolean): ReaderMessage {
  const hex = formatHex(uid);
  const params = { card: atr.cardName, cardType: atr.cardType, uid: hex };
  return isUsableForIdentification
    ? { message: `${atr.cardName}, UID ${hex}`, words: { key: 'card_read', params } }
    : {
        message: `${atr.cardName}, UID ${hex} (random UID: it changes at every tap)`,
        words: { key: 'card_read_random_uid', params },
      };
}
