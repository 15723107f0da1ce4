import type {
  MethodName,
  MethodOutput,
  MethodParsedInput,
  SessionStatus,
} from '../../../src-shared/api/methods';
import { canSeeIdentityNumbers } from '../../../src-shared/domain/roles';
import type { SessionStore } from '../auth/sessions';
import type { createCardService } from '../cards/card-service';
import type { createHolderService } from '../holders/holder-service';
import { DomainError } from '../ops/domain-error';
import type { OperatorService } from '../operators/operator-service';
import { toOperatorSelf } from '../operators/operator-rows';
import type { createOrganisationService } from '../organisations/organisation-service';
import type { Connection } from './dispatcher';
import { bindCredential } from '../cards/bind-credential';
import { cardById } from '../cards/card-views';
import type { OperationRunner } from '../ops/operations';
import { configureReaders } from '../readers/reader-settings';
import type { createReadersService } from '../readers/readers-service';
import type { ReaderSettings } from '../../../src-shared/api/readers';
import { hexToBytes, isCredentialTechnology } from '../../../src-shared/credentials/credential';
import { credentialFromBytes } from '../../../src-shared/credentials/credential-from-bytes';
import { findReaderProfile } from '../../../src-shared/credentials/reader-profile';
import type { Db } from '../store/database';

export type Handlers = {
  [M in MethodName]: (
    input: MethodParsedInput<M>,
    connection: Connection,
  ) => MethodOutput<M> | Promise<MethodOutput<M>>;
};

export interface HandlerDeps {
  desk: { id: string; name: string };
  idleTimeoutSeconds: number;
  sessions: SessionStore;
  operators: OperatorService;
  holders: ReturnType<typeof createHolderService>;
  organisations: ReturnType<typeof createOrganisationService>;
  cards: ReturnType<typeof createCardService>;
  onLogout(connection: Connection): void;
  db: Db;
  ops: OperationRunner;
  readers: ReturnType<typeof createReadersService>;
  readerSettings(): ReaderSettings;
  setReaderSettings(settings: ReaderSettings): void;
}

function checkReaderSettings(settings: ReaderSettings): void {
  const profiles = [
    ...Object.values(settings.profiles),
    settings.wedge.profileId,
    ...settings.hidDevices.map((d) => d.profileId),
  ];
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

/** The dispatcher has already checked the session and role for non-public methods. */
function operatorOf(connection: Connection) {
  if (!connection.session) throw new DomainError('unauthenticated', 'Log in first.');
  return connection.session;
}

export function createHandlers(d: HandlerDeps): Handlers {
  const showFull = (c: Connection) => canSeeIdentityNumbers(operatorOf(c).roles);
  const by = (c: Connection) => operatorOf(c).operatorId;

  return {
    'session.status': (_input, c): SessionStatus => {
      const session = d.sessions.current(c.session);
      const row = session ? d.operators.byId(session.operatorId) : undefined;
      return {
        needsFirstAdmin: !d.operators.hasOperators(),
        operator: row ? toOperatorSelf(row) : null,
        desk: d.desk,
        idleTimeoutSeconds: d.idleTimeoutSeconds,
      };
    },
    'session.login': async ({ username, password }, c) => {
      const row = await d.operators.login(username, password);
      const self = toOperatorSelf(row);
      c.session = d.sessions.start(row.id, self.roles);
      return self;
    },
    'session.logout': (_input, c) => {
      d.onLogout(c);
      c.session = null;
      return {};
    },
    'session.keepAlive': () => ({}),
    'session.setLanguage': ({ language }, c) => d.operators.setLanguage(by(c), language),
    'setup.createFirstAdmin': async (input, c) => {
      if (d.operators.hasOperators()) {
        throw new DomainError('first_admin_exists', 'The first administrator already exists: log in.');
      }
      const row = await d.operators.createFirstAdmin(input);
      const self = toOperatorSelf(row);
      c.session = d.sessions.start(row.id, self.roles);
      return self;
    },

    'holders.search': ({ query, limit }, c) => d.holders.search(query, limit ?? 20, showFull(c)),
    'holders.get': ({ id }, c) => d.holders.get(id, showFull(c), by(c)),
    'holders.photo': ({ id }) => d.holders.photo(id),
    'holders.create': (input, c) => d.holders.create(input, by(c), showFull(c)),
    'holders.update': (input, c) => d.holders.update(input, by(c), showFull(c)),

    'organisations.list': () => ({ items: d.organisations.list() }),
    'organisations.create': (input, c) => d.organisations.create(input, by(c)),
    'organisations.update': (input, c) => d.organisations.update(input, by(c)),

    'cards.register': (input, c) => d.cards.register(input, by(c)),
    'cards.bindCredential': ({ cardId, technology, hex }, c) => {
      if (!isCredentialTechnology(technology)) {
        throw new DomainError('bad_request', `Unknown credential technology "${technology.slice(0, 40)}".`, [
          { path: 'technology', message: 'Unknown.' },
        ]);
      }
      const bytes = hexToBytes(hex);
      const credential = bytes.ok ? credentialFromBytes(technology, bytes.value) : bytes;
      if (!credential.ok)
        throw new DomainError('bad_request', credential.error.message, [
          { path: 'hex', message: credential.error.message },
        ]);
      d.ops.run(bindCredential, { cardId, technology, bytes: credential.value.bytes }, by(c));
      return cardById(d.db, cardId)!;
    },

    'readers.list': () => d.readers.overview(),
    'readers.settings': () => ({ settings: d.readerSettings(), profiles: d.readers.profiles() }),
    'readers.configure': (settings, c) => {
      checkReaderSettings(settings);
      const saved = d.ops.run(configureReaders, settings, by(c));
      d.setReaderSettings(saved);
      d.readers.settingsChanged();
      return saved;
    },
    'readers.wedgeRead': ({ text }) => {
      if (!d.readerSettings().wedge.isEnabled)
        throw new DomainError('conflict', 'Keyboard-wedge readers are turned off in the reader settings.');
      return d.readers.wedgeRead(text);
    },

    'operators.list': () => ({ items: d.operators.list() }),
    'operators.create': (input, c) => d.operators.create(input, by(c)),
    'operators.update': (input, c) => {
      if (
        input.id === by(c) &&
        (input.isDisabled === true || (input.roles && !input.roles.includes('admin')))
      ) {
        throw new DomainError(
          'last_admin',
          'You cannot disable yourself or remove your own administrator role.',
        );
      }
      return d.operators.update(input, by(c));
    },
  };
}
