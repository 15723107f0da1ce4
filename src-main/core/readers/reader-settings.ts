import type { ReaderSettings } from '../../../src-shared/api/readers';
import { defineOperation } from '../ops/operations';
import type { Db } from '../store/database';
import { upgradeReaderSettings } from './upgrade-reader-settings';

export const DEFAULT_READER_SETTINGS: ReaderSettings = {
  profiles: {},
  shareModes: {},
  wedge: {
    isEnabled: true,
    profileId: 'wedge-hex',
    maxInterKeyMs: 35,
    minLength: 4,
    maxLength: 64,
    prefix: '',
    suffix: '',
    terminators: ['Enter'],
  },
  hidDevices: [],
};

/** Default reader profile per backend, when a reader has none of its own. */
export const DEFAULT_PROFILE = { pcsc: 'pcsc-uid', hid: 'wedge-hex', wedge: 'wedge-hex' } as const;

export function loadReaderSettings(db: Db): ReaderSettings {
  const row = db.prepare(`SELECT value FROM desk_meta WHERE key = 'reader_settings'`).pluck().get() as
    string | undefined;
  if (!row) return DEFAULT_READER_SETTINGS;
  let stored: unknown;
  try {
    stored = JSON.parse(row);
  } catch {
    return DEFAULT_READER_SETTINGS;
  }
  // Settings an earlier version saved are read in today's shape; the next save stores that shape.
  return upgradeReaderSettings(stored) ?? DEFAULT_READER_SETTINGS;
}

/** Reader settings are this desk's own: audited, not synced. */
export const configureReaders = defineOperation<ReaderSettings, ReaderSettings>(
  'readers.configure',
  ({ db }, settings) => {
    db.prepare(
      `INSERT INTO desk_meta (key, value) VALUES ('reader_settings', ?)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
    ).run(JSON.stringify(settings));
    return { result: settings, recordType: 'desk', recordId: 'reader_settings', audit: { settings } };
  },
);
