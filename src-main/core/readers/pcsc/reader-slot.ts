// One PC/SC reader: turns its status notifications into insertions and removals, reads each inserted
// card once (ATR → card type, UID), and keeps the reader's status. Every insertion the reader reports
// gets at most one 'read'; a 'removed' follows every 'read' exactly once, also when the card left while
// it was being read. The binding object behind a reader changes when pcscd restarts (attach/detach);
// the slot, its id and its last event stay.
import { formatHex, parseAtr, type Atr, type AtrResult } from '../../../../src-shared/credentials/atr';
import type { Clock } from '../../ops/context';
import type { RawRead, ReaderMessage, ReaderState, ReaderStatus } from '../reader-backend';
import { closeReaderLater, PcscTimeoutError } from './binding-call';
import { CARD_REMOVED, describeFailure, type ReadFailure } from './describe-failure';
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
import type { TimerHandle, Timers } from './timers';
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

/** The read under way on a reader: at most one, from connect to the end of disconnect. */
interface CardRead {
  visit: CardVisit;
  reader: PcscReader;
  /** Parsed while pcscd connects. */
  atr: AtrResult | null;
  protocol: number;
  /** Get Data commands sent before the one under way. */
  attempt: number;
  /** The binding call under way (its name, for a timeout's message), or null between calls. */
  call: string | null;
  /** Counts the calls, so that the watchdog tells a call that is still under way from the next one. */
  callCount: number;
  /** The call under way has outlived the timeout. */
  isOverdue: boolean;
  /** Set when the read is over: the card is released once no call is under way, reset after a failure. */
  ending: 'clean' | 'reset' | null;
}

/** Largest answer to a short APDU: 256 data bytes + SW1 SW2. */
const MAX_RESPONSE_LENGTH = 258;
/** The binding copies the command, so one buffer serves every read. */
const GET_UID = Buffer.from(getUidCommand(0));
const NO_BYTES = new Uint8Array(0);
const CONNECTING = 'Connecting to the card';
const ASKING_UID = 'The card';
const RELEASING = 'Releasing the card';
const RELEASING_EARLIER = 'Releasing the previous card';
const WATCHDOG_TICKS_PER_TIMEOUT = 4;
const TOO_BRIEF: ReaderMessage = {
  message: 'A card was presented too briefly to be read: hold it on the reader a moment longer.',
  words: { key: 'card_too_brief' },
};
const NO_ATR: ReaderMessage = {
  message: 'The card does not answer (no ATR): the reader cannot talk to it. Present it again.',
  words: { key: 'card_no_atr' },
};
const BUSY_WITH_PREVIOUS_CARD: ReaderMessage = {
  message:
    'The reader is still waiting for the previous card to answer: remove it and present the card again.',
  words: { key: 'reader_busy_previous_card' },
};

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

