// One PC/SC reader: turns its status notifications into card visits (card-visit.ts), has each visit's
// card read once by the read chain (read-chain.ts, watched by read-watchdog.ts), and says what came of
// it in the reader's status (slot-status.ts). Every insertion the reader reports gets at most one
// 'read'; a 'removed' follows every 'read' exactly once, also when the card left while it was being
// read. The binding object behind a reader changes when pcscd restarts (attach/detach); the slot, its
// id and its last event stay.
import type { Atr } from '../../../../src-shared/credentials/atr';
import { pcscReaderId } from '../../../../src-shared/readers/reader-id';
import type { Clock } from '../../ops/context';
import type { RawRead, ReaderMessage, ReaderStatus } from '../reader-backend';
import { closeReaderLater } from './binding-call';
import type { CardVisit } from './card-visit';
import { CARD_REMOVED } from './describe-failure';
import {
  SCARD_STATE_MUTE,
  SCARD_STATE_PRESENT,
  SCARD_STATE_UNAVAILABLE,
  SCARD_STATE_UNKNOWN,
  type PcscReader,
  type PcscStatus,
} from './pcsc-binding';
import { ReadChain, type PcscLogger, type ShareMode } from './read-chain';
import { ReadWatchdog } from './read-watchdog';
import { describeRead, SlotStatus } from './slot-status';
import type { Timers } from './timers';
import { isRandomUid, type UidResult } from './uid-reader';

export type { PcscLogger, ShareMode };

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

export class ReaderSlot {
  readonly id: string;
  readonly name: string;
  readonly #status: SlotStatus;
  #reader: PcscReader | null = null;
  #visit: CardVisit | null = null;
  #lastCounter: number | null = null;
  readonly #chain: ReadChain;
  /** Ticks while a reader is attached. */
  readonly #watchdog: ReadWatchdog;
  readonly #context: ReaderSlotContext;

  constructor(name: string, context: ReaderSlotContext) {
    this.id = pcscReaderId(name);
    this.name = name;
    this.#context = context;
    this.#status = new SlotStatus(this.id, name, context.clock, context.onStatus);
    // Made once per reader: the chain calls these from the binding's callbacks at every tap.
    this.#chain = new ReadChain({
      name,
      timers: context.timers,
      logger: context.logger,
      apduTimeoutMs: context.apduTimeoutMs,
      shareMode: context.shareMode,
      finish: (visit, atr, result) => this.#finish(visit, atr, result),
      failed: (visit, failure, isCardGone) => this.#failed(visit, failure, isCardGone),
      connected: (visit) => {
        if (this.#visit === visit && visit.phase === 'reading')
          this.#status.update({ state: 'card_present' });
      },
      unstuck: () => {
        if (this.#reader && !this.#visit && this.#status.state === 'error')
          this.#status.update({ state: 'idle' });
      },
    });
    this.#watchdog = new ReadWatchdog(this.#chain, context.timers, context.apduTimeoutMs);
  }

  status(): ReaderStatus {
    return this.#status.current();
  }

  get isAttached(): boolean {
    return this.#reader !== null;
  }

  attach(reader: PcscReader): void {
    void this.detach();
    this.#reader = reader;
    this.#lastCounter = null;
    this.#chain.isStuck = false;
    this.#watchdog.start();
    reader.on('status', (status) => {
      if (this.#reader === reader) this.#onStatus(reader, status);
    });
    reader.on('error', (error) => this.#context.logger.info?.(`${this.name}: ${error.message}`));
    reader.on('end', () => {
      // The binding's status thread has ended: the reader needs no close().
      if (this.#reader === reader) void this.detach({ isEnded: true });
    });
    this.#status.update({ state: 'idle' });
  }

  /** The binding reader is gone (unplugged, pcscd stopped, backend stopping). Closes it once it is idle. */
  detach({ isEnded = false } = {}): Promise<void> {
    const reader = this.#reader;
    if (!reader) return Promise.resolve();
    this.#reader = null;
    this.#watchdog.stop();
    const visit = this.#visit;
    this.#visit = null;
    if (visit) {
      visit.isDetached = true;
      if (visit.phase === 'read') this.#context.onRemoved(this.id);
    }
    this.#status.update({ state: 'gone' });
    if (isEnded) return Promise.resolve();
    return this.#chain.whenFree().then(() => closeReaderLater(reader, this.#context));
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
      this.#status.update({ error: TOO_BRIEF });
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
    // on its way (the chain's connect callback); the watchdog, not a timer per call, catches a call that
    // never returns.
    if (this.#chain.current === null && visit.atr !== undefined && !isMute) {
      this.#chain.start(visit);
    } else {
      setImmediate(this.#readLater, visit);
    }
  }

  readonly #readLater = (visit: CardVisit): void => {
    if (this.#visit === visit && visit.phase === 'reading') this.#status.update({ state: 'card_present' });
    this.#readWhenFree(visit).catch((error: unknown) => {
      this.#context.logger.error(`${this.name}: reading a card failed unexpectedly`, error);
    });
  };

  #cardLeft(visit: CardVisit): void {
    visit.hasLeft = true;
    this.#visit = null;
    if (visit.phase === 'read') this.#context.onRemoved(this.id);
    // While a read is under way, its end decides what to say (see #finish and #failed).
    if (visit.phase !== 'reading') this.#status.update({ state: this.#chain.isStuck ? 'error' : 'idle' });
  }

  /** The slow way in: no ATR, or the reader still busy with an earlier card (or still connected). */
  async #readWhenFree(visit: CardVisit): Promise<void> {
    if (visit.isMute || !visit.atr) {
      this.#failed(visit, NO_ATR);
      return;
    }
    if (this.#chain.current !== null && !(await this.#chain.freeWithin(this.#context.apduTimeoutMs))) {
      this.#failed(visit, BUSY_WITH_PREVIOUS_CARD);
      await this.#chain.whenFree();
      if (visit.hasLeft || visit.isDetached) return;
      visit.phase = 'reading';
    }
    // Another card's read may have started meanwhile; it ends before this one starts.
    while (this.#chain.current !== null) await this.#chain.whenFree();
    if (visit.hasLeft || visit.isDetached) {
      this.#failed(visit, CARD_REMOVED, true);
      return;
    }
    this.#chain.start(visit);
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
    this.#status.update({
      state: visit.hasLeft ? 'idle' : 'card_present',
      event: describeRead(atr, uid, isUsableForIdentification),
    });
  }

  #failed(visit: CardVisit, failure: ReaderMessage, isCardGone = false): void {
    if (visit.isDetached || visit.phase !== 'reading') return;
    visit.phase = 'failed';
    if (visit.hasLeft) {
      this.#status.update({ state: this.#chain.isStuck ? 'error' : 'idle', error: CARD_REMOVED });
    } else {
      this.#status.update({ state: isCardGone ? 'idle' : 'error', error: failure });
    }
  }
}
