// A stand-in for the pcsclite binding, for unit tests of the backend's logic: the test drives status
// notifications and answers APDUs itself. The real binding is tested through pcscd in test/integration.
import { EventEmitter } from 'node:events';
import type {
  PcscContext,
  PcscLiteModule,
  PcscReader,
  PcscStatus,
} from '../../../../../../src-main/core/readers/pcsc/pcsc-binding';

export const PRESENT = 0x20 | 0x02;
export const EMPTY = 0x10 | 0x02;

export class FakeReader extends EventEmitter implements PcscReader {
  connected = false;
  isClosed = false;
  /** Answers a command APDU; the default answers FF CA with `uid` + 90 00. */
  answer: (command: Uint8Array) => Uint8Array | Promise<Uint8Array> = () =>
    Uint8Array.of(...this.uid, 0x90, 0x00);
  uid = Uint8Array.of(0x04, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06);
  readonly commands: Uint8Array[] = [];

  constructor(readonly name: string) {
    super();
  }

  status(status: PcscStatus): void {
    this.emit('status', status);
  }

  connect(
    _options: { share_mode: number; protocol?: number },
    callback: (error: Error | null | undefined, protocol: number) => void,
  ): void {
    setImmediate(() => {
      this.connected = true;
      callback(null, 2);
    });
  }

  disconnect(_disposition: number, callback: (error: Error | null | undefined) => void): void {
    setImmediate(() => {
      this.connected = false;
      callback(null);
    });
  }

  transmit(
    data: Buffer,
    _length: number,
    _protocol: number,
    callback: (error: Error | null | undefined, response: Buffer) => void,
  ): void {
    this.commands.push(new Uint8Array(data));
    void Promise.resolve(this.answer(new Uint8Array(data))).then(
      (response) => setImmediate(() => callback(null, Buffer.from(response))),
      (error: unknown) =>
        setImmediate(() =>
          callback(error instanceof Error ? error : new Error(String(error)), Buffer.alloc(0)),
        ),
    );
  }

  close(): void {
    this.isClosed = true;
  }
}

export class FakeContext extends EventEmitter implements PcscContext {
  isClosed = false;

  addReader(name: string): FakeReader {
    const reader = new FakeReader(name);
    this.emit('reader', reader);
    return reader;
  }

  close(): void {
    this.isClosed = true;
    // Like the binding: closing emits a "cancelled" error.
    setImmediate(() =>
      this.emit('error', new Error('SCardGetStatusChange error: Command cancelled.(0x80100002)')),
    );
  }
}

/** A binding whose service is down until `serviceUp` is set; `contexts` are the ones created. */
export function fakePcscLite(): {
  module: PcscLiteModule;
  contexts: FakeContext[];
  attempts: () => number;
  setServiceUp(up: boolean): void;
} {
  const contexts: FakeContext[] = [];
  let isUp = true;
  let attempts = 0;
  const module: PcscLiteModule = () => {
    attempts += 1;
    if (!isUp) throw new Error('SCardEstablishContext error: Service not available.(0x8010001d)');
    const context = new FakeContext();
    contexts.push(context);
    return context;
  };
  return { module, contexts, attempts: () => attempts, setServiceUp: (up) => (isUp = up) };
}

/** dwEventState with the event counter in the upper 16 bits. */
export function state(flags: number, counter: number): number {
  return ((counter & 0xffff) << 16) | flags;
}
