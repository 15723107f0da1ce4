// Reads card readers that present themselves as USB keyboards, straight from their HID reports (no
// focused window needed, and the reader is known by its ids). Configured readers are opened by vendor
// and product id; a periodic rescan opens them again after an unplug, and the readers panel is told
// in words why one cannot be opened. Linux note: the kernel still feeds the same keys to the desktop,
// so a reader read here also types into the focused window unless the wedge reader is off for it.

import type { Clock } from '../../ops/context.js';
import {
  createHidKeyboardDecoder,
  HidReportLengthError,
  type HidKeyboardDecoder,
  type HidTerminator,
} from '../../../../src-shared/readers/hid-keyboard.js';
import type {
  BackendStatus,
  RawRead,
  ReaderBackend,
  ReaderBackendEvents,
  ReaderMessage,
  ReaderState,
  ReaderStatus,
} from '../reader-backend.js';
import {
  describeRead,
  explainDisconnect,
  explainListError,
  explainLoadError,
  explainOpenError,
  explainReportLength,
  formatHidIds,
  LOOKING,
  NOT_CONNECTED,
  NOT_STARTED,
  STOPPED,
} from './hid-messages.js';
import {
  loadNodeHid,
  type NodeHidDevice,
  type NodeHidDeviceInfo,
  type NodeHidModule,
} from './node-hid-module.js';

export interface HidReaderConfig {
  vendorId: number;
  productId: number;
  name?: string;
  readerId: string;
  /** Keys that end a read; [] for readers that send none (a read then ends after idleMs). */
  terminators?: readonly HidTerminator[];
  idleMs?: number;
  /** For readers with numbered reports (9-byte reports). */
  reportId?: number;
}

export interface HidBackendClock extends Clock {
  /** Runs `callback` once after `ms`; returns a function that cancels it. */
  setTimer(callback: () => void, ms: number): () => void;
}

export interface HidBackendOptions {
  devices: readonly HidReaderConfig[];
  load?: () => Promise<NodeHidModule>;
  clock?: HidBackendClock;
  /** How often to look for readers that are not open (unplugged, refused). */
  rescanMs?: number;
  platform?: string;
  /** For RawRead.seenAt. */
  hrtime?: () => bigint;
}

const systemTimerClock: HidBackendClock = {
  now: () => Date.now(),
  setTimer(callback, ms) {
    const timer = setTimeout(callback, ms);
    timer.unref();
    return () => clearTimeout(timer);
  },
};

interface ReaderSlot {
  config: HidReaderConfig;
  status: ReaderStatus;
  decoder: HidKeyboardDecoder;
  device?: NodeHidDevice;
  isOpening: boolean;
  firstKeyAt?: bigint;
  cancelIdleFlush?: () => void;
}

const KEYBOARD_USAGE_PAGE = 0x01;
const KEYBOARD_USAGE = 0x06;
const isKeyboard = (info: NodeHidDeviceInfo): boolean =>
  info.usagePage === KEYBOARD_USAGE_PAGE && info.usage === KEYBOARD_USAGE;

/** A composite reader lists several interfaces with its ids: prefer the keyboard one. */
function pickInterface(
  infos: readonly NodeHidDeviceInfo[],
  config: HidReaderConfig,
): NodeHidDeviceInfo | undefined {
  const candidates = infos.filter(
    (info) => info.vendorId === config.vendorId && info.productId === config.productId && info.path,
  );
  return candidates.find(isKeyboard) ?? candidates[0];
}

