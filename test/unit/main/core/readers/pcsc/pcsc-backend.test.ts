// The backend's logic against a fake binding: what it makes of status flags, event counters, lost
// services and missing bindings. The real binding and pcscd are tested in test/integration/readers.
import { afterEach, describe, expect, it } from 'vitest';
import {
  createPcscBackend,
  type PcscBackendOptions,
} from '../../../../../../src-main/core/readers/pcsc/pcsc-backend';
import {
  systemTimers,
  type TimerHandle,
  type Timers,
} from '../../../../../../src-main/core/readers/pcsc/timers';
import type {
  BackendStatus,
  RawRead,
  ReaderBackend,
  ReaderStatus,
} from '../../../../../../src-main/core/readers/reader-backend';
import type { PcscLiteModule } from '../../../../../../src-main/core/readers/pcsc/pcsc-binding';
import { ATR_DESFIRE, ATR_MIFARE_CLASSIC_1K } from '../../../../../harness/virtual-card';
import { expectWords } from '../reader-words';
import { EMPTY, fakePcscLite, PRESENT, state, type FakeContext, type FakeReader } from './fake-pcsclite';

const READER = 'ACS ACR122U PICC Interface 00 00';
const READER_ID = `pcsc:${READER}`;

type Event =
  | { type: 'read'; read: Extract<RawRead, { kind: 'bytes' }> }
  | { type: 'removed'; readerId: string }
  | { type: 'reader'; status: ReaderStatus }
  | { type: 'status'; status: BackendStatus };

const backends: ReaderBackend[] = [];
afterEach(async () => {
  for (const backend of backends.splice(0)) await backend.stop();
});

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function start(options: PcscBackendOptions) {
  const backend = createPcscBackend({ apduTimeoutMs: 100, ...options });
  backends.push(backend);
  const events: Event[] = [];
  backend.on('read', (read) => {
    if (read.kind === 'bytes') events.push({ type: 'read', read });
  });
  backend.on('removed', (readerId) => events.push({ type: 'removed', readerId }));
  backend.on('reader', (status) => events.push({ type: 'reader', status }));
  backend.on('status', (status) => events.push({ type: 'status', status }));
  backend.start();
  return { backend, events };
}

async function until(condition: () => boolean, timeoutMs = 2000): Promise<void> {
  for (let waited = 0; !condition(); waited += 5) {
    if (waited > timeoutMs) throw new Error('condition not met in time');
    await sleep(5);
  }
}

async function startedWithReader(options: PcscBackendOptions = {}) {
  const fake = fakePcscLite();
  const started = start({ load: async () => fake.module, ...options });
  await until(() => fake.contexts.length === 1);
  const context = fake.contexts[0] as FakeContext;
  const reader = context.addReader(READER);
  reader.status({ state: state(EMPTY, 0) });
  return { ...started, fake, context, reader };
}

const reads = (events: Event[]) =>
  events.flatMap((event) => (event.type === 'read' ? [Buffer.from(event.read.bytes).toString('hex')] : []));
const cardEvents = (events: Event[]) =>
  events.filter((event) => event.type === 'read' || event.type === 'removed').map((event) => event.type);
const lastError = (backend: ReaderBackend) =>
  backend.readers().find((reader) => reader.id === READER_ID)?.lastError?.message ?? '';

function insert(reader: FakeReader, counter: number, uid: number[], atr = ATR_DESFIRE): void {
  reader.uid = Uint8Array.from(uid);
  reader.status({ state: state(PRESENT, counter), atr });
}

describe('createPcscBackend: the binding is missing', () => {
  it('reports itself unavailable, says how to add PC/SC support, and does not throw', async () => {
    const { backend, events } = start({
      load: () => Promise.reject(new Error("Cannot find module 'pcsclite'\nRequire stack: ...")),
    });
    await until(() => backend.status().state === 'unavailable');
    const status = backend.status();
    expect(status.message).toMatch(/apt install pcscd libpcsclite-dev/);
    expect(status.message).toMatch(/npm rebuild pcsclite/);
    expect(status.message).toMatch(/Windows and macOS have PC\/SC built in/);
    expect(status.message).toMatch(/Cannot find module 'pcsclite'\)$/);
    expect(events).toEqual([{ type: 'status', status }]);
    expect(backend.readers()).toEqual([]);
  });
});

