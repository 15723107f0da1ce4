// One PC/SC reader: turns its status notifications into insertions and removals, reads each inserted
// card once (ATR → card type, UID), and keeps the reader's status. Every insertion the reader reports
// gets at most one 'read'; a 'removed' follows every 'read' exactly once, also when the card left while
// it was being read. The binding object behind a reader changes when pcscd restarts (attach/detach);
// the slot, its id and its last event stay.
import { formatHex, parseAtr, type Atr, type AtrResult } from '../../../../src-shared/credentials/atr';
import type { Clock } from '../../ops/context';
import type { RawRead, ReaderState, ReaderStatus } from '../reader-backend';
import { callBinding, closeReaderLater, PcscTimeoutError, startBindingCall } from './binding-call';
import { describeFailure } from './describe-failure';
import {
  SCARD_LEAVE_CARD,
  SCARD_PROTOCOL_T0,
  SCARD_PROTOCOL_T1,
  SCARD_RESET_CARD,
  SCARD_SHARE_EXCLUSIVE,
  SCARD_SHARE_SHARED,
  SCARD_STATE_MUTE,
  SCARD_STATE_PRESENT,
  SCARD_STATE_UNAVAILABLE,
  SCARD_STATE_UNKNOWN,
  type PcscReader,
  type PcscStatus,
} from './pcsc-binding';
import { settlesWithin, type Timers } from './timers';
import { getUidCommand } from './apdu';
import { answerUid, isRandomUid, type UidResult } from './uid-reader';

export type ShareMode = 'shared' | 'exclusive';

export interface PcscLogger {
  error(message: string, error?: unknown): void;
  info?(message: string): void;
}

export interface ReaderSlotContext {
  clock: Clock;
  timers: Timers;
  logger: PcscLogger;
  apduTimeoutMs: number;
  /** Asked at every connect, so a changed setting applies from the next card. */
  shareMode: () => ShareMode;
  hrtime: () => bigint;
  onRead(read: RawRead): void;
  onRemoved(readerId: string): void;
  onStatus(status: ReaderStatus): void;
}

/** One stay of one card on the reader, from insertion to removal. */
interface CardVisit {
  reader: PcscReader;
  /** The reader's event counter when the card was seen (upper 16 bits of dwEventState). */
  counter: number;
  atr: Uint8Array | undefined;
  isMute: boolean;
  seenAt: bigint;
  phase: 'reading' | 'read' | 'failed';
  hasLeft: boolean;
  /** The binding reader went away (pcscd stopped, reader unplugged, backend stopped): say nothing more. */
  isDetached: boolean;
}

/** Largest answer to a short APDU: 256 data bytes + SW1 SW2. */
const MAX_RESPONSE_LENGTH = 258;

export class ReaderSlot {
  readonly id: string;
  readonly name: string;
  #status: ReaderStatus;
  #reader: PcscReader | null = null;
  #visit: CardVisit | null = null;
  #lastCounter: number | null = null;
  /** Reads run one after the other, each until the binding is really done with the reader. */
  #reads: Promise<void> = Promise.resolve();
  /** The last ATR seen here, parsed: a desk sees the same few kinds of card all day. */
  #lastAtr: { bytes: Uint8Array; parsed: AtrResult } | null = null;
  /** A read is under way (from connect to the end of disconnect). */
  #isReading = false;
  /** A binding call has outlived its timeout and still holds the reader. */
  #isStuck = false;
  readonly #context: ReaderSlotContext;

  constructor(name: string, context: ReaderSlotContext) {
    this.id = `pcsc:${name}`;
    this.name = name;
    this.#context = context;
    this.#status = { id: this.id, name, backend: 'pcsc', state: 'gone' };
  }

