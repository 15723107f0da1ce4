import type { ReaderSettings } from '../../../src-shared/api/readers';
import { hidReaderId, pcscReaderId } from '../../../src-shared/readers/reader-id';
import { createHidBackend, type HidReaderConfig } from './hid/hid-backend';
import { createPcscBackend } from './pcsc/pcsc-backend';
import type { ReaderBackend } from './reader-backend';

/** The HID readers the settings list, under the reader ids their profiles are kept by. */
export function hidReaderConfigs(devices: ReaderSettings['hidDevices']): HidReaderConfig[] {
  return devices.map((d) => ({
    vendorId: d.vendorId,
    productId: d.productId,
    // No name: the backend names the reader after what the device calls itself.
    ...(d.name ? { name: d.name } : {}),
    readerId: hidReaderId(d.vendorId, d.productId),
  }));
}

/**
 * The readers of this machine: PC/SC always (it reports itself unavailable without the library), HID
 * readers as configured when the desk starts.
 */
export function systemReaderBackends(current: () => ReaderSettings): ReaderBackend[] {
  const settings = current();
  // The share mode is read at every connect, so a changed setting applies from the next tap.
  const backends: ReaderBackend[] = [
    createPcscBackend({ mode: (name) => current().shareModes[pcscReaderId(name)] ?? 'shared' }),
  ];
  if (settings.hidDevices.length > 0) {
    backends.push(createHidBackend({ devices: hidReaderConfigs(settings.hidDevices) }));
  }
  return backends;
}
