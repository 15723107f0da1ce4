// Tap latency through the real pcscd with a virtual card on vpcd: from the card's connection (insert)
// to the backend's 'read' event, and from its removal to 'removed'. Needs pcscd with vpcd, e.g.
//   bash scripts/pcscd-harness.sh -- npx tsx test/bench/pcsc-latency.ts [taps]
// (in the harness's namespace loopback has quickack, so an APDU costs ~0.2 ms, not ~44 ms).
// pcscd polls vpcd's presence every 400 ms, so insertion and removal are seen 0–400 ms late: taps start at
// a random phase, and the figures are dominated by that poll; `processing` is the backend's own share
// (status notification → 'read': connect + GET DATA + checks). nfc-pcsc reads the same reader for a
// side-by-side figure (autoProcessing off, then FF CA 00 00 00 by hand, as it never reads a DESFire UID).
import { createPcscBackend } from '../../src-main/core/readers/pcsc/pcsc-backend';
import {
  loadPcscLite,
  SCARD_LEAVE_CARD,
  SCARD_SHARE_SHARED,
  SCARD_STATE_PRESENT,
  type PcscReader,
} from '../../src-main/core/readers/pcsc/pcsc-binding';
import { ATR_MIFARE_CLASSIC_1K, VPCD_READER_0 } from '../harness/virtual-card';
import { startRemoteCard, type RemoteCard } from './virtual-card-process';
import { fmt, fmtRatio, percentileRatio, summarise, verdictNoSlower } from './stats';

export interface PcscLatency {
  library: 'frontdesk' | 'nfc-pcsc' | 'pcsclite alone';
  taps: number;
  /** insert → UID in JS. */
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  /** remove → removal event. */
  removalP50Ms: number;
  removalP95Ms: number;
  /** The library's own time: pcscd's status notification → UID in JS. */
  processingP50Ms?: number;
  processingP95Ms?: number;
  /** Every tap's own time, for comparing libraries with an interval rather than one ratio. */
  processingMs: number[];
  missed: number;
}

interface TapProbe {
  /** Resolves with the time (ms, performance.now) when the library delivered the UID. */
  nextRead(): Promise<{ at: number; uid: string; processingMs?: number }>;
  nextRemoval(): Promise<number>;
  close(): Promise<void>;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return Promise.race([
    promise,
    new Promise<T>((_, reject) =>
      setTimeout(() => reject(new Error(`${what}: nothing within ${ms} ms`)), ms),
    ),
  ]);
}

/** A queue of events a tap loop waits on one at a time. */
function eventQueue<T>() {
  const items: T[] = [];
  const waiting: Array<(item: T) => void> = [];
  return {
    push(item: T) {
      const next = waiting.shift();
      if (next) next(item);
      else items.push(item);
    },
    next(): Promise<T> {
      const item = items.shift();
      return item !== undefined ? Promise.resolve(item) : new Promise((resolve) => waiting.push(resolve));
    },
  };
}

async function frontdeskProbe(): Promise<TapProbe> {
  const backend = createPcscBackend();
  const reads = eventQueue<{ at: number; uid: string; processingMs: number }>();
  const removals = eventQueue<number>();
  const readerId = `pcsc:${VPCD_READER_0}`;
  const ready = new Promise<void>((resolve) =>
    backend.on('reader', (status) => {
      if (status.id === readerId && status.state === 'idle') resolve();
    }),
  );
  backend.on('read', (read) => {
    if (read.kind !== 'bytes' || read.readerId !== readerId) return;
    const processingMs = Number(process.hrtime.bigint() - read.seenAt) / 1e6;
    reads.push({ at: performance.now(), uid: Buffer.from(read.bytes).toString('hex'), processingMs });
  });
  backend.on('removed', (id) => {
    if (id === readerId) removals.push(performance.now());
  });
  backend.start();
  await withTimeout(ready, 5000, 'The PC/SC backend did not find vpcd reader 0');
  return { nextRead: () => reads.next(), nextRemoval: () => removals.next(), close: () => backend.stop() };
}

/**
 * The floor of our binding: `pcsclite` with nothing around it (connect on the notification, one Get Data,
 * no checks, no timeouts). nfc-pcsc runs on another binding (@pokusew/pcsclite); this line tells how much
 * of a difference is the binding and how much our backend.
 */
