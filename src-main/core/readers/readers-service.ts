// Runs the reader backends, feeds their reads through the pipeline, and keeps the readers panel's
// picture (backend health, each reader's state, last event, last error).
import type { CardPresented, ReadersOverview, ReaderSettings } from '../../../src-shared/api/readers';
import { BUILT_IN_READER_PROFILES } from '../../../src-shared/credentials/reader-profile';
import type { RawRead, ReaderBackend, ReaderStatus } from './reader-backend';

export interface ReadersServiceDeps {
  backends: ReaderBackend[];
  handle(read: RawRead): CardPresented;
  onPresented(event: CardPresented): void;
  onChanged(overview: ReadersOverview): void;
  settings(): ReaderSettings;
}

const SUMMARY: Record<CardPresented['status'], string> = {
  active: 'active card',
  blocked: 'blocked card',
  expired: 'expired card',
  not_yet_active: 'card not yet active',
  unknown: 'unknown card',
  ambiguous: 'ambiguous card number',
  unusable: 'card with a random UID',
  unreadable: 'unreadable card',
};

function summarise(event: CardPresented): string {
  const who = event.holder ? ` (${event.holder.givenName} ${event.holder.familyName})` : '';
  const credential = event.credential ? ` ${event.credential.hex}` : '';
  return `${SUMMARY[event.status]}${credential}${who}`;
}

export function createReadersService(deps: ReadersServiceDeps) {
  const wedge: ReaderStatus = { id: 'wedge', name: 'Keyboard-wedge reader', backend: 'wedge', state: 'idle' };
  const unsubscribers: Array<() => void> = [];

  function overview(): ReadersOverview {
    const wedgeEnabled = deps.settings().wedge.isEnabled;
    return {
      backends: [
        ...deps.backends.map((b) => b.status()),
        {
          backend: 'wedge',
          state: wedgeEnabled ? 'up' : 'unavailable',
          ...(wedgeEnabled ? {} : { message: 'Turned off in the reader settings.' }),
        },
      ],
      readers: [...deps.backends.flatMap((b) => b.readers()), ...(wedgeEnabled ? [wedge] : [])],
    };
  }

  function present(read: RawRead): CardPresented {
    const event = deps.handle(read);
    deps.onPresented(event);
    if (read.backend === 'wedge') {
      wedge.lastEvent = { at: event.at, summary: summarise(event) };
      deps.onChanged(overview());
    }
    return event;
  }

  for (const backend of deps.backends) {
    unsubscribers.push(backend.on('read', (read) => void present(read)));
    unsubscribers.push(backend.on('reader', () => deps.onChanged(overview())));
    unsubscribers.push(backend.on('status', () => deps.onChanged(overview())));
    unsubscribers.push(backend.on('removed', () => deps.onChanged(overview())));
  }

  return {
    start() {
      for (const backend of deps.backends) backend.start();
    },
    async stop() {
      for (const off of unsubscribers) off();
      await Promise.all(deps.backends.map((b) => b.stop()));
    },
    overview,
    /** The settings changed (the wedge turned on or off): every screen gets the new overview. */
    settingsChanged() {
      deps.onChanged(overview());
    },
    profiles: () => BUILT_IN_READER_PROFILES.map((p) => ({ id: p.id, name: p.name, format: p.format })),
    wedgeRead(text: string): CardPresented {
      return present({
        kind: 'text',
        readerId: 'wedge',
        backend: 'wedge',
        text,
        seenAt: process.hrtime.bigint(),
      });
    },
  };
}
