import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  createHidBackend,
  type HidBackendClock,
} from '../../../../../../src-main/core/readers/hid/hid-backend.js';
import {
  loadNodeHid,
  type NodeHidDevice,
  type NodeHidDeviceInfo,
  type NodeHidModule,
} from '../../../../../../src-main/core/readers/hid/node-hid-module.js';
import type {
  RawRead,
  ReaderBackend,
  ReaderStatus,
} from '../../../../../../src-main/core/readers/reader-backend.js';
import { encodeBootReports } from '../../../../../../src-shared/readers/hid-keyboard.js';
import { expectWords } from '../reader-words.js';

const READER = { vendorId: 0x08ff, productId: 0x0009, readerId: 'desk-hid' };
const KEYBOARD_INFO: NodeHidDeviceInfo = {
  ...READER,
  path: '/dev/hidraw3',
  product: 'RFID Reader',
  usagePage: 1,
  usage: 6,
};

class ManualClock implements HidBackendClock {
  time = Date.UTC(2025, 0, 1);
  private timers: Array<{ at: number; callback: () => void }> = [];
  now = (): number => this.time;
  setTimer(callback: () => void, ms: number): () => void {
    const timer = { at: this.time + ms, callback };
    this.timers.push(timer);
    return () => (this.timers = this.timers.filter((other) => other !== timer));
  }
  async advance(ms: number): Promise<void> {
    const end = this.time + ms;
    for (;;) {
      const next = this.timers.filter((timer) => timer.at <= end).sort((a, b) => a.at - b.at)[0];
      if (!next) break;
      this.timers = this.timers.filter((timer) => timer !== next);
      this.time = next.at;
      next.callback();
      await settle();
    }
    this.time = end;
  }
}

