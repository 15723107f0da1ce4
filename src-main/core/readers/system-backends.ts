import type { ReaderSettings } from '../../../src-shared/api/readers';
import { createHidBackend } from './hid/hid-backend';
import { createPcscBackend } from './pcsc/pcsc-backend';
import type { ReaderBackend } from './reader-backend';

/**
 * The readers of this machine: PC/SC always (it reports itself unavailable without the library), HID
 * readers as configured when the desk starts.
 */
export function systemReaderBackends(current: () => ReaderSettings): ReaderBackend[] {
  const settings = current();
  // The share mode is read at every connect, so a changed setting applies from the next tap.
  const backends: ReaderBackend[] = [
    createPcscBackend({ mode: (name) => current().pcscMode[name] ?? 'shared' }),
  ];
  if (settings.hidDevices.length > 0) {
    backends.push(
      createHidBackend({
        devices: settings.hidDevices.map((d) => ({
          vendorId: d.vendorId,
          productId: d.productId,
          name: d.name,
          readerId: `hid:${d.vendorId.toString(16).padStart(4, '0')}:${d.productId.toString(16).padStart(4, '0')}`,
        })),
      }),
    );
  }
  return backends;
}
