// A contactless card in TypeScript that speaks vpcd's protocol, so tests and demos drive the real pcscd.
//
// vpcd (vsmartcard) registers the readers "Virtual PCD 00 00" (TCP 35963) and "Virtual PCD 00 01"
// (35964) and listens; the CARD is the TCP client: connecting inserts it, closing removes it.
// Frames in both directions: a 2-byte big-endian length, then the payload. A 1-byte payload from vpcd
// is a control message: 00 power off, 01 power on, 02 reset, 04 get ATR. Only "get ATR" is answered
// (also while powered off): vpcd sends it on every presence poll (every 400 ms). A longer payload is a
// command APDU and is answered with the response APDU.
import { EventEmitter } from 'node:events';
import net from 'node:net';

export const VPCD_PORT_READER_0 = 35963;
export const VPCD_PORT_READER_1 = 35964;
/** The names pcscd gives vpcd's two readers. */
export const VPCD_READER_0 = 'Virtual PCD 00 00';
export const VPCD_READER_1 = 'Virtual PCD 00 01';

/** "3B 81 80 01" → bytes. */
export function fromHex(text: string): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(text.trim().split(/\s+/), (pair) => Number.parseInt(pair, 16));
}

/** ATRs a PC/SC contactless reader builds (PC/SC part 3 section 3.1.3.2.3). */
export const ATR_MIFARE_CLASSIC_1K = fromHex('3B 8F 80 01 80 4F 0C A0 00 00 03 06 03 00 01 00 00 00 00 6A');
export const ATR_MIFARE_ULTRALIGHT = fromHex('3B 8F 80 01 80 4F 0C A0 00 00 03 06 03 00 03 00 00 00 00 68');
export const ATR_DESFIRE = fromHex('3B 81 80 01 80 80');

export const CONTROL_POWER_OFF = 0x00;
export const CONTROL_POWER_ON = 0x01;
export const CONTROL_RESET = 0x02;
export const CONTROL_GET_ATR = 0x04;

/** What a handler sees besides the APDU: the card's UID and a way to pull the card mid-APDU. */
export interface VirtualCardContext {
  readonly uid: Uint8Array;
  readonly atr: Uint8Array;
  /** Removes the card now (closes the connection), e.g. while an APDU is outstanding. */
  remove(): Promise<void>;
}

/** Answers a command APDU. `null` means the card stays silent: vpcd (and pcscd) wait forever. */
export type ApduHandler = (
  apdu: Uint8Array,
  card: VirtualCardContext,
) => Uint8Array | null | Promise<Uint8Array | null>;

export interface VirtualCardOptions {
  atr: Uint8Array;
  uid: Uint8Array;
  /** vpcd port: 35963 for reader 0 (default), 35964 for reader 1. */
  port?: number;
  host?: string;
  handler?: ApduHandler;
  /**
   * vpcd cannot show an absence shorter than pcscd's 400 ms presence poll: a card pulled and put back
   * within one poll looks as if it never left. insert() waits until this long after the last card left
   * that reader, whichever VirtualCard it was (default 500 ms); 0 lets a test make exactly that swap.
   */
  minAbsentMs?: number;
}

export interface VirtualCardEvents {
  /** A command APDU was answered (response is null when the handler stayed silent). */
  apdu: [command: Uint8Array, response: Uint8Array | null];
  control: [code: number];
  inserted: [];
  removed: [];
}

export interface VirtualCard extends EventEmitter<VirtualCardEvents> {
  readonly isInserted: boolean;
  readonly uid: Uint8Array;
  /** Connects to vpcd. Resolves once connected (pcscd notices at its next poll, within 400 ms). */
  insert(): Promise<void>;
  /** Closes the connection. Resolves once closed. */
  remove(): Promise<void>;
  setUid(uid: Uint8Array): void;
  setAtr(atr: Uint8Array): void;
  setHandler(handler: ApduHandler): void;
  /** Resolves at the next answered APDU (e.g. the UID read), with its command and response. */
  nextApdu(): Promise<{ command: Uint8Array; response: Uint8Array | null }>;
  close(): Promise<void>;
}

const SW_OK = [0x90, 0x00];

/**
 * The PC/SC part 3 "Get Data" command a contactless reader answers itself: FF CA 00 00 Le returns the
 * UID. Le 00 means "all of it"; a shorter Le gets 6C XX (XX = the right length); a longer Le gets the
 * UID with 62 82 (end of data reached before Le bytes).
 */
export const uidHandler: ApduHandler = (apdu, card) => {
  if (apdu[0] !== 0xff) return Uint8Array.of(0x6e, 0x00);
  if (apdu[1] !== 0xca) return Uint8Array.of(0x6d, 0x00);
  if (apdu[2] !== 0x00 || apdu[3] !== 0x00) return Uint8Array.of(0x6a, 0x81);
  const le = apdu.length > 4 ? (apdu[4] ?? 0) : 0;
  const uid = card.uid;
  if (le === 0 || le === uid.length) return Uint8Array.of(...uid, ...SW_OK);
  if (le < uid.length) return Uint8Array.of(0x6c, uid.length);
  return Uint8Array.of(...uid, 0x62, 0x82);
};

/** A card that never answers APDUs (it still answers vpcd's presence polls). */
export const silentHandler: ApduHandler = () => null;

/** Always answers with these bytes (garbage, a bare status word, an oversized response...). */
export function respondWith(bytes: Uint8Array): ApduHandler {
  return () => bytes;
}

