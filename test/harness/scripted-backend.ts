import type {
  BackendStatus,
  RawRead,
  ReaderBackend,
  ReaderBackendEvents,
  ReaderStatus,
} from '../../src-main/core/readers/reader-backend';

/** A backend whose reads a test scripts: for pipeline tests above the real backends. */
export function scriptedBackend(kind: ReaderBackend['kind'] = 'hid') {
  const listeners: { [E in keyof ReaderBackendEvents]: Set<ReaderBackendEvents[E]> } = {
    read: new Set(),
    removed: new Set(),
    reader: new Set(),
    status: new Set(),
  };
  const reader: ReaderStatus = {
    id: `${kind}-1`,
    name: `Scripted ${kind} reader`,
    backend: kind,
    state: 'idle',
  };
  let started = false;
  const backend: ReaderBackend & {
    readText(text: string): void;
    readBytes(hex: string, cardType?: string, usable?: boolean): void;
    started(): boolean;
  } = {
    kind,
    start: () => {
      started = true;
    },
    stop: async () => {
      started = false;
    },
    readers: () => [reader],
    status: (): BackendStatus => ({ backend: kind, state: 'up' }),
    on(event, listener) {
      (listeners[event] as Set<typeof listener>).add(listener);
      return () => (listeners[event] as Set<typeof listener>).delete(listener);
    },
    readText(text) {
      const read: RawRead = {
        kind: 'text',
        readerId: reader.id,
        backend: kind,
        text,
        seenAt: process.hrtime.bigint(),
      };
      for (const l of listeners.read) l(read);
    },
    readBytes(hex, cardType = 'mifare_classic_1k', usable = true) {
      const read: RawRead = {
        kind: 'bytes',
        readerId: reader.id,
        backend: kind,
        bytes: new Uint8Array(Buffer.from(hex, 'hex')),
        cardType,
        isUsableForIdentification: usable,
        seenAt: process.hrtime.bigint(),
      };
      for (const l of listeners.read) l(read);
    },
    started: () => started,
  };
  return backend;
}
