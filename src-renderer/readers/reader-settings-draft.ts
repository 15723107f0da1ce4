// The reader settings as the settings form edits them: HID vendor and product ids as hex text (the
// way they are printed on the device and by lsusb), per-reader choices as rows, and each HID reader's
// profile with its device. The settings keep every choice under the reader's id, so a HID reader's
// profile follows its ids. Converted back and checked here before the core checks them again.
import type { ReaderSettings, ReadersOverview, WedgeSettings } from '../../src-shared/api/readers';
import { hidReaderId } from '../../src-shared/readers/reader-id';

export type ShareMode = ReaderSettings['shareModes'][string];

export interface HidDeviceDraft {
  vendorId: string;
  productId: string;
  name: string;
  /** A profile id, or DEFAULT_PROFILE_CHOICE. */
  profileId: string;
}

export interface ReaderSettingsDraft {
  /** Reader id → profile id, or DEFAULT_PROFILE_CHOICE. HID readers' profiles are on their devices. */
  profiles: Record<string, string>;
  /** PC/SC reader id → share mode. */
  shareModes: Record<string, ShareMode>;
  wedge: WedgeSettings;
  hidDevices: HidDeviceDraft[];
}

/** A reader the readers table can name: connected now, or remembered in the settings. */
export interface ReaderRow {
  id: string;
  name: string;
  backend: 'pcsc';
}

const HEX_ID = /^[0-9a-f]{1,4}$/i;
const PCSC_PREFIX = 'pcsc:';
const isHidId = (id: string) => id.startsWith('hid:');
/** The choice "the backend's default profile": not a profile id (ids have no parentheses). */
export const DEFAULT_PROFILE_CHOICE = '(default)';

export function hexId(value: number): string {
  return value.toString(16).toUpperCase().padStart(4, '0');
}

export function toDraft(settings: ReaderSettings): ReaderSettingsDraft {
  return {
    profiles: Object.fromEntries(Object.entries(settings.profiles).filter(([id]) => !isHidId(id))),
    shareModes: { ...settings.shareModes },
    wedge: { ...settings.wedge, terminators: [...settings.wedge.terminators] },
    hidDevices: settings.hidDevices.map((d) => ({
      vendorId: hexId(d.vendorId),
      productId: hexId(d.productId),
      name: d.name,
      profileId: settings.profiles[hidReaderId(d.vendorId, d.productId)] ?? DEFAULT_PROFILE_CHOICE,
    })),
  };
}

export type DraftCheck = { ok: true; settings: ReaderSettings } | { ok: false; invalidPaths: string[] };

/** The settings to send, or the paths of the fields that cannot be sent as they are. */
export function fromDraft(draft: ReaderSettingsDraft): DraftCheck {
  const invalidPaths: string[] = [];
  const seen = new Set<string>();
  const hidDevices = draft.hidDevices.map((device, index) => {
    for (const field of ['vendorId', 'productId'] as const) {
      if (!HEX_ID.test(device[field].trim())) invalidPaths.push(`hidDevices.${index}.${field}`);
    }
    const vendorId = Number.parseInt(device.vendorId.trim(), 16);
    const productId = Number.parseInt(device.productId.trim(), 16);
    const id = hidReaderId(vendorId, productId);
    // Two rows with the same ids are one reader: it would have one profile, not the two shown.
    if (seen.has(id)) invalidPaths.push(`hidDevices.${index}.duplicate`);
    seen.add(id);
    return { id, settings: { vendorId, productId, name: device.name.trim() }, profileId: device.profileId };
  });
  if (invalidPaths.length > 0) return { ok: false, invalidPaths };
  const profiles = Object.fromEntries(
    Object.entries(draft.profiles).filter(
      ([id, profile]) => profile !== DEFAULT_PROFILE_CHOICE && !isHidId(id),
    ),
  );
  for (const device of hidDevices) {
    if (device.profileId !== DEFAULT_PROFILE_CHOICE) profiles[device.id] = device.profileId;
  }
  return {
    ok: true,
    settings: {
      profiles,
      shareModes: { ...draft.shareModes },
      wedge: { ...draft.wedge },
      hidDevices: hidDevices.map((device) => device.settings),
    },
  };
}

/**
 * The readers table: connected PC/SC readers first, then those only the settings remember (unplugged
 * now). HID readers have their own part of the form, with their ids; the wedge reader too.
 */
export function readerRows(overview: ReadersOverview | null, settings: ReaderSettings | null): ReaderRow[] {
  const rows = new Map<string, ReaderRow>();
  const remember = (id: string) => {
    if (!rows.has(id) && id.startsWith(PCSC_PREFIX)) {
      rows.set(id, { id, name: id.slice(PCSC_PREFIX.length), backend: 'pcsc' });
    }
  };
  for (const reader of overview?.readers ?? []) {
    if (reader.backend === 'pcsc') rows.set(reader.id, { id: reader.id, name: reader.name, backend: 'pcsc' });
  }
  for (const id of Object.keys(settings?.profiles ?? {})) remember(id);
  for (const id of Object.keys(settings?.shareModes ?? {})) remember(id);
  return [...rows.values()];
}
