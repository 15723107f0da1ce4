// The desk's reader settings: what the readers panel shows and what an administrator saves. A saved
// setting takes effect at once for every reader and screen (`onChanged`).
import type { ReaderSettings } from '../../../src-shared/api/readers';
import { BUILT_IN_READER_PROFILES, findReaderProfile } from '../../../src-shared/credentials/reader-profile';
import { DomainError } from '../ops/domain-error';
import type { OperationRunner } from '../ops/operations';
import type { Db } from '../store/database';
import { configureReaders, loadReaderSettings } from './reader-settings';

/** What the schema cannot see: profiles that exist, and lengths that fit together. */
function checkReaderSettings(settings: ReaderSettings): void {
  const profiles = [...Object.values(settings.profiles), settings.wedge.profileId];
  const unknown = profiles.find((id) => !findReaderProfile(id));
  if (unknown)
    throw new DomainError('bad_request', `There is no reader profile "${unknown}".`, [
      { path: 'profiles', message: 'Unknown profile.' },
    ]);
  if (settings.wedge.minLength > settings.wedge.maxLength) {
    throw new DomainError('bad_request', 'The shortest card number cannot be longer than the longest.', [
      { path: 'wedge.minLength', message: 'Larger than the maximum.' },
    ]);
  }
}

export function createReaderSettingsService(db: Db, ops: OperationRunner) {
  let settings = loadReaderSettings(db);
  const listeners = new Set<(settings: ReaderSettings) => void>();

  return {
    current: (): ReaderSettings => settings,
    /** The settings with the profiles an administrator can choose from. */
    view() {
      return {
        settings,
        profiles: BUILT_IN_READER_PROFILES.map((p) => ({ id: p.id, name: p.name, format: p.format })),
      };
    },
    configure(next: ReaderSettings, by: string): ReaderSettings {
      checkReaderSettings(next);
      settings = ops.run(configureReaders, next, by);
      for (const listener of listeners) listener(settings);
      return settings;
    },
    onChanged(listener: (settings: ReaderSettings) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export type ReaderSettingsService = ReturnType<typeof createReaderSettingsService>;
