// Runs the reader backends, feeds their reads through the pipeline, and keeps the readers panel's
// picture (backend health, each reader's state, last event, last error).
import { fullName } from '../../../src-shared/domain/full-name';
import type {
  CardPresented,
  ReaderMessageKey,
  ReadersOverview,
  ReaderSettings,
} from '../../../src-shared/api/readers';
import { DomainError } from '../ops/domain-error';
import type { RawRead, ReaderBackend, ReaderMessage, ReaderStatus } from './reader-backend';

export interface ReadersServiceDeps {
  backends: ReaderBackend[];
  handle(read: RawRead): CardPresented;
  onPresented(event: CardPresented): void;
  onChanged(overview: ReadersOverview): void;
  settings(): ReaderSettings;
}

/** The last card a wedge reader typed, by its status: the English words and the key of the screen's. */
const SUMMARY: Record<CardPresented['status'], { english: string; key: ReaderMessageKey }> = {
  active: { english: 'active card', key: 'presented_active' },
  blocked: { english: 'blocked card', key: 'presented_blocked' },
  expired: { english: 'expired card', key: 'presented_expired' },
  not_yet_active: { english: 'card not yet active', key: 'presented_not_yet_active' },
  unknown: { english: 'unknown card', key: 'presented_unknown' },
  ambiguous: { english: 'ambiguous card number', key: 'presented_ambiguous' },
  unusable: { english: 'card with a random UID', key: 'presented_unusable' },
  unreadable: { english: 'unreadable card', key: 'presented_unreadable' },
};

const WEDGE_OFF: ReaderMessage = {
  message: 'Turned off in the reader settings.',
  words: { key: 'wedge_off' },
};

// A found card always has its holder and a read credential; an unknown or ambiguous one has only the
// credential; an unreadable or unusable read has neither. Each key's words say exactly those parts.
function summarise(event: CardPresented): ReaderMessage {
  const params: Record<string, string> = {};
  const { english, key } = SUMMARY[event.status];
  let message = english;
  if (event.credential) {
    params.credential = event.credential.hex;
    message += ` ${event.credential.hex}`;
  }
  if (event.holder) {
    params.holder = fullName(event.holder);
    message += ` (${params.holder})`;
  }
  return { message, words: { key, params } };
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
          ...(wedgeEnabled ? {} : WEDGE_OFF),
        },
      ],
      readers: [...deps.backends.flatMap((b) => b.readers()), ...(wedgeEnabled ? [wedge] : [])],
    };
  }

  function present(read: RawRead): CardPresented {
    const event = deps.handle(read);
    deps.onPresented(event);
    if (read.backend === 'wedge') {
      const { message, words } = summarise(event);
      wedge.lastEvent = { at: event.at, summary: message, words };
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
    wedgeRead(text: string): CardPresented {
      if (!deps.settings().wedge.isEnabled)
        throw new DomainError('conflict', 'Keyboard-wedge readers are turned off in the reader settings.');
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
