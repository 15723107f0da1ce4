// The thin edge between the HID backend and node-hid: only the calls the backend makes, typed so the
// real module fits and a test can pass a fake one that replays recorded reports.

/** One HID interface as node-hid lists it. A composite reader lists several with the same ids. */
export interface NodeHidDeviceInfo {
  vendorId: number;
  productId: number;
  /** hidraw node on Linux, IOService path on macOS, device path on Windows; missing = cannot open. */
  path?: string | undefined;
  product?: string | undefined;
  manufacturer?: string | undefined;
  /** 0x01 / 0x06 is Generic Desktop / Keyboard: the interface a keyboard-style reader types on. */
  usagePage?: number | undefined;
  usage?: number | undefined;
}

export interface NodeHidDevice {
  /** 'data' carries one input report (a Buffer from node-hid); 'error' a failed read, e.g. unplugged. */
  on(event: 'data', listener: (report: Uint8Array) => void): unknown;
  on(event: 'error', listener: (error: unknown) => void): unknown;
  close(): Promise<void>;
}

export interface NodeHidModule {
  devicesAsync(): Promise<NodeHidDeviceInfo[]>;
  HIDAsync: { open(path: string): Promise<NodeHidDevice> };
}

/** node-hid is an optional dependency: this rejects where it is not installed. Its native part loads
 * on the first call (devicesAsync), so a broken native install shows up there, not here. */
export async function loadNodeHid(): Promise<NodeHidModule> {
  const hid = await import('node-hid');
  return hid;
}