/** Answers with `length` bytes of data and 90 00: more than any UID (a UID has at most 10 bytes). */
export function oversizedHandler(length = 300): ApduHandler {
  return () =>
    Uint8Array.from({ length: length + 2 }, (_, index) =>
      index >= length ? ([0x90, 0x00][index - length] ?? 0) : index & 0xff,
    );
}

/** The card is pulled while the reader waits for its answer. */
export const removeDuringApduHandler: ApduHandler = async (_apdu, card) => {
  await card.remove();
  return null;
};

export function createVirtualCard(options: VirtualCardOptions): VirtualCard {
  return new VpcdCard(options);
}

/** When a card last left each vpcd reader ("host:port"), across VirtualCard instances. */
const lastRemovalAt = new Map<string, number>();

class VpcdCard extends EventEmitter<VirtualCardEvents> implements VirtualCard {
  #atr: Uint8Array;
  #uid: Uint8Array;
  #handler: ApduHandler;
  readonly #port: number;
  readonly #host: string;
  readonly #minAbsentMs: number;
  #socket: net.Socket | null = null;
  #closed: Promise<void> = Promise.resolve();
  #received = Buffer.alloc(0);
  /** APDUs are answered in order even when a handler is async. */
  #queue: Promise<void> = Promise.resolve();

  constructor(options: VirtualCardOptions) {
    super();
    this.#atr = options.atr;
    this.#uid = options.uid;
    this.#handler = options.handler ?? uidHandler;
    this.#port = options.port ?? VPCD_PORT_READER_0;
    this.#host = options.host ?? '127.0.0.1';
    this.#minAbsentMs = options.minAbsentMs ?? 500;
  }

  get #readerKey(): string {
    return `${this.#host}:${this.#port}`;
  }

  get isInserted(): boolean {
    return this.#socket !== null;
  }

  get uid(): Uint8Array {
    return this.#uid;
  }

  setUid(uid: Uint8Array): void {
    this.#uid = uid;
  }

  setAtr(atr: Uint8Array): void {
    this.#atr = atr;
  }

  setHandler(handler: ApduHandler): void {
    this.#handler = handler;
  }

  async insert(): Promise<void> {
    if (this.#socket) throw new Error('The virtual card is already inserted.');
    const wait = (lastRemovalAt.get(this.#readerKey) ?? -Infinity) + this.#minAbsentMs - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    if (this.#socket) throw new Error('The virtual card is already inserted.');
    await new Promise<void>((resolve, reject) => {
      const socket = net.connect({ host: this.#host, port: this.#port, noDelay: true });
      socket.setNoDelay(true);
      this.#socket = socket;
      this.#received = Buffer.alloc(0);
      this.#queue = Promise.resolve();
      this.#closed = new Promise((done) => socket.once('close', () => done()));
      socket.once('connect', () => {
        this.emit('inserted');
        resolve();
      });
      socket.on('data', (chunk) => this.#onData(socket, chunk));
      socket.on('error', (error) => {
        if (this.#socket === socket) this.#socket = null;
        reject(new Error(`vpcd is not listening on ${this.#host}:${this.#port}: ${error.message}`));
      });
      socket.once('close', () => {
        if (this.#socket === socket) this.#socket = null;
        lastRemovalAt.set(this.#readerKey, performance.now());
        this.emit('removed');
      });
    });
  }

  async remove(): Promise<void> {
    const socket = this.#socket;
    if (!socket) return;
    this.#socket = null;
    socket.destroy();
    await this.#closed;
  }

  nextApdu(): Promise<{ command: Uint8Array; response: Uint8Array | null }> {
    return new Promise((resolve) => {
      this.once('apdu', (command, response) => resolve({ command, response }));
    });
  }

  async close(): Promise<void> {
    await this.remove();
    this.removeAllListeners();
  }

  #onData(socket: net.Socket, chunk: Buffer): void {
    this.#received = Buffer.concat([this.#received, chunk]);
    while (this.#received.length >= 2) {
      const length = this.#received.readUInt16BE(0);
      if (this.#received.length < 2 + length) return;
      const payload = new Uint8Array(this.#received.subarray(2, 2 + length));
      this.#received = this.#received.subarray(2 + length);
      this.#onMessage(socket, payload);
    }
  }

  #onMessage(socket: net.Socket, payload: Uint8Array): void {
    if (payload.length === 1) {
      const code = payload[0] ?? -1;
      this.emit('control', code);
      // Power on, power off and reset have no answer in vpcd's protocol.
      if (code === CONTROL_GET_ATR) this.#send(socket, this.#atr);
      return;
    }
    const context: VirtualCardContext = { uid: this.#uid, atr: this.#atr, remove: () => this.remove() };
    const handler = this.#handler;
    this.#queue = this.#queue.then(async () => {
      // A handler that throws is a card that fails: 6F 00, "no precise diagnosis".
      const response = await Promise.resolve()
        .then(() => handler(payload, context))
        .catch(() => Uint8Array.of(0x6f, 0x00));
      if (response !== null && this.#socket === socket) this.#send(socket, response);
      this.emit('apdu', payload, response);
    });
  }

  #send(socket: net.Socket, payload: Uint8Array): void {
    if (socket.destroyed) return;
    const frame = Buffer.alloc(2 + payload.length);
    frame.writeUInt16BE(payload.length, 0);
    frame.set(payload, 2);
    // One write per frame: with TCP_NODELAY it leaves in one segment.
    socket.write(frame);
  }
}
