// createDesk(config) → a running desk: the database, the services and the one API door.
// Plain Node: the Electron shell and the web host both wrap this.
import { EventEmitter } from 'node:events';
import type { DeskEventName, DeskEventPayload } from '../../src-shared/api/events';
import type { CardPresented } from '../../src-shared/api/readers';
import type { Result } from '../../src-shared/api/result';
import { createDispatcher, type Connection, type Logger } from './api/dispatcher';
import { createHandlers } from './api/handlers';
import { createSessionStore } from './auth/sessions';
import { createCardService } from './cards/card-service';
import { createHolderService } from './holders/holder-service';
import { systemClock, systemRandom, type Clock, type Random } from './ops/context';
import { createOperationRunner } from './ops/operations';
import { createOperatorService } from './operators/operator-service';
import { createOrganisationService } from './organisations/organisation-service';
import { openDatabase, type Db } from './store/database';
import { deskIdentity } from './store/desk-identity';
import { createIdentifier } from './readers/identify';
import type { ReaderBackend } from './readers/reader-backend';
import { createReaderPipeline } from './readers/reader-pipeline';
import { loadReaderSettings } from './readers/reader-settings';
import { createReadersService } from './readers/readers-service';
import { systemReaderBackends } from './readers/system-backends';

export interface DeskConfig {
  databasePath: string;
  deskName?: string;
  /** Log the operator out after this long without activity. Default 5 minutes. */
  idleTimeoutSeconds?: number;
  clock?: Clock;
  random?: Random;
  logger?: Logger;
  /**
   * Card reader backends. 'system': PC/SC and the configured HID readers of this machine.
   * Default: none (tests and tools); the web host and the Electron shell pass 'system'.
   */
  readers?: ReaderBackend[] | 'system';
}

export interface DeskConnection {
  call(method: string, input: unknown): Promise<Result<unknown>>;
  /** Events for this screen; returns the unsubscribe function. */
  onEvent(listener: (event: DeskEventName, payload: unknown) => void): () => void;
  close(): void;
}

export interface Desk {
  readonly id: string;
  readonly db: Db;
  connect(): DeskConnection;
  close(): Promise<void>;
}

const consoleLogger: Logger = { error: (message, error) => console.error(`[desk] ${message}`, error) };

export function createDesk(config: DeskConfig): Desk {
  const clock = config.clock ?? systemClock;
  const random = config.random ?? systemRandom;
  const idleTimeoutSeconds = config.idleTimeoutSeconds ?? 300;
  const db = openDatabase(config.databasePath);
  const desk = deskIdentity(db, random, config.deskName);
  const ops = createOperationRunner(db, clock, random, desk.id);
  const sessions = createSessionStore(clock, idleTimeoutSeconds * 1000);
  const connections = new Set<Connection & { emit(event: DeskEventName, payload: unknown): void }>();

  const sendToOperators = (event: DeskEventName, payload: unknown) => {
    for (const c of connections) if (sessions.current(c.session)) c.emit(event, payload);
  };
  // A tap is someone at the desk: it keeps every live session awake, as a click would. A screen with
  // no operator hears only that a card was presented, never whose it was.
  const sendPresented = (event: CardPresented) => {
    const signedOut: DeskEventPayload<'card.presentedSignedOut'> = {};
    for (const c of connections) {
      const session = sessions.current(c.session);
      if (session) {
        sessions.touch(session);
        c.emit('card.presented', event);
      } else {
        c.emit('card.presentedSignedOut', signedOut);
      }
    }
  };
  let readerSettings = loadReaderSettings(db);
  const identifier = createIdentifier(db);
  const readers = createReadersService({
    backends:
      config.readers === 'system' ? systemReaderBackends(() => readerSettings) : (config.readers ?? []),
    settings: () => readerSettings,
    handle: createReaderPipeline({
      clock,
      newId: ops.newId,
      settings: () => readerSettings,
      identify: identifier.identify,
    }),
    onPresented: sendPresented,
    onChanged: (overview) => sendToOperators('readers.changed', overview),
  });

  const handlers = createHandlers({
    readers,
    db,
    readerSettings: () => readerSettings,
    setReaderSettings: (settings) => {
      readerSettings = settings;
    },
    desk,
    idleTimeoutSeconds,
    sessions,
    operators: createOperatorService(db, ops, clock),
    holders: createHolderService(db, ops),
    organisations: createOrganisationService(db, ops),
    cards: createCardService(db, ops),
    ops,
    onLogout: (c) => {
      if (c.session) ops.record('operator.logout', c.session.operatorId, null);
    },
  });
  const dispatch = createDispatcher(handlers, sessions, config.logger ?? consoleLogger);

  // Sessions that go idle are ended, and their screen told to return to the idle screen.
  const idleTimer = setInterval(() => {
    for (const c of connections) {
      if (c.session && sessions.isIdle(c.session)) {
        ops.record('operator.idleLogout', c.session.operatorId, null);
        c.session = null;
        c.emit('session.ended', { reason: 'idle' } satisfies DeskEventPayload<'session.ended'>);
      }
    }
  }, 1000);
  idleTimer.unref();
  readers.start();

  return {
    id: desk.id,
    db,
    connect() {
      const local = new EventEmitter();
      const connection = {
        session: null,
        emit: (event: DeskEventName, payload: unknown) => local.emit('event', event, payload),
      } as Connection & { emit(event: DeskEventName, payload: unknown): void };
      connections.add(connection);
      return {
        call: (method, input) => dispatch(connection, method, input),
        onEvent(listener) {
          local.on('event', listener);
          return () => local.off('event', listener);
        },
        close() {
          connections.delete(connection);
          local.removeAllListeners();
        },
      };
    },
    async close() {
      clearInterval(idleTimer);
      await readers.stop();
      db.close();
    },
  };
}