  status(): ReaderStatus {
    return { ...this.#status };
  }

  get isAttached(): boolean {
    return this.#reader !== null;
  }

  attach(reader: PcscReader): void {
    void this.detach();
    this.#reader = reader;
    this.#lastCounter = null;
    this.#isStuck = false;
    reader.on('status', (status) => {
      if (this.#reader === reader) this.#onStatus(reader, status);
    });
    reader.on('error', (error) => this.#context.logger.info?.(`${this.name}: ${error.message}`));
    reader.on('end', () => {
      // The binding's status thread has ended: the reader needs no close().
      if (this.#reader === reader) void this.detach({ isEnded: true });
    });
    this.#update({ state: 'idle' });
  }

  /** The binding reader is gone (unplugged, pcscd stopped, backend stopping). Closes it once it is idle. */
  detach({ isEnded = false } = {}): Promise<void> {
    const reader = this.#reader;
    if (!reader) return Promise.resolve();
    this.#reader = null;
    const visit = this.#visit;
    this.#visit = null;
    if (visit) {
      visit.isDetached = true;
      if (visit.phase === 'read') this.#context.onRemoved(this.id);
    }
    this.#update({ state: 'gone' });
    if (isEnded) return Promise.resolve();
    return this.#reads.then(() => closeReaderLater(reader, this.#context));
  }

  #onStatus(reader: PcscReader, { state, atr }: PcscStatus): void {
    const isPresent =
      (state & SCARD_STATE_PRESENT) !== 0 && (state & (SCARD_STATE_UNKNOWN | SCARD_STATE_UNAVAILABLE)) === 0;
    // pcsc-lite and WinSCard count insertions and removals in the upper 16 bits. The binding delivers
    // only the latest state when several changes come at once, so a changed counter with the card still
    // present means it was swapped in between, and a jump of 2+ with no card means a tap we never saw.
    const counter = state >>> 16;
    const previousCounter = this.#lastCounter;
    this.#lastCounter = counter;
    const visit = this.#visit;
    if (isPresent) {
      if (visit && visit.counter === counter) return;
      if (visit) this.#cardLeft(visit);
      this.#cardArrived(reader, counter, atr, (state & SCARD_STATE_MUTE) !== 0);
      return;
    }
    if (visit) {
      this.#cardLeft(visit);
      return;
    }
    if (previousCounter !== null && ((counter - previousCounter) & 0xffff) >= 2) {
      this.#update({
        error: 'A card was presented too briefly to be read: hold it on the reader a moment longer.',
      });
    }
  }

  #cardArrived(reader: PcscReader, counter: number, atr: Uint8Array | undefined, isMute: boolean): void {
    const visit: CardVisit = {
      reader,
      counter,
      atr: atr && atr.length > 0 ? Uint8Array.from(atr) : undefined,
      isMute,
      seenAt: this.#context.hrtime(),
      phase: 'reading',
      hasLeft: false,
      isDetached: false,
    };
    this.#visit = visit;
    // A free reader is asked for the card at once, in this very callback: the status update, the ATR
    // check and the screens' news all happen while pcscd connects.
    const read = this.#isReading ? this.#readWhenFree(visit, this.#reads) : this.#read(visit);
    this.#reads = read.catch((error: unknown) => {
      this.#context.logger.error(`${this.name}: reading a card failed unexpectedly`, error);
    });
    // Later: the binding holds the reader's lock while it calls us, and connect waits for that lock.
    setImmediate(() => {
      if (this.#visit === visit && visit.phase === 'reading') this.#update({ state: 'card_present' });
    });
  }

  #cardLeft(visit: CardVisit): void {
    visit.hasLeft = true;
    this.#visit = null;
    if (visit.phase === 'read') this.#context.onRemoved(this.id);
    // While a read is under way, its end decides what to say (see #finish and #failed).
    if (visit.phase !== 'reading') this.#update({ state: this.#isStuck ? 'error' : 'idle' });
  }

  async #readWhenFree(visit: CardVisit, previous: Promise<void>): Promise<void> {
    if (!(await settlesWithin(previous, this.#context.apduTimeoutMs, this.#context.timers))) {
      this.#failed(
        visit,
        'The reader is still waiting for the previous card to answer: remove it and present the card again.',
      );
      await previous;
      if (visit.hasLeft || visit.isDetached) return;
      visit.phase = 'reading';
    }
    if (visit.hasLeft || visit.isDetached) {
      this.#failed(visit, 'The card was removed before it could be read.', true);
      return;
    }
    await this.#read(visit);
  }

  /**
   * Connect, Get Data (again after 6C XX), and the answer to 'read': one chain of binding callbacks, so
   * the UID is out the moment the binding has it. Resolves once the card is released.
   */
  #read(visit: CardVisit): Promise<void> {
    const { reader, atr } = visit;
    if (visit.isMute || !atr) {
      this.#failed(
        visit,
        'The card does not answer (no ATR): the reader cannot talk to it. Present it again.',
      );
      return Promise.resolve();
    }
    this.#isReading = true;
    const { apduTimeoutMs, timers } = this.#context;
    return new Promise<void>((released) => {
      let lastCall: Promise<void> = Promise.resolve();
      let hasEnded = false;
      const end = (isClean: boolean) => {
        if (hasEnded) return;
        hasEnded = true;
        void lastCall
          .then(() => this.#disconnect(reader, isClean))
          .then(() => {
            this.#isReading = false;
            released();
          });
      };
      const fail = (error: unknown) => {
        const failure = describeFailure(error, apduTimeoutMs);
        this.#failed(visit, failure.message, failure.isCardGone);
        end(false);
      };
      const call = <T>(
        what: string,
        start: (callback: (error: Error | null | undefined, value: T) => void) => void,
        next: (value: T) => void,
      ) => {
        const done = callBinding<T>(what, start, apduTimeoutMs, timers, (error, value) => {
          if (error) {
            if (error instanceof PcscTimeoutError) this.#markStuckUntil(done);
            fail(error);
            return;
          }
          try {
            next(value as T);
          } catch (thrown) {
            this.#context.logger.error(`${this.name}: handling a card failed`, thrown);
            end(false);
          }
        });
        lastCall = done;
      };
      const connect = () => {
        const shareMode =
          this.#context.shareMode() === 'exclusive' ? SCARD_SHARE_EXCLUSIVE : SCARD_SHARE_SHARED;
        const options = { share_mode: shareMode, protocol: SCARD_PROTOCOL_T0 | SCARD_PROTOCOL_T1 };
        // The ATR is checked while pcscd connects; a malformed one is what is reported, whatever connect says.
        const done = callBinding<number>(
          'Connecting to the card',
          (callback) => reader.connect(options, callback),
          apduTimeoutMs,
          timers,
          (error, protocol) => {
            const parsed = this.#parseAtr(atr);
            if (!parsed.ok) {
              this.#failed(
                visit,
                `The card sent a malformed ATR (${formatHex(atr)}): ${parsed.error.message}`,
              );
              end(false);
            } else if (error) {
              if (error instanceof PcscTimeoutError) this.#markStuckUntil(done);
              fail(error);
            } else {
              askUid(parsed.value, protocol!, getUidCommand(0), 0);
            }
          },
        );
        lastCall = done;
      };
      const askUid = (parsedAtr: Atr, protocol: number, command: Uint8Array, attempt: number) =>
        call<Buffer>(
          'The card',
          (callback) => reader.transmit(Buffer.from(command), MAX_RESPONSE_LENGTH, protocol, callback),
          (response) => {
            const step = answerUid(new Uint8Array(response), attempt);
            if (step.ok === 'again') {
              askUid(parsedAtr, protocol, step.command, attempt + 1);
              return;
            }
            this.#finish(visit, parsedAtr, step);
            end(step.ok);
          },
        );
      // The binding's connect() on a reader it still counts as connected answers at once, with no protocol.
      if (reader.connected) {
        lastCall = this.#disconnect(reader, false);
        void lastCall.then(connect);
      } else {
        connect();
      }
    });
  }

  #parseAtr(bytes: Uint8Array): AtrResult {
    const last = this.#lastAtr;
    if (last && last.bytes.length === bytes.length && last.bytes.every((byte, i) => byte === bytes[i])) {
      return last.parsed;
    }
    const parsed = parseAtr(bytes);
    this.#lastAtr = { bytes, parsed };
    return parsed;
  }

  async #disconnect(reader: PcscReader, isClean: boolean): Promise<void> {
    const started = startBindingCall<undefined>(
      'Releasing the card',
      (callback) =>
        reader.disconnect(isClean ? SCARD_LEAVE_CARD : SCARD_RESET_CARD, (error) =>
          callback(error, undefined),
        ),
      this.#context.apduTimeoutMs,
      this.#context.timers,
    );
    await started.value.catch((error: unknown) =>
      this.#context.logger.info?.(`${this.name}: ${String(error)}`),
    );
    await started.done;
  }

  #markStuckUntil(done: Promise<void>): void {
    this.#isStuck = true;
    void done.then(() => {
      this.#isStuck = false;
      if (this.#reader && !this.#visit && this.#status.state === 'error') this.#update({ state: 'idle' });
    });
  }

  #finish(visit: CardVisit, atr: Atr, result: UidResult): void {
    if (!result.ok) {
      this.#failed(visit, result.error.message, result.error.code === 'card_removed');
      return;
    }
    if (visit.isDetached) return;
    const uid = result.uid;
    const isUsableForIdentification = !isRandomUid(uid);
    visit.phase = 'read';
    this.#context.onRead({
      kind: 'bytes',
      readerId: this.id,
      backend: 'pcsc',
      bytes: uid,
      cardType: atr.cardType,
      atr: atr.bytes,
      isUsableForIdentification,
      seenAt: visit.seenAt,
    });
    const summary = `${atr.cardName}, UID ${formatHex(uid)}${isUsableForIdentification ? '' : ' (random UID: it changes at every tap)'}`;
    if (visit.hasLeft) this.#context.onRemoved(this.id);
    this.#update({ state: visit.hasLeft ? 'idle' : 'card_present', event: summary });
  }

  #failed(visit: CardVisit, message: string, isCardGone = false): void {
    if (visit.isDetached || visit.phase !== 'reading') return;
    visit.phase = 'failed';
    if (visit.hasLeft) {
      this.#update({
        state: this.#isStuck ? 'error' : 'idle',
        error: 'The card was removed before it could be read.',
      });
    } else {
      this.#update({ state: isCardGone ? 'idle' : 'error', error: message });
    }
  }

  #update(change: { state?: ReaderState; event?: string; error?: string }): void {
    const at = new Date(this.#context.clock.now()).toISOString();
    const next: ReaderStatus = { ...this.#status };
    if (change.state) next.state = change.state;
    if (change.event !== undefined) next.lastEvent = { at, summary: change.event };
    if (change.error !== undefined) next.lastError = { at, message: change.error };
    this.#status = next;
    this.#context.onStatus(this.status());
  }
}
