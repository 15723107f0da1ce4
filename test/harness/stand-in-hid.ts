// node-hid for tests: node-hid sees no devices on a test machine, so this stand-in lists the readers a
// test plugs in and opens devices that send the boot-keyboard reports a reader sends when it types.
import { EventEmitter } from 'node:events';
import type {
  NodeHidDevice,
  NodeHidDeviceInfo,
  NodeHidModule,
} from '../../src-main/core/readers/hid/node-hid-module';
import { encodeBootReports } from '../../src-shared/readers/hid-keyboard';

export class StandInHidDevice extends EventEmitter implements NodeHidDevice {
  isClosed = false;
  async close(): Promise<void> {
    this.isClosed = true;
  }
  /** The reports of a reader typing `text` (end it with "\n" for the Enter most readers send). */
  type(text: string): void {
    for (const report of encodeBootReports(text)) this.emit('data', Buffer.from(report));
  }
}

export class StandInHid implements NodeHidModule {
  readonly opened: StandInHidDevice[] = [];
  /** Plugs in keyboard-type readers by USB ids. */
  constructor(readonly attached: Array<{ vendorId: number; productId: number }>) {}
  async devicesAsync(): Promise<NodeHidDeviceInfo[]> {
    return this.attached.map((ids, index) => ({
      ...ids,
      path: `/dev/hidraw${index}`,
      usagePage: 1,
      usage: 6,
    }));
  }
  HIDAsync = {
    open: async (path: string): Promise<StandInHidDevice> => {
      if (!path.startsWith('/dev/hidraw')) throw new Error(`cannot open device with path ${path}`);
      const device = new StandInHidDevice();
      this.opened.push(device);
      return device;
    },
  };
}
