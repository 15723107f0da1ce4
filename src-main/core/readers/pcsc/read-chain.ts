// The read chain: connect → Get Data (again after 6C XX) → the answer → disconnect, on one PC/SC
// reader, one read at a time. Each step is started from the binding's callback for the step before,
// through handlers made once per reader, with the step the user waits for first and the bookkeeping
// (ATR check, status) after it (docs/reader-pipeline.md says why: the binding holds the reader's lock
// while it calls us, and a desk's code always runs cold).
import { formatHex, parseAtr, type Atr, type AtrResult } from '../../../../src-shared/credentials/atr';
import type { ReaderMessage } from '../reader-backend';
import { getUidCommand } from './apdu';
import { PcscTimeoutError } from './binding-call';
import type { CardVisit } from './card-visit';
import { describeFailure, type ReadFailure } from './describe-failure';
import {
  SCARD_LEAVE_CARD,
  SCARD_PROTOCOL_T0,
  SCARD_PROTOCOL_T1,
  SCARD_RESET_CARD,
  SCARD_SHARE_EXCLUSIVE,
  SCARD_SHARE_SHARED,
  type PcscReader,
} from './pcsc-binding';
import type { Timers } from './timers';
import { answerUid, type UidResult } from './uid-reader';

export type ShareMode = 'shared' | 'exclusive';

export interface PcscLogger {
  error(message: string, error?: unknown): void;
  info?(message: string): void;
}

/** The read under way on a reader: at most one, from connect to the end of disconnect. */
export interface CardRead {
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

/** What the chain tells the reader slot: the outcome of a visit's read, and news for the status. */
export interface ReadChainHost {
  /** The reader's name, for the log. */
  name: string;
  timers: Timers;
  logger: PcscLogger;
  apduTimeoutMs: number;
  /** Asked at every connect, so a changed setting applies from the next card. */
  shareMode(): ShareMode;
  /** Get Data answered: the visit's card is read (or is not, in the result's words). */
  finish(visit: CardVisit, atr: Atr, result: UidResult): void;
  /** The read failed; the visit says so once. */
  failed(visit: CardVisit, failure: ReaderMessage, isCardGone: boolean): void;
  /** Connected, Get Data on its way. */
  connected(visit: CardVisit): void;
  /** A call that had outlived its timeout has answered after all: the reader is free again. */
  unstuck(): void;
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

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

export class ReadChain {
  /** Reads run one after the other, each until the binding is really done with the reader. */
  current: CardRead | null = null;
  /** A binding call has outlived its timeout and still holds the reader. */
  isStuck = false;
  #freeWaiters: Array<() => void> = [];
  /** The last ATR seen here, parsed: a desk sees the same few kinds of card all day. */
  #lastAtr: { bytes: Uint8Array; parsed: AtrResult } | null = null;
  readonly #host: ReadChainHost;

  constructor(host: ReadChainHost) {
    this.#host = host;
  }

  /** Starts reading the visit's card; the reader must be free. */
  start(visit: CardVisit): void {
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
    this.current = read;
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

  /** Resolves when no read is under way on this reader: the card released, the binding done with it. */
  whenFree(): Promise<void> {
    if (this.current === null) return Promise.resolve();
    return new Promise((resolve) => this.#freeWaiters.push(resolve));
  }

  freeWithin(ms: number): Promise<boolean> {
    if (this.current === null) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = this.#host.timers.setTimeout(() => resolve(false), ms);
      void this.whenFree().then(() => {
        this.#host.timers.clearTimeout(timer);
        resolve(true);
      });
    });
  }

