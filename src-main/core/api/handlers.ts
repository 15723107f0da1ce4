import type {
  MethodName,
  MethodOutput,
  MethodParsedInput,
  SessionStatus,
} from '../../../src-shared/api/methods';
import { canSeeIdentityNumbers } from '../../../src-shared/domain/roles';
import type { SessionStore } from '../auth/sessions';
import type { CardService } from '../cards/card-service';
import type { MobileIdService } from '../mobile-ids/mobile-id-service';
import type { createHolderService } from '../holders/holder-service';
import { DomainError } from '../ops/domain-error';
import type { OperatorService } from '../operators/operator-service';
import type { OrderService } from '../orders/order-service';
import { toOperatorSelf } from '../operators/operator-rows';
import type { createOrganisationService } from '../organisations/organisation-service';
import type { ProductionService } from '../production/production-service';
import type { Connection } from './dispatcher';
import type { AuditMonitor } from '../ops/audit-monitor';
import type { ReaderSettingsService } from '../readers/reader-settings-service';
import type { createReadersService } from '../readers/readers-service';
import type { ReportsService } from '../reports/reports-service';
import type { FactorService } from '../sign-in/factor-service';
import type { SignInService } from '../sign-in/sign-in-service';

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
  cards: CardService;
  mobileIds: MobileIdService;
  orders: OrderService;
  production: ProductionService;
  onLogout(connection: Connection): void;
  audit: Pick<AuditMonitor, 'status'>;
  readers: ReturnType<typeof createReadersService>;
  readerSettings: ReaderSettingsService;
  reports: ReportsService;
  signIn: SignInService;
  factors: FactorService;
}

/** The dispatcher has already checked the session and role for non-public methods. */
function operatorOf(connection: Connection) {
  if (!connection.session) throw new DomainError('unauthenticated', 'Log in first.');
  return connection.session;
}