export function createHidBackend(options: HidBackendOptions): ReaderBackend {
  const clock = options.clock ?? systemTimerClock;
  const load = options.load ?? loadNodeHid;
  const rescanMs = options.rescanMs ?? 2000;
  const platform = options.platform ?? process.platform;
  const hrtime = options.hrtime ?? (() => process.hrtime.bigint());
  const listeners: { [E in keyof ReaderBackendEvents]: Set<ReaderBackendEvents[E]> } = {
    read: new Set(),
    removed: new Set(),
    reader: new Set(),
    status: new Set(),
  };
  const slots: ReaderSlot[] = options.devices.map((config) => ({
    config,
    status: {
      id: config.readerId,
      name: config.name ?? `HID reader ${formatHidIds(config)}`,
      backend: 'hid',
      state: 'gone',
    },
    decoder: createHidKeyboardDecoder({
      terminators: config.terminators,
      idleMs: config.idleMs,
      reportId: config.reportId,
      now: () => clock.now(),
    }),
    isOpening: false,
  }));
  let status: BackendStatus = { backend: 'hid', state: 'down', ...NOT_STARTED };
  let hid: NodeHidModule | undefined;
  let hasListed = false;
  let isStarted = false;
  let isStopped = false;
  let cancelRescan: (() => void) | undefined;

  function emit<E extends keyof ReaderBackendEvents>(
    event: E,
    ...args: Parameters<ReaderBackendEvents[E]>
  ): void {
    for (const listener of listeners[event]) (listener as (...a: typeof args) => void)(...args);
  }
  const isoNow = (): string => new Date(clock.now()).toISOString();

  function setStatus(next: BackendStatus): void {
    if (next.state === status.state && next.message === status.message) return;
    status = next;
    emit('status', { ...status });
  }

  function setReader(slot: ReaderSlot, state: ReaderState, problem?: ReaderMessage): void {
    const isSame = slot.status.state === state && slot.status.lastError?.message === problem?.message;
    if (isSame || (problem === undefined && slot.status.state === state)) return;
    slot.status = { ...slot.status, state };
    if (problem !== undefined) slot.status.lastError = { at: isoNow(), ...problem };
    emit('reader', { ...slot.status });
  }

  function emitRead(slot: ReaderSlot, text: string, seenAt: bigint): void {
    const read: RawRead = { kind: 'text', readerId: slot.config.readerId, backend: 'hid', text, seenAt };
    const { message, words } = describeRead(text);
    slot.status = { ...slot.status, lastEvent: { at: isoNow(), summary: message, words } };
    emit('reader', { ...slot.status });
    emit('read', read);
  }

  function scheduleIdleFlush(slot: ReaderSlot): void {
    slot.cancelIdleFlush?.();
    slot.cancelIdleFlush = undefined;
    if (slot.decoder.pendingText === '') return;
    slot.cancelIdleFlush = clock.setTimer(() => {
      slot.cancelIdleFlush = undefined;
      const text = slot.decoder.flushIfIdle();
      if (text !== undefined) emitRead(slot, text, slot.firstKeyAt ?? hrtime());
      if (slot.decoder.pendingText === '') slot.firstKeyAt = undefined;
      else scheduleIdleFlush(slot);
    }, slot.config.idleMs ?? 100);
  }

  function onReport(slot: ReaderSlot, report: Uint8Array): void {
    const at = hrtime();
    const wasPending = slot.decoder.pendingText !== '';
    let texts: string[];
    try {
      texts = slot.decoder.push(report);
    } catch (error) {
      if (!(error instanceof HidReportLengthError)) throw error;
      setReader(slot, 'error', explainReportLength(error));
      return;
    }
    for (const [index, text] of texts.entries()) {
      emitRead(slot, text, index === 0 ? (slot.firstKeyAt ?? at) : at);
    }
    const isContinuing = wasPending && texts.length === 0;
    if (slot.decoder.pendingText === '') slot.firstKeyAt = undefined;
    else if (!isContinuing) slot.firstKeyAt = at;
    if (slot.status.state === 'error') setReader(slot, 'idle');
    scheduleIdleFlush(slot);
  }

  /** Drops the slot's device; resolves once it is closed. */
  async function forget(slot: ReaderSlot): Promise<void> {
    const device = slot.device;
    slot.device = undefined;
    slot.cancelIdleFlush?.();
    slot.cancelIdleFlush = undefined;
    slot.decoder.reset();
    slot.firstKeyAt = undefined;
    // A device that failed may fail to close too; it is gone either way.
    await device?.close().catch(() => undefined);
  }

  async function open(module: NodeHidModule, slot: ReaderSlot, info: NodeHidDeviceInfo & { path: string }) {
    slot.isOpening = true;
    try {
      const device = await module.HIDAsync.open(info.path);
      if (isStopped) {
        await device.close().catch(() => undefined);
        return;
      }
      slot.device = device;
      device.on('data', (report) => onReport(slot, report));
      device.on('error', (error) => {
        if (slot.device !== device) return;
        void forget(slot);
        setReader(slot, 'gone', explainDisconnect(error));
      });
      if (!slot.config.name && info.product) slot.status = { ...slot.status, name: info.product };
      setReader(slot, 'idle');
    } catch (error) {
      setReader(slot, 'error', explainOpenError(error, slot.config, platform, isKeyboard(info)));
    } finally {
      slot.isOpening = false;
    }
  }

  async function scan(module: NodeHidModule): Promise<void> {
    let infos: NodeHidDeviceInfo[];
    try {
      infos = await module.devicesAsync();
    } catch (error) {
      const retryAt = new Date(clock.now() + rescanMs).toISOString();
      setStatus(
        hasListed
          ? { backend: 'hid', state: 'down', ...explainListError(error), retryAt }
          : { backend: 'hid', state: 'unavailable', ...explainLoadError(error, platform), retryAt },
      );
      return;
    }
    hasListed = true;
    setStatus({ backend: 'hid', state: 'up' });
    const opening: Promise<void>[] = [];
    for (const slot of slots) {
      if (slot.device || slot.isOpening) continue;
      const info = pickInterface(infos, slot.config);
      if (info?.path) opening.push(open(module, slot, { ...info, path: info.path }));
      else if (slot.status.state !== 'gone') setReader(slot, 'gone', NOT_CONNECTED);
    }
    await Promise.all(opening);
  }

  async function scanRepeatedly(): Promise<void> {
    if (isStopped || !hid) return;
    await scan(hid);
    if (!isStopped) cancelRescan = clock.setTimer(() => void scanRepeatedly(), rescanMs);
  }

  async function run(): Promise<void> {
    try {
      hid = await load();
    } catch (error) {
      setStatus({ backend: 'hid', state: 'unavailable', ...explainLoadError(error, platform) });
      return;
    }
    await scanRepeatedly();
  }

  return {
    kind: 'hid',
    start() {
      if (isStarted) return;
      isStarted = true;
      setStatus({ backend: 'hid', state: 'down', ...LOOKING });
      void run();
    },
    async stop() {
      isStopped = true;
      cancelRescan?.();
      await Promise.all(slots.map(forget));
      setStatus({ backend: 'hid', state: 'down', ...STOPPED });
    },
    readers: () => slots.map((slot) => ({ ...slot.status })),
    status: () => ({ ...status }),
    on(event, listener) {
      listeners[event].add(listener);
      return () => listeners[event].delete(listener);
    },
  };
}