export class ReaderSlot {
  readonly id: string;
  readonly name: string;
  #status: ReaderStatus;
  #reader: PcscReader | null = null;
  #visit: CardVisit | null = null;
  #lastCounter: number | null = null;
  /** Reads run one after the other, each until the binding is really done with the reader. */
  #read: CardRead | null = null;
  #freeWaiters: Array<() => void> = [];
  /** The last ATR seen here, parsed: a desk sees the same few kinds of card all day. */
  #lastAtr: { bytes: Uint8Array; parsed: AtrResult } | null = null;
  /** A binding call has outlived its timeout and still holds the reader. */
  #isStuck = false;
  /** Ticks while a reader is attached; see #watch. */
  #watchdog: TimerHandle | null = null;
  #watched: { read: CardRead; callCount: number; ticks: number } | null = null;
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
    this.#startWatchdog();
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
    this.#stopWatchdog();
    const visit = this.#visit;
    this.#visit = null;
    if (visit) {
      visit.isDetached = true;
      if (visit.phase === 'read') this.#context.onRemoved(this.id);
    }
    this.#update({ state: 'gone' });
    if (isEnded) return Promise.resolve();
    return this.#whenFree().then(() => closeReaderLater(reader, this.#context));
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
      this.#update({ error: TOO_BRIEF });
    }
  }

  #cardArrived(reader: PcscReader, counter: number, atr: Uint8Array | undefined, isMute: boolean): void {
    const visit: CardVisit = {
      reader,
      counter,
      // The binding hands every notification its own copy of the ATR.
      atr: atr !== undefined && atr.length > 0 ? atr : undefined,
      isMute,
      seenAt: this.#context.hrtime(),
      phase: 'reading',
      hasLeft: false,
      isDetached: false,
    };
    this.#visit = visit;
    // A free reader is asked for the card at once, in this very callback, and nothing else happens here:
    // the binding holds the reader's lock while it calls us, and its worker waits for that lock before it
    // starts SCardConnect. The ATR check and the 'card_present' news wait until the Get Data command is
    // on its way (#onConnected); the watchdog, not a timer per call, catches a call that never returns.
    if (this.#read === null && visit.atr !== undefined && !isMute) {
      this.#connect(visit);
    } else {
      setImmediate(this.#readLater, visit);
    }
  }

  readonly #readLater = (visit: CardVisit): void => {
    if (this.#visit === visit && visit.phase === 'reading') this.#update({ state: 'card_present' });
    this.#readWhenFree(visit).catch((error: unknown) => {
      this.#context.logger.error(`${this.name}: reading a card failed unexpectedly`, error);
    });
  };

  #cardLeft(visit: CardVisit): void {
    visit.hasLeft = true;
    this.#visit = null;
    if (visit.phase === 'read') this.#context.onRemoved(this.id);
    // While a read is under way, its end decides what to say (see #finish and #failed).
    if (visit.phase !== 'reading') this.#update({ state: this.#isStuck ? 'error' : 'idle' });
  }

  /** The slow way in: no ATR, or the reader still busy with an earlier card (or still connected). */
  async #readWhenFree(visit: CardVisit): Promise<void> {
    if (visit.isMute || !visit.atr) {
      this.#failed(visit, NO_ATR);
      return;
    }
    if (this.#read !== null && !(await this.#freeWithin(this.#context.apduTimeoutMs))) {
      this.#failed(visit, BUSY_WITH_PREVIOUS_CARD);
      await this.#whenFree();
      if (visit.hasLeft || visit.isDetached) return;
      visit.phase = 'reading';
    }
    // Another card's read may have started meanwhile; it ends before this one starts.
    while (this.#read !== null) await this.#whenFree();
    if (visit.hasLeft || visit.isDetached) {
      this.#failed(visit, CARD_REMOVED, true);
      return;
    }
    this.#connect(visit);
  }

  /** Resolves when no read is under way on this reader: the card released, the binding done with it. */
  #whenFree(): Promise<void> {
    if (this.#read === null) return Promise.resolve();
    return new Promise((resolve) => this.#freeWaiters.push(resolve));
  }

  #freeWithin(ms: number): Promise<boolean> {
    if (this.#read === null) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = this.#context.timers.setTimeout(() => resolve(false), ms);
      void this.#whenFree().then(() => {
        this.#context.timers.clearTimeout(timer);
        resolve(true);
      });
    });
  }

  // The read: connect, Get Data (again after 6C XX), 'read', disconnect. Each step is started from the
  // binding's callback for the step before, through handlers made once per reader, with the step the
  // user waits for first and the bookkeeping (ATR check, status) after it.

  #connect(visit: CardVisit): void {
    const read: CardRead = {
      visit,
      reader: visit.reader,
      atr: null,
      protocol: 0,
      attempt: 0,
      call: null,
      callCount: 0,
      isOverdue: false,
      ending: null,
    };
    this.#read = read;
    if (read.reader.connected === true) {
      // The binding's connect() on a reader it still counts as connected answers at once, with no
      // protocol: release the card first (a disconnect that failed earlier leaves it so).
      this.#call(read, RELEASING_EARLIER, this.#onReleasedBeforeConnect, (reader) =>
        reader.disconnect(SCARD_RESET_CARD, this.#onReleasedBeforeConnect),
      );
    } else {
      this.#startConnect(read);
    }
  }

  /**
   * Starts a binding call and counts it, so the watchdog tells it from the next one. A call that throws
   * at once is answered like one that fails.
   */
  #call(
    read: CardRead,
    call: string,
    onAnswer: (error: Error) => void,
    start: (reader: PcscReader) => void,
  ): void {
    read.call = call;
    read.callCount += 1;
    try {
      start(read.reader);
    } catch (error) {
      onAnswer(asError(error));
    }
  }

  #startConnect(read: CardRead): void {
    const shareMode = this.#context.shareMode() === 'exclusive' ? SCARD_SHARE_EXCLUSIVE : SCARD_SHARE_SHARED;
    this.#call(read, CONNECTING, this.#onConnected, (reader) =>
      reader.connect(
        { share_mode: shareMode, protocol: SCARD_PROTOCOL_T0 | SCARD_PROTOCOL_T1 },
        this.#onConnected,
      ),
    );
  }

  readonly #onReleasedBeforeConnect = (error: Error | null | undefined): void => {
    const read = this.#read;
    if (read === null || read.call !== RELEASING_EARLIER) return;
    this.#answered(read);
    if (error) this.#context.logger.info?.(`${this.name}: ${String(error)}`);
    if (read.ending === null) this.#startConnect(read);
    this.#afterAnswer(read);
  };

  readonly #onConnected = (error: Error | null | undefined, protocol?: number): void => {
    const read = this.#read;
    if (read === null || read.call !== CONNECTING) return;
    this.#answered(read);
    if (read.ending === null) {
      if (!error) {
        // Get Data first, answered by the reader itself; the ATR is checked while it is on its way.
        read.protocol = protocol ?? 0;
        this.#transmit(read, GET_UID);
      }
      // A malformed ATR is what is reported, whatever connect says (and whatever Get Data answers).
      if (this.#checkAtr(read) && error)
        this.#fail(read, describeFailure(error, this.#context.apduTimeoutMs));
      const { visit } = read;
      if (this.#visit === visit && visit.phase === 'reading') this.#update({ state: 'card_present' });
    }
    this.#afterAnswer(read);
  };

  #transmit(read: CardRead, command: Buffer): void {
    this.#call(read, ASKING_UID, this.#onTransmitted, (reader) =>
      reader.transmit(command, MAX_RESPONSE_LENGTH, read.protocol, this.#onTransmitted),
    );
  }

  readonly #onTransmitted = (error: Error | null | undefined, response?: Buffer): void => {
    const read = this.#read;
    if (read === null || read.call !== ASKING_UID) return;
    this.#answered(read);
    if (read.ending === null) {
      if (error) {
        this.#fail(read, describeFailure(error, this.#context.apduTimeoutMs));
      } else {
        try {
          const step = answerUid(response ?? NO_BYTES, read.attempt);
          if (step.ok === 'again') {
            read.attempt += 1;
            this.#transmit(read, Buffer.from(step.command));
          } else {
            read.ending = step.ok ? 'clean' : 'reset';
            this.#finish(read.visit, (read.atr as { ok: true; value: Atr }).value, step);
          }
        } catch (thrown) {
          this.#context.logger.error(`${this.name}: handling a card failed`, thrown);
          read.ending = 'reset';
        }
      }
    }
    this.#afterAnswer(read);
  };

  /** Once the read is over and no call is under way: release the card (reset it after a failure). */
  #afterAnswer(read: CardRead): void {
    if (read.ending === null || read.call !== null || this.#read !== read) return;
    const disposition = read.ending === 'clean' ? SCARD_LEAVE_CARD : SCARD_RESET_CARD;
    this.#call(read, RELEASING, this.#onDisconnected, (reader) =>
      reader.disconnect(disposition, this.#onDisconnected),
    );
  }

  readonly #onDisconnected = (error: Error | null | undefined): void => {
    const read = this.#read;
    if (read === null || read.call !== RELEASING) return;
    this.#answered(read);
    if (error) this.#context.logger.info?.(`${this.name}: ${String(error)}`);
    this.#read = null;
    if (this.#freeWaiters.length === 0) return;
    const waiters = this.#freeWaiters;
    this.#freeWaiters = [];
    // From a macrotask: the binding calls us outside node's callback scope, where promise jobs would
    // wait for the next timer or I/O callback to run.
    setImmediate(() => {
      for (const resolve of waiters) resolve();
    });
  };

  /** The call under way has answered. */
  #answered(read: CardRead): void {
    read.call = null;
    if (read.isOverdue) {
      read.isOverdue = false;
      this.#isStuck = false;
      if (this.#reader && !this.#visit && this.#status.state === 'error') this.#update({ state: 'idle' });
    }
  }

  // The binding has no timeout: a card that never answers holds the call (and a pool thread) until it
  // leaves. Rather than a timer per call (each costs as much as the rest of the read on a cold desk, and
  // the first would have to be set in the status callback), a watchdog ticks four times per timeout
  // while the reader is attached, and a call it sees under way at five ticks in a row is overdue: it
  // has taken 1 to 1¼ timeouts.

  #startWatchdog(): void {
    this.#stopWatchdog();
    const interval = this.#context.apduTimeoutMs / WATCHDOG_TICKS_PER_TIMEOUT;
    const arm = () => {
      const handle = this.#context.timers.setTimeout(tick, interval);
      // It only watches: it alone does not keep the process alive.
      handle.unref?.();
      this.#watchdog = handle;
    };
    const tick = () => {
      arm();
      this.#watch();
    };
    arm();
  }

  #stopWatchdog(): void {
    if (this.#watchdog !== null) this.#context.timers.clearTimeout(this.#watchdog);
    this.#watchdog = null;
    this.#watched = null;
  }

  #watch(): void {
    const read = this.#read;
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
    if (watched.ticks <= WATCHDOG_TICKS_PER_TIMEOUT) return;
    this.#watched = null;
    read.isOverdue = true;
    const error = new PcscTimeoutError(read.call, this.#context.apduTimeoutMs);
    if (read.call === RELEASING || read.call === RELEASING_EARLIER) {
      this.#context.logger.info?.(`${this.name}: ${error.message}`);
      return;
    }
    this.#isStuck = true;
    this.#fail(read, describeFailure(error, this.#context.apduTimeoutMs));
  }

  /** Parses the card's ATR once per read; a malformed one ends the read. False when it is malformed. */
  #checkAtr(read: CardRead): boolean {
    if (read.atr === null) {
      const bytes = read.visit.atr!;
      read.atr = this.#parseAtr(bytes);
      if (!read.atr.ok) {
        const atr = formatHex(bytes);
        const detail = read.atr.error.message;
        this.#fail(read, {
          message: `The card sent a malformed ATR (${atr}): ${detail}`,
          words: { key: 'atr_malformed', params: { atr, detail } },
          isCardGone: false,
        });
      }
    }
    return read.atr.ok;
  }

  #fail(read: CardRead, failure: ReadFailure): void {
    this.#failed(read.visit, failure, failure.isCardGone);
    read.ending = 'reset';
  }

  #parseAtr(bytes: Uint8Array): AtrResult {
    const last = this.#lastAtr;
    if (last !== null && Buffer.compare(last.bytes, bytes) === 0) return last.parsed;
    // A copy: the binding hands out Buffers, and what the slot keeps and reports is plain bytes.
    const copy = new Uint8Array(bytes);
    const parsed = parseAtr(copy);
    this.#lastAtr = { bytes: copy, parsed };
    return parsed;
  }

  #finish(visit: CardVisit, atr: Atr, result: UidResult): void {
    if (!result.ok) {
      this.#failed(visit, result.error, result.error.code === 'card_removed');
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
    if (visit.hasLeft) this.#context.onRemoved(this.id);
    this.#update({
      state: visit.hasLeft ? 'idle' : 'card_present',
      event: describeRead(atr, uid, isUsableForIdentification),
    });
  }

  #failed(visit: CardVisit, failure: ReaderMessage, isCardGone = false): void {
    if (visit.isDetached || visit.phase !== 'reading') return;
    visit.phase = 'failed';
    if (visit.hasLeft) {
      this.#update({ state: this.#isStuck ? 'error' : 'idle', error: CARD_REMOVED });
    } else {
      this.#update({ state: isCardGone ? 'idle' : 'error', error: failure });
    }
  }

  #update(change: { state?: ReaderState; event?: ReaderMessage; error?: ReaderMessage }): void {
    const at = new Date(this.#context.clock.now()).toISOString();
    const next: ReaderStatus = { ...this.#status };
    if (change.state) next.state = change.state;
    if (change.event !== undefined) {
      next.lastEvent = { at, summary: change.event.message, words: change.event.words };
    }
    if (change.error !== undefined) {
      next.lastError = { at, message: change.error.message, words: change.error.words };
    }
    this.#status = next;
    this.#context.onStatus(this.status());
  }
}

/** The readers panel's line for a card read: its type and UID, and a warning for a random UID. */
function describeRead(atr: Atr, uid: Uint8Array, isUsableForIdentification: boolean): ReaderMessage {
  const hex = formatHex(uid);
  const params = { card: atr.cardName, cardType: atr.cardType, uid: hex };
  return isUsableForIdentification
    ? { message: `${atr.cardName}, UID ${hex}`, words: { key: 'card_read', params } }
    : {
        message: `${atr.cardName}, UID ${hex} (random UID: it changes at every tap)`,
        words: { key: 'card_read_random_uid', params },
      };
}
