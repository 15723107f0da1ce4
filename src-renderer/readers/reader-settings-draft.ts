// The reader settings as the settings form edits them: HID vendor and product ids as hex text (the
// way they are printed on the device and by lsusb), per-reader choices as rows. Converted back and
// checked here before the core checks them again.
import type { ReaderSettings, ReadersOverview, WedgeSettings } from '../../src-shared/api/readers';

export interface HidDeviceDraft {
  vendorId: string;
  productId: string;
  name: string;
  profileId: string;
}

export interface ReaderSettingsDraft {
  /** Reader id → profile id, or DEFAULT_PROFILE_CHOICE. */
  profiles: Record<string, string>;
  /** PC/SC reader name → share mode. */
  pcscMode: Record<string, 'shared' | 'exclusive'>;
  wedge: WedgeSettings;
  hidDevices: HidDeviceDraft[];
}

/** A reader the settings can name: connected now, or remembered in the settings. */
export interface ReaderRow {
  id: string;
  name: string;
  backend: 'pcsc' | 'hid';
}

const HEX_ID = /^[0-9a-f]{1,4}$/i;
/** The choice "the backend's default profile": not a profile id (ids have no parentheses). */
export const DEFAULT_PROFILE_CHOICE = '(default)';

export function hexId(value: number): string {
  return value.toString(16).toUpperCase().padStart(4, '0');
}

export function toDraft(settings: ReaderSettings): ReaderSettingsDraft {
  return {
    profiles: { ...settings.profiles },
    pcscMode: { ...settings.pcscMode },
    wedge: { ...settings.wedge, terminators: [...settings.wedge.terminators] },
    hidDevices: settings.hidDevices.map((d) => ({
      ...d,
      vendorId: hexId(d.vendorId),
      productId: hexId(d.productId),
    })),
  };
}

export type DraftCheck = { ok: true; settings: ReaderSettings } | { ok: false; invalidPaths: string[] };

/** The settings to send, or the paths of the fields that cannot be sent as they are. */
export function fromDraft(draft: ReaderSettingsDraft): DraftCheck {
  const invalidPaths: string[] = [];
  const hidDevices = draft.hidDevices.map((device, index) => {
    for (const field of ['vendorId', 'productId'] as const) {
      if (!HEX_ID.test(device[field].trim())) invalidPaths.push(`hidDevices.${index}.${field}`);
    }
    return {
      vendorId: Number.parseInt(device.vendorId.trim(), 16),
      productId: Number.parseInt(device.productId.trim(), 16),
      name: device.name.trim(),
      profileId: device.profileId,
    };
  });
  if (invalidPaths.length > 0) return { ok: false, invalidPaths };
  const profiles = Object.fromEntries(
    Object.entries(draft.profiles).filter(([, profile]) => profile !== DEFAULT_PROFILE_CHOICE),
  );
  return {
    ok: true,
    settings: { profiles, pcscMode: { ...draft.pcscMode }, wedge: { ...draft.wedge }, hidDevices },
  };
}

/** PC/SC reader ids are "pcsc:" + the name pcscd gives the reader. */
function nameOfId(id: string): string {
  return id.replace(/^(pcsc|hid):/, '');
}

/** Connected readers first, then readers only the settings remember (unplugged now). */
export function readerRows(overview: ReadersOverview | null, settings: ReaderSettings | null): ReaderRow[] {
  const rows = new Map<string, ReaderRow>();
  for (const reader of overview?.readers ?? []) {
    if (reader.backend !== 'wedge')
      rows.set(reader.id, { id: reader.id, name: reader.name, backend: reader.backend });
  }
  for (const id of Object.keys(settings?.profiles ?? {})) {
    if (!rows.has(id) && id !== 'wedge') {
      rows.set(id, { id, name: nameOfId(id), backend: id.startsWith('hid:') ? 'hid' : 'pcsc' });
    }
  }
  for (const name of Object.keys(settings?.pcscMode ?? {})) {
    const id = `pcsc:${name}`;
    if (!rows.has(id)) rows.set(id, { id, name, backend: 'pcsc' });
  }
  return [...rows.values()];
}