async function bareBindingProbe(): Promise<TapProbe> {
  const context = (await loadPcscLite())();
  const reads = eventQueue<{ at: number; uid: string; processingMs?: number }>();
  const removals = eventQueue<number>();
  const readers: PcscReader[] = [];
  context.on('error', () => {});
  const ready = new Promise<void>((resolve) =>
    context.on('reader', (reader) => {
      readers.push(reader);
      reader.on('error', () => {});
      if (reader.name !== VPCD_READER_0) return;
      let wasPresent = false;
      reader.on('status', ({ state }) => {
        const isPresent = (state & SCARD_STATE_PRESENT) !== 0;
        if (isPresent && !wasPresent) {
          const seenAt = performance.now();
          reader.connect({ share_mode: SCARD_SHARE_SHARED }, (error, protocol) => {
            if (error) return reads.push({ at: performance.now(), uid: '' });
            reader.transmit(Buffer.from([0xff, 0xca, 0x00, 0x00, 0x00]), 12, protocol, (failed, response) => {
              const at = performance.now();
              reads.push({
                at,
                uid: failed ? '' : response.subarray(0, -2).toString('hex'),
                processingMs: at - seenAt,
              });
              reader.disconnect(SCARD_LEAVE_CARD, () => {});
            });
          });
        } else if (!isPresent && wasPresent) {
          removals.push(performance.now());
        }
        wasPresent = isPresent;
      });
      resolve();
    }),
  );
  await withTimeout(ready, 5000, 'pcsclite did not find vpcd reader 0');
  return {
    nextRead: () => reads.next(),
    nextRemoval: () => removals.next(),
    close: async () => {
      await sleep(10);
      for (const reader of readers) reader.close();
      context.close();
    },
  };
}

/** The slice of nfc-pcsc (untyped) this probe uses. */
interface NfcReader {
  reader: {
    name: string;
    close(): void;
    prependListener(event: 'status', listener: (status: { state: number }) => void): void;
  };
  autoProcessing: boolean;
  on(event: 'card', listener: () => void): void;
  on(event: 'card.off', listener: () => void): void;
  on(event: 'error', listener: (error: Error) => void): void;
  transmit(data: Buffer, responseMaxLength: number): Promise<Buffer>;
}
interface Nfc {
  on(event: 'reader', listener: (reader: NfcReader) => void): void;
  on(event: 'error', listener: (error: Error) => void): void;
  close(): void;
}

async function nfcPcscProbe(): Promise<TapProbe> {
  const name = 'nfc-pcsc';
  const module = (await import(/* @vite-ignore */ name)) as {
    NFC?: new () => Nfc;
    default?: { NFC?: new () => Nfc };
  };
  const NFC = module.NFC ?? module.default?.NFC;
  if (!NFC) throw new Error('nfc-pcsc has no NFC export');
  const nfc = new NFC();
  const reads = eventQueue<{ at: number; uid: string; processingMs?: number }>();
  const removals = eventQueue<number>();
  const readers: NfcReader[] = [];
  // pcscd's status notification, seen on the same pcsclite reader nfc-pcsc listens to: the start of
  // "event → UID", measured the same way as our backend's seenAt.
  const SCARD_STATE_PRESENT = 0x20;
  let previousState = 0;
  let presentAt = 0;
  nfc.on('error', () => {});
  const ready = new Promise<void>((resolve) =>
    nfc.on('reader', (reader) => {
      readers.push(reader);
      reader.on('error', () => {});
      if (reader.reader.name !== VPCD_READER_0) return;
      reader.autoProcessing = false;
      // Before nfc-pcsc's own listener, which connects at once: the clock starts at the notification.
      reader.reader.prependListener('status', ({ state }) => {
        if (state & SCARD_STATE_PRESENT && !(previousState & SCARD_STATE_PRESENT))
          presentAt = performance.now();
        previousState = state;
      });
      reader.on('card', () => {
        void reader.transmit(Buffer.from([0xff, 0xca, 0x00, 0x00, 0x00]), 12).then(
          (response) => {
            const at = performance.now();
            reads.push({ at, uid: response.subarray(0, -2).toString('hex'), processingMs: at - presentAt });
          },
          () => reads.push({ at: performance.now(), uid: '' }),
        );
      });
      reader.on('card.off', () => removals.push(performance.now()));
      resolve();
    }),
  );
  await withTimeout(ready, 5000, 'nfc-pcsc did not find vpcd reader 0');
  return {
    nextRead: () => reads.next(),
    nextRemoval: () => removals.next(),
    close: async () => {
      nfc.close();
      // Not from inside a binding callback: closing a reader takes its mutex.
      await sleep(10);
      for (const reader of readers) reader.reader.close();
    },
  };
}

async function runTaps(probe: TapProbe, card: RemoteCard, taps: number) {
  const insertMs: number[] = [];
  const removalMs: number[] = [];
  const processingMs: number[] = [];
  let missed = 0;
  let insertedAt = 0;
  card.onInserted((at) => (insertedAt = at));
  for (let tap = 0; tap < taps; tap += 1) {
    const uid = Uint8Array.of(0x04, tap & 0xff, (tap >> 8) & 0xff, 0x10, 0x20, 0x30, 0x40);
    await card.setUid(uid);
    // A random phase against pcscd's 400 ms poll.
    await sleep(Math.random() * 400);
    const read = probe.nextRead();
    await card.insert();
    try {
      const { at, uid: got, processingMs: processing } = await withTimeout(read, 3000, 'read');
      if (got !== Buffer.from(uid).toString('hex')) missed += 1;
      insertMs.push(at - insertedAt);
      if (processing !== undefined) processingMs.push(processing);
    } catch {
      missed += 1;
    }
    // Again a random phase, for the removal.
    await sleep(Math.random() * 400);
    const removal = probe.nextRemoval();
    const removedAt = performance.now();
    await card.remove();
    try {
      removalMs.push((await withTimeout(removal, 3000, 'removal')) - removedAt);
    } catch {
      missed += 1;
    }
  }
  return { insertMs, removalMs, processingMs, missed };
}