describe('createPcscBackend: the service', () => {
  it('retries with back-off (250 ms doubling to 5 s) while the service is down, then comes up', async () => {
    const fake = fakePcscLite();
    fake.setServiceUp(false);
    const scheduled: Array<{ ms: number; run: () => void }> = [];
    const timers: Timers = {
      setTimeout: (run, ms) => {
        scheduled.push({ ms, run });
        return scheduled.length as unknown as TimerHandle;
      },
      clearTimeout: () => {},
    };
    const now = Date.parse('2026-01-01T00:00:00Z');
    const { backend, events } = start({ load: async () => fake.module, timers, clock: { now: () => now } });
    await until(() => backend.status().state === 'down');
    expect(backend.status()).toMatchObject({ state: 'down', retryAt: '2026-01-01T00:00:00.250Z' });
    expect(backend.status().message).toMatch(
      /not running.*\(SCardEstablishContext error: Service not available/,
    );
    for (let attempt = 0; attempt < 7; attempt += 1) scheduled.at(-1)?.run();
    expect(scheduled.map((timer) => timer.ms)).toEqual([250, 500, 1000, 2000, 4000, 5000, 5000, 5000]);
    expect(fake.attempts()).toBe(8);

    fake.setServiceUp(true);
    scheduled.at(-1)?.run();
    expect(backend.status()).toEqual({ backend: 'pcsc', state: 'up' });
    expect(events.filter((event) => event.type === 'status').map((event) => event.status.state)).toEqual([
      ...Array(8).fill('down'),
      'up',
    ]);
  });

  it('goes down when the context fails, reports the card gone, and reconnects with a new context', async () => {
    const { backend, events, fake, context, reader } = await startedWithReader();
    insert(reader, 1, [4, 1, 2, 3, 4, 5, 6]);
    await until(() => reads(events).length === 1);

    context.emit('error', new Error('SCardGetStatusChange error: RPC transport error.(0x80100013)'));
    reader.emit('error', new Error('SCardGetStatusChange error: RPC transport error.(0x80100013)'));
    reader.emit('end');
    expect(backend.status()).toMatchObject({ state: 'down' });
    expect(backend.status().message).toMatch(/Lost the connection .*0x80100013/);
    expect(cardEvents(events)).toEqual(['read', 'removed']);
    expect(backend.readers()).toMatchObject([{ id: READER_ID, state: 'gone' }]);
    expect(context.isClosed).toBe(true);

    await until(() => fake.contexts.length === 2, 1000);
    expect(backend.status().state).toBe('up');
    const again = (fake.contexts[1] as FakeContext).addReader(READER);
    again.status({ state: state(EMPTY, 0) });
    expect(backend.readers()).toMatchObject([
      {
        id: READER_ID,
        state: 'idle',
        lastEvent: { summary: expect.stringContaining('04 01 02 03 04 05 06') },
      },
    ]);
    insert(again, 1, [4, 9, 9, 9, 9, 9, 9]);
    await until(() => reads(events).length === 2);
    expect(reads(events)[1]).toBe('04090909090909');
  });

  it('ignores the error a context emits when it is closed, and says nothing after stop()', async () => {
    const { backend, events, context, reader } = await startedWithReader();
    await backend.stop();
    const count = events.length;
    insert(reader, 1, [4, 1, 2, 3]);
    await sleep(30);
    expect(context.isClosed).toBe(true);
    expect(reader.isClosed).toBe(true);
    expect(events).toHaveLength(count);
  });
});

describe('createPcscBackend: cards', () => {
  it('reads a card once per insertion, ignores flag changes with the same event counter, and reports removal once', async () => {
    const { backend, events, reader } = await startedWithReader();
    insert(reader, 1, [0x08, 1, 2, 3]);
    await until(() => reads(events).length === 1);
    const read = events.find((event) => event.type === 'read');
    expect(read?.type === 'read' && read.read).toMatchObject({
      readerId: READER_ID,
      cardType: 'desfire',
      isUsableForIdentification: false,
      atr: ATR_DESFIRE,
    });
    // In use by us (0x100) with the same counter: not a new card.
    reader.status({ state: state(PRESENT | 0x100, 1), atr: ATR_DESFIRE });
    await sleep(20);
    reader.status({ state: state(EMPTY, 2) });
    reader.status({ state: state(EMPTY | 0x100, 2) });
    await sleep(20);
    expect(cardEvents(events)).toEqual(['read', 'removed']);
    expect(backend.readers()[0]).toMatchObject({
      state: 'idle',
      lastEvent: { summary: 'MIFARE DESFire, UID 08 01 02 03 (random UID: it changes at every tap)' },
    });
  });

  it('sees a card swapped between two notifications by the event counter', async () => {
    const { events, reader } = await startedWithReader();
    insert(reader, 1, [4, 1, 1, 1, 1, 1, 1]);
    await until(() => reads(events).length === 1);
    // Removal and insertion coalesced: still present, counter 1 → 3.
    insert(reader, 3, [4, 2, 2, 2, 2, 2, 2]);
    await until(() => reads(events).length === 2);
    expect(cardEvents(events)).toEqual(['read', 'removed', 'read']);
    expect(reads(events)).toEqual(['04010101010101', '04020202020202']);
  });

  it('says so when a whole tap happened between two notifications', async () => {
    const { backend, events, reader } = await startedWithReader();
    reader.status({ state: state(EMPTY, 2) });
    expect(lastError(backend)).toMatch(/too briefly/);
    expect(cardEvents(events)).toEqual([]);
  });

  it('reports a card that left during the read with read then removed, in that order', async () => {
    const { events, reader } = await startedWithReader();
    let answer: (bytes: Uint8Array) => void = () => {};
    reader.answer = () => new Promise((resolve) => (answer = resolve));
    insert(reader, 1, [4, 1, 2, 3]);
    await until(() => reader.commands.length === 1);
    reader.status({ state: state(EMPTY, 2) });
    expect(cardEvents(events)).toEqual([]);
    answer(Uint8Array.of(4, 1, 2, 3, 0x90, 0x00));
    await until(() => cardEvents(events).length === 2);
    expect(cardEvents(events)).toEqual(['read', 'removed']);
  });

  it('times out a card that never answers, then reads the next card once the reader is free', async () => {
    const { backend, events, reader } = await startedWithReader({ apduTimeoutMs: 50 });
    let release: (bytes: Uint8Array) => void = () => {};
    reader.answer = () => new Promise((resolve) => (release = resolve));
    insert(reader, 1, [4, 1, 2, 3]);
    await until(() => /did not answer within 0.05 s/.test(lastError(backend)));
    expect(backend.readers()[0]?.state).toBe('error');

    // A new card while the binding still waits for the first: it is read once the reader is free.
    reader.status({ state: state(EMPTY, 2) });
    reader.answer = () => Uint8Array.of(4, 5, 6, 7, 0x90, 0x00);
    insert(reader, 3, [4, 5, 6, 7]);
    await until(() => /still waiting for the previous card/.test(lastError(backend)));
    release(new Uint8Array(0));
    await until(() => reads(events).length === 1);
    expect(reads(events)).toEqual(['04050607']);
    expect(backend.readers()[0]?.state).toBe('card_present');
  });

  it('calls a Get Data overdue at the watchdog’s fifth tick (after 1 to 1¼ timeouts), and stops watching when stopped', async () => {
    // The watchdog ticks every timeout / 4 (250 ms here): those ticks are driven by hand, the rest is real.
    const ticks = new Map<number, () => void>();
    let lastTick = 0;
    const timers: Timers = {
      setTimeout: (run, ms) => {
        if (ms !== 250) return systemTimers.setTimeout(run, ms);
        lastTick += 1;
        ticks.set(lastTick, run);
        return lastTick as unknown as TimerHandle;
      },
      clearTimeout: (handle) => {
        if (typeof handle === 'number') ticks.delete(handle);
        else systemTimers.clearTimeout(handle);
      },
    };
    const tick = () => {
      const [id, run] = [...ticks.entries()][0] ?? [];
      if (id === undefined || !run) throw new Error('the watchdog is not ticking');
      ticks.delete(id);
      run();
    };
    const { backend, reader } = await startedWithReader({ apduTimeoutMs: 1000, timers });
    let release: (bytes: Uint8Array) => void = () => {};
    reader.answer = () => new Promise((resolve) => (release = resolve));
    insert(reader, 1, [4, 1, 2, 3]);
    await until(() => reader.commands.length === 1);

    for (let seen = 1; seen <= 4; seen += 1) {
      tick();
      expect(lastError(backend), `tick ${seen}`).toBe('');
    }
    tick();
    expect(lastError(backend)).toMatch(/did not answer within 1 s/);
    expect(backend.readers()[0]?.state).toBe('error');

    release(new Uint8Array(0));
    await until(() => !reader.connected);
    await backend.stop();
    expect(ticks.size).toBe(0);
  });

  it('turns binding errors into plain words', async () => {
    const { backend, reader } = await startedWithReader();
    reader.answer = () => Promise.reject(new Error('SCardTransmit error: Insufficient buffer.(0x80100008)'));
    insert(reader, 1, [4, 1, 2, 3]);
    await until(() => /more data than a UID can have/.test(lastError(backend)));
    reader.status({ state: state(EMPTY, 2) });
    reader.answer = () => Promise.reject(new Error('SCardTransmit error: Card was removed.(0x80100069)'));
    insert(reader, 3, [4, 1, 2, 3]);
    await until(() => /removed before it could be read/.test(lastError(backend)));
    expect(backend.readers()[0]?.state).toBe('idle');
  });

  it('keeps emitting to other listeners when one throws', async () => {
    const { backend, events, reader } = await startedWithReader({ logger: { error: () => {} } });
    backend.on('read', () => {
      throw new Error('listener bug');
    });
    insert(reader, 1, [4, 1, 2, 3]);
    await until(() => cardEvents(events).length === 1);
    reader.status({ state: state(EMPTY, 2) });
    expect(cardEvents(events)).toEqual(['read', 'removed']);
  });
});

describe('createPcscBackend: words for the readers panel', () => {
  const readerStatus = (backend: ReaderBackend) => backend.readers().find((r) => r.id === READER_ID);

  it('names the service problems, with the commands and the binding’s own words as params', async () => {
    const missing = start({ load: () => Promise.reject(new Error("Cannot find module 'pcsclite'\nstack")) });
    expectWords(missing.backend.status().message, missing.backend.status().words, {
      key: 'pcsc_not_started',
    });
    await until(() => missing.backend.status().state === 'unavailable');
    expectWords(missing.backend.status().message, missing.backend.status().words, {
      key: 'pcsc_not_installed',
      params: {
        installCommand: 'sudo apt install pcscd libpcsclite-dev',
        rebuildCommand: 'npm rebuild pcsclite',
        detail: "Cannot find module 'pcsclite'",
      },
    });

    const fake = fakePcscLite();
    fake.setServiceUp(false);
    const stopped = start({ load: async () => fake.module });
    await until(() => stopped.backend.status().state === 'down');
    expectWords(stopped.backend.status().message, stopped.backend.status().words, {
      key: 'pcsc_service_not_running',
      params: {
        startCommand: 'sudo systemctl start pcscd',
        detail: 'SCardEstablishContext error: Service not available.(0x8010001d)',
      },
    });

    const failing: PcscLiteModule = () => {
      throw new Error('SCardEstablishContext error: Internal error.(0x80100001)');
    };
    const unreachable = start({ load: async () => failing });
    await until(() => unreachable.backend.status().state === 'down');
    expectWords(unreachable.backend.status().message, unreachable.backend.status().words, {
      key: 'pcsc_service_unreachable',
      params: { detail: 'SCardEstablishContext error: Internal error.(0x80100001)' },
    });
  });

  it('says the connection was lost when the context fails', async () => {
    const { backend, context } = await startedWithReader();
    context.emit('error', new Error('SCardGetStatusChange error: RPC transport error.(0x80100013)'));
    expectWords(backend.status().message, backend.status().words, {
      key: 'pcsc_connection_lost',
      params: { detail: 'SCardGetStatusChange error: RPC transport error.(0x80100013)' },
    });
  });

  it('gives a read card its type and UID as params, and a random UID a warning of its own', async () => {
    const { backend, events, reader } = await startedWithReader();
    insert(reader, 1, [4, 0xa1, 0xb2, 0xc3], ATR_MIFARE_CLASSIC_1K);
    await until(() => reads(events).length === 1);
    let status = readerStatus(backend);
    expectWords(status?.lastEvent?.summary, status?.lastEvent?.words, {
      key: 'card_read',
      params: { card: 'MIFARE Classic 1K', cardType: 'mifare_classic_1k', uid: '04 A1 B2 C3' },
    });
    reader.status({ state: state(EMPTY, 2) });
    insert(reader, 3, [8, 1, 2, 3]);
    await until(() => reads(events).length === 2);
    status = readerStatus(backend);
    expectWords(status?.lastEvent?.summary, status?.lastEvent?.words, {
      key: 'card_read_random_uid',
      params: { card: 'MIFARE DESFire', cardType: 'desfire', uid: '08 01 02 03' },
    });
  });

  it('gives each failed read its key and params', async () => {
    const { backend, reader } = await startedWithReader({ apduTimeoutMs: 50 });
    const lastWords = () => {
      const error = readerStatus(backend)?.lastError;
      return { message: error?.message, words: error?.words };
    };
    const expectLastError = (words: Parameters<typeof expectWords>[2]) => {
      const { message, words: said } = lastWords();
      expectWords(message, said, words);
    };

    reader.status({ state: state(EMPTY, 2) });
    expectLastError({ key: 'card_too_brief' });

    reader.status({ state: state(PRESENT, 3), atr: new Uint8Array(0) });
    await until(() => lastWords().words?.key === 'card_no_atr');
    expectLastError({ key: 'card_no_atr' });
    reader.status({ state: state(EMPTY, 4) });

    insert(reader, 5, [4, 1, 2, 3], Uint8Array.of(0x3b, 0x81, 0x80, 0x01, 0x80, 0x81));
    await until(() => lastWords().words?.key === 'atr_malformed');
    expectLastError({
      key: 'atr_malformed',
      params: {
        atr: '3B 81 80 01 80 81',
        detail: 'The ATR check byte (TCK) does not match: the ATR was garbled.',
      },
    });
    reader.status({ state: state(EMPTY, 6) });

    reader.answer = () => Uint8Array.of(0x6a, 0x81);
    insert(reader, 7, [4, 1, 2, 3]);
    await until(() => lastWords().words?.key === 'uid_not_supported');
    expectLastError({ key: 'uid_not_supported', params: { status: '6A 81' } });
    reader.status({ state: state(EMPTY, 8) });

    reader.answer = () => Promise.reject(new Error('SCardTransmit error: Card was removed.(0x80100069)'));
    insert(reader, 9, [4, 1, 2, 3]);
    await until(() => lastWords().words?.key === 'card_removed');
    expectLastError({ key: 'card_removed' });
    reader.status({ state: state(EMPTY, 10) });

    let release: (bytes: Uint8Array) => void = () => {};
    reader.answer = () => new Promise((resolve) => (release = resolve));
    insert(reader, 11, [4, 1, 2, 3]);
    await until(() => lastWords().words?.key === 'card_timeout');
    expectLastError({ key: 'card_timeout', params: { seconds: 0.05 } });
    reader.status({ state: state(EMPTY, 12) });
    insert(reader, 13, [4, 5, 6, 7]);
    await until(() => lastWords().words?.key === 'reader_busy_previous_card');
    expectLastError({ key: 'reader_busy_previous_card' });
    release(new Uint8Array(0));
  });
});
