// Reader settings as earlier versions of the desk stored them, brought to today's shape when they are
// read: a desk that is updated keeps its readers' profiles and share modes.
import { z } from 'zod';
import {
  hidDeviceSettings,
  readerProfileId,
  readerSettings,
  wedgeSettings,
  type ReaderSettings,
} from '../../../src-shared/api/readers';
import { hidReaderId, pcscReaderId } from '../../../src-shared/readers/reader-id';

/**
 * The first shape: PC/SC share modes keyed by reader name, and a profile on each HID device that the
 * pipeline never read (it looked the HID reader's id up in `profiles`, where the readers table put it).
 */
const firstShape = z.strictObject({
  profiles: z.record(z.string().min(1).max(200), readerProfileId),
  pcscMode: z.record(z.string().min(1).max(200), z.enum(['shared', 'exclusive'])),
  wedge: wedgeSettings,
  hidDevices: z.array(hidDeviceSettings.extend({ profileId: readerProfileId })).max(16),
});

/** Stored settings in today's shape, or null when they are neither today's nor an earlier one. */
export function upgradeReaderSettings(stored: unknown): ReaderSettings | null {
  const current = readerSettings.safeParse(stored);
  if (current.success) return current.data;
  const first = firstShape.safeParse(stored);
  if (!first.success) return null;
  const { profiles, pcscMode, wedge, hidDevices } = first.data;
  const upgraded: ReaderSettings = {
    profiles: { ...profiles },
    shareModes: Object.fromEntries(
      Object.entries(pcscMode).map(([name, mode]) => [pcscReaderId(name), mode]),
    ),
    wedge,
    hidDevices: [],
  };
  const seen = new Set<string>();
  for (const device of hidDevices) {
    const id = hidReaderId(device.vendorId, device.productId);
    // The same reader listed twice was opened once; the first entry is the one that was shown first.
    if (seen.has(id)) continue;
    seen.add(id);
    upgraded.hidDevices.push({ vendorId: device.vendorId, productId: device.productId, name: device.name });
    // A profile set for the reader in the readers table is what its reads used: it stays. Otherwise
    // the one chosen with the device is what the administrator meant.
    upgraded.profiles[id] ??= device.profileId;
  }
  const checked = readerSettings.safeParse(upgraded);
  return checked.success ? checked.data : null;
}
