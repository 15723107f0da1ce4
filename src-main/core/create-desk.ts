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
import { createExpiryReminders } from './cards/expiry-reminders';
import { createHolderService } from './holders/holder-service';
import { unconfiguredMailer, type Mailer } from './mail/mailer';
import { createMobileIdService } from './mobile-ids/mobile-id-service';
import type { Language } from '../../src-shared/domain/languages';
import type { KeyStore } from './keys/key-store';
import { createConnectionBackoff } from './auth/connection-backoff';
import type { BankIdClient } from './sign-in/bankid-client';
import { createFactorService } from './sign-in/factor-service';
import { createSignInService } from './sign-in/sign-in-service';
import type { SmsGateway } from './sign-in/sms-gateway';
import { readSignInPolicy } from './sign-in/sign-in-policy';
import { createBankIdOrders } from './sign-in/bankid-orders';
import { createSmsCodes } from './sign-in/sms-codes';
import { createAuditMonitor } from './ops/audit-monitor';
import { systemClock, systemRandom, type Clock, type Random } from './ops/context';
import { createOperationRunner } from './ops/operations';
import { createOperatorService } from './operators/operator-service';
import { createOrganisationService } from './organisations/organisation-service';
import { createOrderService } from './orders/order-service';
import type { OrderSettings } from './orders/order-settings';
import { productionChannels, type ProductionConfig } from './production/production-channels';
import { createProductionService } from './production/production-service';
import { openDatabase, type Db } from './store/database';
import { deskIdentity } from './store/desk-identity';
import { createIdentifier } from './readers/identify';
import type { ReaderBackend } from './readers/reader-backend';
import { createReaderPipeline } from './readers/reader-pipeline';
import { createReaderSettingsService } from './readers/reader-settings-service';
import { createReadersService } from './readers/readers-service';
import { createReportsService } from './reports/reports-service';
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
   * Default: none (tests and tools); both shells pass 'system' unless settings say "readers": "none".
   */
  readers?: ReaderBackend[] | 'system';
  /** The desk's secrets at rest (keys/key-store.ts); both shells pass one (config/desk-config.ts). */
  keyStore?: KeyStore;
  /** Order rules from settings.json (card number prefix, photo age, access card validity). */
  orders?: Partial<OrderSettings>;
  /** After an approval commits: the mobile visual IDs it created. Default: send their invitations. */
  onMobileIdsCreated?: (cardIds: string[]) => void | Promise<void>;
  /** Card production: the desk's card printer and an external issuer's folders; absent: none. */
  production?: ProductionConfig;
  /** Sends invitations for mobile IDs (mail/adapters/smtp-mailer.ts); without one, sends fail and wait. */
  mailer?: Mailer;
  /** The language of mail to holders whose own language is not known. Default 'en'. */
  mailLanguage?: Language;
  /** Reminder e-mails to holders this many days before a card expires; absent: none. */
  expiryReminderDays?: number | null;
  /** How often cards past their validity are expired, after the round at start. Default one hour. */
  expiryIntervalMs?: number;
  /** Sends sign-in codes by SMS (sign-in/adapters/elks-sms-gateway.ts); absent: no SMS codes. */
  smsGateway?: SmsGateway;
  /** Swedish BankID (sign-in/adapters/bankid-rp-client.ts); absent: no BankID. */
  bankId?: BankIdClient;
  /** How often a running BankID order is collected. Default 2 s, as BankID asks. */
  bankIdCollectIntervalMs?: number;
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
  /** Null for desks made without one (tests and tools that need no secrets). */
  readonly keyStore: KeyStore | null;
  /** Invites newly created mobile IDs by e-mail (an approved order's mobile IDs). */
  sendInvitations(cardIds: readonly string[]): Promise<unknown>;
  /** `remoteAddress`: the screen's address as its transport saw it (the web host's socket). */
  connect(options?: { remoteAddress?: string }): DeskConnection;
  close(): Promise<void>;
}

const consoleLogger: Logger = {
  error: (message, error) =>
    error === undefined ? console.error(`[desk] ${message}`) : console.error(`[desk] ${message}`, error),
};