export function createHandlers(d: HandlerDeps): Handlers {
  const showFull = (c: Connection) => canSeeIdentityNumbers(operatorOf(c).roles);
  const by = (c: Connection) => operatorOf(c).operatorId;
  /** The operator and their roles as the session has them now: the lifecycle table decides with these. */
  const acting = (c: Connection) => {
    const session = operatorOf(c);
    return { operatorId: session.operatorId, roles: session.roles };
  };

  return {
    'session.status': (_input, c): SessionStatus => {
      const session = d.sessions.current(c.session);
      const row = session ? d.operators.byId(session.operatorId) : undefined;
      return {
        needsFirstAdmin: !d.operators.hasOperators(),
        operator: row ? toOperatorSelf(row) : null,
        desk: d.desk,
        idleTimeoutSeconds: d.idleTimeoutSeconds,
        signIn: d.signIn.policy(),
      };
    },
    'session.login': ({ username, password }, c) => d.signIn.login(username, password, c),
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
      c.session = d.sessions.start(row.id, self.roles, row.session_epoch);
      return self;
    },

    'signIn.cancel': (_input, c) => d.signIn.cancel(c),
    'signIn.verifyTotp': ({ code }, c) => d.signIn.verifyTotp(code, c),
    'signIn.sendSmsCode': (_input, c) => d.signIn.sendSmsCode(c),
    'signIn.verifySmsCode': ({ code }, c) => d.signIn.verifySmsCode(code, c),
    'signIn.startBankId': ({ sameDevice }, c) => d.signIn.startBankId(sameDevice, c),
    'signIn.pollBankId': (_input, c) => d.signIn.pollBankId(c),
    'signIn.cancelBankId': (_input, c) => d.signIn.cancelBankId(c),
    'signIn.cardPin': ({ pin }, c) => d.signIn.cardPin(pin, c),
    'signIn.beginTotp': (_input, c) => d.signIn.beginEnrolment(c),
    'signIn.confirmTotp': ({ code }, c) => d.signIn.confirmEnrolment(code, c),
    'signIn.policy': () => d.signIn.views.policyView(),
    'signIn.setPolicy': (input, c) => d.signIn.setPolicy(input, by(c)),

    'factors.mine': (_input, c) => d.factors.mine(by(c)),
    'factors.beginTotp': ({ password }, c) => d.factors.beginTotp(by(c), password, c),
    'factors.confirmTotp': ({ code }, c) => d.factors.confirmTotp(by(c), code, c),
    'factors.setPin': ({ password, pin }, c) => d.factors.setPin(by(c), password, pin, c),

    'holders.search': ({ query, limit }, c) => d.holders.search(query, limit ?? 20, showFull(c)),
    'holders.get': ({ id }, c) => d.holders.get(id, showFull(c), by(c)),
    'holders.photo': ({ id }) => d.holders.photo(id),
    'holders.create': (input, c) => d.holders.create(input, by(c), showFull(c)),
    'holders.update': (input, c) => d.holders.update(input, by(c), showFull(c)),

    'organisations.list': () => ({ items: d.organisations.list() }),
    'organisations.create': (input, c) => d.organisations.create(input, by(c)),
    'organisations.update': (input, c) => d.organisations.update(input, by(c)),

    'cards.register': (input, c) => d.cards.register(input, by(c)),
    'cards.get': ({ id }) => d.cards.get(id),
    'cards.bindCredential': (input, c) => d.cards.bindCredential(input, by(c)),
    'cards.handOver': (input, c) => d.cards.handOver(input, acting(c)),
    'cards.block': (input, c) => d.cards.block(input, acting(c)),
    'cards.unblock': (input, c) => d.cards.unblock(input, acting(c)),
    'cards.terminate': (input, c) => d.cards.terminate(input, acting(c)),
    'cards.suspend': (input, c) => d.cards.suspend(input, acting(c)),
    'cards.resume': (input, c) => d.cards.resume(input, acting(c)),
    'cards.blocks': ({ cardId }) => d.cards.blocks(cardId),
    'cards.ready': ({ holderId, limit }) => d.cards.ready(holderId ?? null, limit ?? 100),

    'mobileIds.reinvite': ({ cardId }, c) => d.mobileIds.invite(cardId, acting(c)),
    'mobileIds.reportLostPhone': ({ cardId }, c) => d.mobileIds.reportLostPhone(cardId, acting(c)),
    'mobileIds.invitations': ({ holderId }) => ({ items: d.mobileIds.invitationsOfHolder(holderId) }),

    'orders.rules': () => d.orders.rules(),
    'orders.place': (input, c) => d.orders.place(input, acting(c)),
    'orders.list': (input, c) => d.orders.list(input, acting(c)),
    'orders.get': ({ id }, c) => d.orders.get(id, acting(c)),
    'orders.photo': ({ id }) => d.orders.photo(id),
    'orders.cancel': ({ id, note }, c) => d.orders.cancel(id, note ?? null, acting(c)),
    'orders.approve': ({ id }, c) => d.orders.approve(id, acting(c)),
    'orders.reject': ({ id, reason }, c) => d.orders.reject(id, reason, acting(c)),

    'readers.list': () => d.readers.overview(),
    'readers.settings': () => d.readerSettings.view(),
    'readers.configure': (settings, c) => d.readerSettings.configure(settings, by(c)),
    'readers.wedgeRead': ({ text }) => d.readers.wedgeRead(text),

    'operators.list': () => ({ items: d.operators.list() }),
    'operators.create': (input, c) => d.operators.create(input, by(c)),
    'operators.resetFactors': ({ id }, c) => d.operators.resetFactors(id, by(c)),
    'operators.update': async (input, c) => {
      const session = operatorOf(c);
      const epoch = session.epoch;
      const view = await d.operators.update(input, session.operatorId);
      // Setting one's own password ends one's other sessions, not this one: the person is still here.
      // Only this change is adopted: if someone else also moved the epoch meanwhile, this one ends too.
      const standing = input.id === session.operatorId ? d.operators.standing(input.id) : undefined;
      if (standing?.sessionEpoch === epoch + 1) session.epoch = standing.sessionEpoch;
      return view;
    },

    'audit.status': () => d.audit.status(),

    'production.queue': () => d.production.queue(),
    'production.preview': ({ cardId }) => d.production.preview(cardId),
    'production.facePdf': ({ cardId }) => d.production.facePdf(cardId),
    'production.print': ({ cardIds }, c) => d.production.print(cardIds, operatorOf(c)),
    'production.writeBatch': ({ cardIds }, c) => d.production.writeBatch(cardIds, operatorOf(c)),
    'production.retry': ({ cardIds }, c) => d.production.retry(cardIds, operatorOf(c)),
    'production.checkJobs': (_input, c) => d.production.checkJobs(operatorOf(c)),
    'production.readAnswers': (_input, c) => d.production.readAnswers(operatorOf(c)),
    'reports.run': (input, c) => d.reports.run(input, operatorOf(c)),
    'reports.csv': (input, c) => d.reports.csv(input, operatorOf(c)),
    'reports.pdf': (input, c) => d.reports.pdf(input, operatorOf(c)),
  };
}