/** Lets the backend's pending promises (load, list, open) run. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

class FakeDevice extends EventEmitter implements NodeHidDevice {
  isClosed = false;
  async close(): Promise<void> {
    this.isClosed = true;
  }
  replay(reports: readonly Uint8Array[]): void {
    for (const report of reports) this.emit('data', Buffer.from(report));
  }
}

class FakeHid implements NodeHidModule {
  attached: NodeHidDeviceInfo[] = [];
  opened: FakeDevice[] = [];
  openError: Error | undefined;
  listError: Error | undefined;
  async devicesAsync(): Promise<NodeHidDeviceInfo[]> {
    if (this.listError) throw this.listError;
    return [...this.attached];
  }
  HIDAsync = {
    open: async (path: string): Promise<FakeDevice> => {
      if (this.openError) throw this.openError;
      if (!this.attached.some((info) => info.path === path))
        throw new Error(`cannot open device with path ${path}`);
      const device = new FakeDevice();
      this.opened.push(device);
      return device;
    },
  };
  get device(): FakeDevice {
    const device = this.opened.at(-1);
    if (!device) throw new Error('nothing opened');
    return device;
  }
}

let backend: ReaderBackend | undefined;
afterEach(async () => backend?.stop());

async function startBackend(
  hid: FakeHid | (() => Promise<NodeHidModule>),
  options: { platform?: string } = {},
) {
  const clock = new ManualClock();
  const load = typeof hid === 'function' ? hid : async () => hid;
  backend = createHidBackend({ devices: [READER], load, clock, rescanMs: 2000, ...options });
  const reads: RawRead[] = [];
  const readerEvents: ReaderStatus[] = [];
  backend.on('read', (read) => reads.push(read));
  backend.on('reader', (status) => readerEvents.push(status));
  backend.start();
  await settle();
  return { backend, clock, reads, readerEvents };
}

const texts = (reads: readonly RawRead[]) =>
  reads.map((read) => (read.kind === 'text' ? read.text : '(bytes)'));

describe('createHidBackend', () => {
  it('opens the configured reader and turns its reports into text reads', async () => {
    const hid = new FakeHid();
    hid.attached = [{ ...READER, path: '/dev/hidraw2', usagePage: 0xff00, usage: 1 }, KEYBOARD_INFO];
    const { backend, reads } = await startBackend(hid);
    expect(backend.status().state).toBe('up');
    expect(backend.readers()).toMatchObject([
      { id: 'desk-hid', name: 'RFID Reader', state: 'idle', backend: 'hid' },
    ]);
    hid.device.replay(encodeBootReports('0012345678\n'));
    hid.device.replay(encodeBootReports('00AB12\n', { releaseBetweenKeys: false }));
    expect(texts(reads)).toEqual(['0012345678', '00AB12']);
    expect(reads[0]).toMatchObject({ kind: 'text', readerId: 'desk-hid', backend: 'hid' });
    expect(typeof reads[0]?.seenAt).toBe('bigint');
    expect(backend.readers()[0]?.lastEvent?.summary).toBe('Read 6 characters');
  });

  it('ends reads of a reader without terminator after its idle time', async () => {
    const hid = new FakeHid();
    hid.attached = [KEYBOARD_INFO];
    const clock = new ManualClock();
    backend = createHidBackend({
      devices: [{ ...READER, terminators: [], idleMs: 80 }],
      load: async () => hid,
      clock,
    });
    const reads: RawRead[] = [];
    backend.on('read', (read) => reads.push(read));
    backend.start();
    await settle();
    hid.device.replay(encodeBootReports('4711'));
    await clock.advance(79);
    expect(reads).toEqual([]);
    await clock.advance(1);
    expect(texts(reads)).toEqual(['4711']);
  });

  it('marks the reader gone on unplug and opens it again when it is plugged back in', async () => {
    const hid = new FakeHid();
    hid.attached = [KEYBOARD_INFO];
    const { backend, clock, reads } = await startBackend(hid);
    const first = hid.device;
    first.replay(encodeBootReports('123'));
    hid.attached = [];
    first.emit('error', new Error('could not read from HID device'));
    expect(backend.readers()[0]).toMatchObject({ state: 'gone' });
    expect(backend.readers()[0]?.lastError?.message).toMatch(
      /Disconnected \(could not read from HID device\)/u,
    );
    await settle();
    expect(first.isClosed).toBe(true);
    await clock.advance(2000);
    expect(backend.readers()[0]?.state).toBe('gone');
    hid.attached = [KEYBOARD_INFO];
    await clock.advance(2000);
    expect(backend.readers()[0]?.state).toBe('idle');
    expect(hid.opened).toHaveLength(2);
    // Nothing typed before the unplug leaks into the next read.
    hid.device.replay(encodeBootReports('456\n'));
    expect(texts(reads)).toEqual(['456']);
  });

  it('tells which udev rule to add when Linux denies access, once, not at every rescan', async () => {
    const hid = new FakeHid();
    hid.attached = [KEYBOARD_INFO];
    hid.openError = new Error(
      "cannot open device with path /dev/hidraw3: Failed to open a device with path '/dev/hidraw3': Permission denied",
    );
    const { backend, clock, readerEvents } = await startBackend(hid, { platform: 'linux' });
    const status = backend.readers()[0];
    expect(status?.state).toBe('error');
    expect(status?.lastError?.message).toContain(
      'SUBSYSTEM=="hidraw", ATTRS{idVendor}=="08ff", ATTRS{idProduct}=="0009", MODE="0660", GROUP="plugdev"',
    );
    expect(status?.lastError?.message).toContain('TAG+="uaccess"');
    await clock.advance(6000);
    expect(readerEvents.filter((event) => event.state === 'error')).toHaveLength(1);
    hid.openError = undefined;
    await clock.advance(2000);
    expect(backend.readers()[0]?.state).toBe('idle');
  });

  it('tells Windows and macOS users to use keyboard-wedge mode for a keyboard reader', async () => {
    for (const platform of ['win32', 'darwin']) {
      const hid = new FakeHid();
      hid.attached = [KEYBOARD_INFO];
      hid.openError = new Error('cannot open device with path \\\\?\\hid#vid_08ff: Access is denied.');
      const { backend } = await startBackend(hid, { platform });
      expect(backend.readers()[0]?.lastError?.message).toMatch(
        /keeps keyboards for itself.*keyboard-wedge mode/su,
      );
      await backend.stop();
    }
  });

  it('reports node-hid missing as unavailable, saying how to install it', async () => {
    const missing = Object.assign(new Error("Cannot find package 'node-hid' imported from /app/main.js"), {
      code: 'ERR_MODULE_NOT_FOUND',
    });
    const { backend } = await startBackend(() => Promise.reject(missing));
    expect(backend.status()).toMatchObject({ backend: 'hid', state: 'unavailable' });
    expect(backend.status().message).toMatch(/npm install node-hid@3\.4\.0/u);
  });

  it('reports a native part that does not load as unavailable, naming the libraries on Linux', async () => {
    const hid = new FakeHid();
    hid.listError = new Error('libusb-1.0.so.0: cannot open shared object file: No such file or directory');
    const { backend } = await startBackend(hid, { platform: 'linux' });
    expect(backend.status().state).toBe('unavailable');
    expect(backend.status().message).toMatch(/apt install libusb-1\.0-0 libudev1/u);
  });

  it('shows a wrong-length report as a reader error and recovers on the next good report', async () => {
    const hid = new FakeHid();
    hid.attached = [KEYBOARD_INFO];
    const { backend, reads } = await startBackend(hid);
    hid.device.emit('data', Buffer.from([1, 0, 0x1e]));
    expect(backend.readers()[0]).toMatchObject({ state: 'error' });
    expect(backend.readers()[0]?.lastError?.message).toMatch(/3 bytes/u);
    hid.device.replay(encodeBootReports('77\n'));
    expect(backend.readers()[0]?.state).toBe('idle');
    expect(texts(reads)).toEqual(['77']);
  });

  it('gives every status and reader message its words for the readers panel', async () => {
    const hid = new FakeHid();
    hid.attached = [KEYBOARD_INFO];
    const { backend, clock } = await startBackend(hid, { platform: 'linux' });
    hid.device.emit('data', Buffer.from([1, 0, 0x1e]));
    let reader = backend.readers()[0];
    expectWords(reader?.lastError?.message, reader?.lastError?.words, {
      key: 'hid_report_length',
      params: { length: 3, expected: 8 },
    });
    hid.device.replay(encodeBootReports('4711\n'));
    reader = backend.readers()[0];
    expectWords(reader?.lastEvent?.summary, reader?.lastEvent?.words, {
      key: 'hid_read',
      params: { count: 4 },
    });
    hid.attached = [];
    hid.device.emit('error', new Error('could not read from HID device'));
    reader = backend.readers()[0];
    expectWords(reader?.lastError?.message, reader?.lastError?.words, {
      key: 'hid_disconnected',
      params: { detail: 'could not read from HID device' },
    });
    hid.listError = new Error('hid_enumerate failed');
    await clock.advance(2000);
    expectWords(backend.status().message, backend.status().words, {
      key: 'hid_list_failed',
      params: { detail: 'hid_enumerate failed' },
    });
    await backend.stop();
    expectWords(backend.status().message, backend.status().words, { key: 'hid_stopped' });
  });

  it('closes the device and stops rescanning on stop', async () => {
    const hid = new FakeHid();
    hid.attached = [KEYBOARD_INFO];
    const { backend, clock } = await startBackend(hid);
    await backend.stop();
    expect(hid.device.isClosed).toBe(true);
    expect(backend.status().state).toBe('down');
    await clock.advance(10_000);
    expect(hid.opened).toHaveLength(1);
  });
});

describe('the real node-hid module', () => {
  it('loads and lists HID devices (none on CI machines), opening the first one where there is one', async () => {
    const hid = await loadNodeHid();
    const devices = await hid.devicesAsync();
    expect(Array.isArray(devices)).toBe(true);
    const openable = devices.find((info) => info.path);
    if (openable?.path) {
      const device = await hid.HIDAsync.open(openable.path).catch(() => undefined);
      await device?.close();
    }
  });

  it('reports an absent configured reader as not connected', async () => {
    const clock = new ManualClock();
    backend = createHidBackend({ devices: [{ ...READER, vendorId: 0xfff0, productId: 0xfff1 }], clock });
    backend.start();
    await vi.waitFor(() => expect(backend?.status().state).toBe('up'));
    expect(backend.readers()[0]?.state).toBe('gone');
  });

  it('refuses to open a device path that does not exist with the OS reason', async () => {
    const hid = await loadNodeHid();
    await expect(hid.HIDAsync.open('/dev/hidraw-frontdesk-missing')).rejects.toThrow(
      /No such file|cannot open/u,
    );
  });
});