export function createDesk(config: DeskConfig): Desk {
  const clock = config.clock ?? systemClock;
  const random = config.random ?? systemRandom;
  const idleTimeoutSeconds = config.idleTimeoutSeconds ?? 300;
  const db = openDatabase(config.databasePath);
  const desk = deskIdentity(db, random, config.deskName);
  const logger = config.logger ?? consoleLogger;
  // A damaged audit log is reported to administrators, never a reason to stop: reception works on.
  const audit = createAuditMonitor(db, { clock, logger });
  const auditCheck = audit.start();
  const ops = createOperationRunner(db, clock, random, desk.id);
  // Set when a change to an operator's record ended their sessions; the screens are told once the
  // call that made the change has finished (so an operator who set their own password stays in).
  let hasEndedSessions = false;
  const connectionBackoff = createConnectionBackoff(clock);
  const operators = createOperatorService(
    db,
    ops,
    clock,
    {
      onSessionsEnded: () => {
        hasEndedSessions = true;
      },
    },
    connectionBackoff,
  );
  const sessions = createSessionStore(clock, idleTimeoutSeconds * 1000, operators.standing);
  // Without a gateway or a BankID client these say "not set up", and the policy cannot offer them.
  const smsCodes = createSmsCodes({ db, ops, clock, random, gateway: config.smsGateway ?? null });
  const bankIdOrders = createBankIdOrders({
    db,
    ops,
    clock,
    client: config.bankId ?? null,
    logger,
    ...(config.bankIdCollectIntervalMs ? { collectIntervalMs: config.bankIdCollectIntervalMs } : {}),
  });
  const signIn = createSignInService({
    db,
    ops,
    clock,
    operators,
    sessions,
    connectionBackoff,
    smsCodes,
    bankIdOrders,
    keyStore: config.keyStore ?? null,
  });
  const factors = createFactorService({ ops, operators, views: signIn.views, enrolments: signIn.enrolments });
  const connections = new Set<Connection & { emit(event: DeskEventName, payload: unknown): void }>();

  // current() checks each screen's operator as their record is now: a disabled operator's screen
  // receives no card taps, even before it has been told that its session has ended.
  const sendToOperators = (event: DeskEventName, payload: unknown) => {
    for (const c of connections) if (sessions.current(c.session)) c.emit(event, payload);
  };

  /** Ends sessions that went idle or that their operator's record no longer allows, and tells their screens. */
  const endSessions = () => {
    for (const c of connections) {
      if (!c.session) continue;
      const reason = sessions.isIdle(c.session) ? 'idle' : sessions.current(c.session) ? null : 'revoked';
      if (!reason) continue;
      ops.record(
        reason === 'idle' ? 'operator.idleLogout' : 'operator.sessionEnded',
        c.session.operatorId,
        null,
      );
      c.session = null;
      c.emit('session.ended', { reason } satisfies DeskEventPayload<'session.ended'>);
    }
  };
  // A tap is someone at the desk: it keeps every live session awake, as a click would. A screen with
  // no operator hears only that a card was presented, never whose it was; the core remembers which
  // card it was, for card and PIN on that screen.
  const sendPresented = (event: CardPresented) => {
    const signedOut: DeskEventPayload<'card.presentedSignedOut'> = {
      canUsePin: readSignInPolicy(db).methods.includes('card_pin'),
    };
    for (const c of connections) {
      const session = sessions.current(c.session);
      if (session) {
        sessions.touch(session);
        c.emit('card.presented', event);
      } else {
        c.tappedCard = { cardId: event.card?.id ?? null, at: clock.now() };
        c.emit('card.presentedSignedOut', signedOut);
      }
    }
  };
  const readerSettings = createReaderSettingsService(db, ops);
  const identifier = createIdentifier(db);
  const readers = createReadersService({
    backends:
      config.readers === 'system' ? systemReaderBackends(readerSettings.current) : (config.readers ?? []),
    settings: readerSettings.current,
    handle: createReaderPipeline({
      clock,
      newId: ops.newId,
      settings: readerSettings.current,
      identify: identifier.identify,
    }),
    onPresented: sendPresented,
    onChanged: (overview) => sendToOperators('readers.changed', overview),
  });
  readerSettings.onChanged(() => readers.settingsChanged());

  const cards = createCardService(db, ops, desk.id);
  const mailer = config.mailer ?? unconfiguredMailer;
  const mobileIds = createMobileIdService({
    db,
    ops,
    clock,
    random,
    mailer,
    deskId: desk.id,
    language: config.mailLanguage ?? 'en',
  });
  const reminders = createExpiryReminders({
    db,
    ops,
    clock,
    mailer,
    language: config.mailLanguage ?? 'en',
    days: config.expiryReminderDays ?? null,
  });
  // Cards past their validity expire at start and then on the hour, whatever screen is open.
  const expireDue = () => {
    try {
      cards.expireDue(new Date(clock.now()).toISOString().slice(0, 10));
    } catch (error) {
      logger.error('expiring cards failed', error);
    }
    reminders.run().catch((error: unknown) => logger.error('expiry reminders failed', error));
  };
  expireDue();
  const expiryTimer = setInterval(expireDue, config.expiryIntervalMs ?? 3_600_000);
  expiryTimer.unref();

  const handlers = createHandlers({
    readers,
    readerSettings,
    desk,
    idleTimeoutSeconds,
    sessions,
    operators,
    holders: createHolderService(db, ops),
    organisations: createOrganisationService(db, ops),
    cards,
    mobileIds,
    orders: createOrderService({
      db,
      ops,
      random,
      deskId: desk.id,
      ...(config.orders ? { settings: config.orders } : {}),
      // A mobile ID made by an approval gets its invitation e-mail once the approval has committed.
      onMobileIdsCreated:
        config.onMobileIdsCreated ?? (async (ids) => void (await mobileIds.sendInvitations(ids))),
      logError: (message, error) => logger.error(message, error),
    }),
    production: createProductionService(
      db,
      ops,
      productionChannels(config.production, {
        deskId: desk.id,
        keyStore: config.keyStore ?? null,
        clock,
        log: (message) => logger.error(`[production] ${message}`),
      }),
      clock,
      (message, error) => logger.error(message, error),
    ),
    reports: createReportsService(db, ops, clock, desk),
    signIn,
    factors,
    audit,
    onLogout: (c) => {
      if (c.session) ops.record('operator.logout', c.session.operatorId, null);
    },
  });
  const dispatch = createDispatcher(handlers, sessions, logger);

  // Sessions that go idle are ended, and their screen told to return to the idle screen. The same
  // round catches a record changed by another process on this database (the set-up command).
  const idleTimer = setInterval(endSessions, 1000);
  idleTimer.unref();
  readers.start();

  return {
    id: desk.id,
    db,
    keyStore: config.keyStore ?? null,
    sendInvitations: mobileIds.sendInvitations,
    connect(options = {}) {
      const local = new EventEmitter();
      const connection = {
        session: null,
        ...(options.remoteAddress ? { remoteAddress: options.remoteAddress } : {}),
        emit: (event: DeskEventName, payload: unknown) => local.emit('event', event, payload),
      } as Connection & { emit(event: DeskEventName, payload: unknown): void };
      connections.add(connection);
      return {
        async call(method, input) {
          const result = await dispatch(connection, method, input);
          if (hasEndedSessions) {
            hasEndedSessions = false;
            endSessions();
          }
          return result;
        },
        onEvent(listener) {
          local.on('event', listener);
          return () => local.off('event', listener);
        },
        close() {
          connections.delete(connection);
          local.removeAllListeners();
          void bankIdOrders.cancel(connection).catch(() => undefined);
        },
      };
    },
    async close() {
      clearInterval(idleTimer);
      clearInterval(expiryTimer);
      audit.stop();
      await auditCheck;
      await readers.stop();
      await bankIdOrders.close();
      db.close();
    },
  };
}