type Library = PcscLatency['library'];
type Samples = Awaited<ReturnType<typeof runTaps>>;

async function collect(library: Library, taps: number): Promise<Samples> {
  const probe =
    library === 'frontdesk'
      ? await frontdeskProbe()
      : library === 'nfc-pcsc'
        ? await nfcPcscProbe()
        : await bareBindingProbe();
  const card = await startRemoteCard({ atr: ATR_MIFARE_CLASSIC_1K, uid: new Uint8Array(7) });
  try {
    return await runTaps(probe, card, taps);
  } finally {
    await card.close();
    await probe.close();
  }
}

function summariseTaps(library: Library, taps: number, samples: Samples): PcscLatency {
  const inserted = summarise(samples.insertMs);
  const removed = summarise(samples.removalMs);
  const result: PcscLatency = {
    library,
    taps,
    p50Ms: inserted.p50,
    p95Ms: inserted.p95,
    maxMs: inserted.max,
    removalP50Ms: removed.p50,
    removalP95Ms: removed.p95,
    processingMs: samples.processingMs,
    missed: samples.missed,
  };
  if (samples.processingMs.length > 0) {
    const processing = summarise(samples.processingMs);
    result.processingP50Ms = processing.p50;
    result.processingP95Ms = processing.p95;
  }
  return result;
}

const LIBRARIES: readonly Library[] = ['frontdesk', 'nfc-pcsc', 'pcsclite alone'];

/**
 * The three side by side: `taps` each, in `rounds` rounds whose order turns (ours first, then
 * nfc-pcsc first, then the bare binding first, ...), so that no library always has the first or the
 * last turn on a machine whose speed drifts.
 */
export async function benchPcscComparison({ taps = 200, rounds = 4 } = {}): Promise<{
  ours: PcscLatency;
  nfcPcsc: PcscLatency;
  bare: PcscLatency;
}> {
  const samples = new Map<Library, Samples>(
    LIBRARIES.map((library) => [library, { insertMs: [], removalMs: [], processingMs: [], missed: 0 }]),
  );
  for (let round = 0; round < rounds; round += 1) {
    const share = Math.floor(taps / rounds) + (round < taps % rounds ? 1 : 0);
    for (let turn = 0; turn < LIBRARIES.length; turn += 1) {
      const library = LIBRARIES[(round + turn) % LIBRARIES.length]!;
      const got = await collect(library, share);
      const all = samples.get(library)!;
      all.insertMs.push(...got.insertMs);
      all.removalMs.push(...got.removalMs);
      all.processingMs.push(...got.processingMs);
      all.missed += got.missed;
    }
  }
  const result = (library: Library) => summariseTaps(library, taps, samples.get(library)!);
  return { ours: result('frontdesk'), nfcPcsc: result('nfc-pcsc'), bare: result('pcsclite alone') };
}

export function printPcscLatency(result: PcscLatency): void {
  const processing =
    result.processingP50Ms === undefined
      ? ''
      : `; own processing p50 ${fmt(result.processingP50Ms)}, p95 ${fmt(result.processingP95Ms ?? Number.NaN)}`;
  console.log(
    `PC/SC tap (${result.library}, ${result.taps} taps, ${result.missed} missed): insert → UID p50 ${fmt(result.p50Ms)}, ` +
      `p95 ${fmt(result.p95Ms)}, max ${fmt(result.maxMs)}; remove → event p50 ${fmt(result.removalP50Ms)}, ` +
      `p95 ${fmt(result.removalP95Ms)}${processing}`,
  );
}

/** Each library's figures, then ours against each of the others with a 95% interval. */
export function printPcscComparison({
  ours,
  nfcPcsc,
  bare,
}: Record<'ours' | 'nfcPcsc' | 'bare', PcscLatency>): void {
  for (const result of [ours, nfcPcsc, bare]) printPcscLatency(result);
  const compare = (other: PcscLatency, goal: boolean) => {
    for (const p of [50, 95]) {
      const interval = percentileRatio(ours.processingMs, other.processingMs, p);
      const verdict = goal ? `   goal ours no slower: ${verdictNoSlower(interval)}` : '';
      console.log(`    p${p} ${fmtRatio(interval)}${verdict}`);
    }
  };
  console.log('  event → UID, ours vs nfc-pcsc:');
  compare(nfcPcsc, true);
  console.log('  event → UID, ours vs the bare pcsclite binding (what our checks and timeouts cost):');
  compare(bare, false);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const taps = Number(process.argv[2] ?? 200);
  printPcscComparison(await benchPcscComparison({ taps }));
  process.exit(0);
}