  /**
   * The watchdog saw the read's call under way for longer than the timeout. A release that hangs is
   * only logged; any other call fails the read, and the reader stays stuck until the call answers.
   */
  overdue(read: CardRead): void {
    read.isOverdue = true;
    const error = new PcscTimeoutError(read.call ?? '', this.#host.apduTimeoutMs);
    if (read.call === RELEASING || read.call === RELEASING_EARLIER) {
      this.#host.logger.info?.(`${this.#host.name}: ${error.message}`);
      return;
    }
    this.isStuck = true;
    this.#fail(read, describeFailure(error, this.#host.apduTimeoutMs));
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
    const shareMode = this.#host.shareMode() === 'exclusive' ? SCARD_SHARE_EXCLUSIVE : SCARD_SHARE_SHARED;
    this.#call(read, CONNECTING, this.#onConnected, (reader) =>
      reader.connect(
        { share_mode: shareMode, protocol: SCARD_PROTOCOL_T0 | SCARD_PROTOCOL_T1 },
        this.#onConnected,
      ),
    );
  }

  readonly #onReleasedBeforeConnect = (error: Error | null | undefined): void => {
    const read = this.current;
    if (read === null || read.call !== RELEASING_EARLIER) return;
    this.#answered(read);
    if (error) this.#host.logger.info?.(`${this.#host.name}: ${String(error)}`);
    if (read.ending === null) this.#startConnect(read);
    this.#afterAnswer(read);
  };

  readonly #onConnected = (error: Error | null | undefined, protocol?: number): void => {
    const read = this.current;
    if (read === null || read.call !== CONNECTING) return;
    this.#answered(read);
    if (read.ending === null) {
      if (!error) {
        // Get Data first, answered by the reader itself; the ATR is checked while it is on its way.
        read.protocol = protocol ?? 0;
        this.#transmit(read, GET_UID);
      }
      // A malformed ATR is what is reported, whatever connect says (and whatever Get Data answers).
      if (this.#checkAtr(read) && error) this.#fail(read, describeFailure(error, this.#host.apduTimeoutMs));
      this.#host.connected(read.visit);
    }
    this.#afterAnswer(read);
  };

  #transmit(read: CardRead, command: Buffer): void {
    this.#call(read, ASKING_UID, this.#onTransmitted, (reader) =>
      reader.transmit(command, MAX_RESPONSE_LENGTH, read.protocol, this.#onTransmitted),
    );
  }

  readonly #onTransmitted = (error: Error | null | undefined, response?: Buffer): void => {
    const read = this.current;
    if (read === null || read.call !== ASKING_UID) return;
    this.#answered(read);
    if (read.ending === null) {
      if (error) {
        this.#fail(read, describeFailure(error, this.#host.apduTimeoutMs));
      } else {
        try {
          const step = answerUid(response ?? NO_BYTES, read.attempt);
          if (step.ok === 'again') {
            read.attempt += 1;
            this.#transmit(read, Buffer.from(step.command));
          } else {
            read.ending = step.ok ? 'clean' : 'reset';
            this.#host.finish(read.visit, (read.atr as { ok: true; value: Atr }).value, step);
          }
        } catch (thrown) {
          this.#host.logger.error(`${this.#host.name}: handling a card failed`, thrown);
          read.ending = 'reset';
        }
      }
    }
    this.#afterAnswer(read);
  };

  /** Once the read is over and no call is under way: release the card (reset it after a failure). */
  #afterAnswer(read: CardRead): void {
    if (read.ending === null || read.call !== null || this.current !== read) return;
    const disposition = read.ending === 'clean' ? SCARD_LEAVE_CARD : SCARD_RESET_CARD;
    this.#call(read, RELEASING, this.#onDisconnected, (reader) =>
      reader.disconnect(disposition, this.#onDisconnected),
    );
  }

  readonly #onDisconnected = (error: Error | null | undefined): void => {
    const read = this.current;
    if (read === null || read.call !== RELEASING) return;
    this.#answered(read);
    if (error) this.#host.logger.info?.(`${this.#host.name}: ${String(error)}`);
    this.current = null;
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
      this.isStuck = false;
      this.#host.unstuck();
    }
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
    this.#host.failed(read.visit, failure, failure.isCardGone);
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
}
