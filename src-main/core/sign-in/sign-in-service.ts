// The sign-in flow (docs/sign-in.md): the password, then what the organisation's policy asks for,
// and only then a session. Every factor is throttled like the password, per account and per screen.
import type { MethodOutput } from '../../../src-shared/api/methods';
import type { OperatorSelf } from '../../../src-shared/api/schemas';
import type { Language } from '../../../src-shared/domain/languages';
import {
  CARD_PIN_TAP_TTL_MS,
  PENDING_SIGN_IN_TTL_MS,
  type SecondFactor,
  signInPolicyIssues,
  type SignInMethod,
  type SignInPolicy,
} from '../../../src-shared/domain/sign-in';
import type { Connection } from '../api/dispatcher';
import type { ConnectionBackoff } from '../auth/connection-backoff';
import { lockedOut } from '../auth/login-backoff';
import { countLoginAttempt } from '../auth/operations/count-login-attempt';
import { recordLogin } from '../auth/operations/record-login';
import { dummyHash, verifyPassword } from '../auth/password-hash';
import type { SessionStore } from '../auth/sessions';
import type { KeyStore } from '../keys/key-store';
import type { Clock } from '../ops/context';
import { DomainError } from '../ops/domain-error';
import type { OperationRunner } from '../ops/operations';
import { SELECT_OPERATOR, toOperatorSelf, type OperatorRow } from '../operators/operator-rows';
import type { OperatorService } from '../operators/operator-service';
import type { Db } from '../store/database';
import { bankIdState } from './bankid-state';
import type { BankIdOrders } from './bankid-orders';
import type { SignedInWith } from './pending-sign-in';
import { createSecretSeal } from './secret-seal';
import { setSignInPolicy } from './operations/set-sign-in-policy';
import { readSignInPolicy } from './sign-in-policy';
import { createSignInViews } from './sign-in-views';
import type { SmsCodes } from './sms-codes';
import { matchTotpStep } from './totp';
import { createTotpEnrolments } from './totp-enrolment';

export interface SignInServiceDeps {
  db: Db;
  ops: OperationRunner;
  clock: Clock;
  operators: OperatorService;
  sessions: SessionStore;
  /** The same per-screen back-off the password uses: guesses at any factor add up. */
  connectionBackoff: ConnectionBackoff;
  smsCodes: SmsCodes;
  bankIdOrders: BankIdOrders;
  keyStore: KeyStore | null;
}

const expired = () => new DomainError('sign_in_expired', 'Start again with your username and password.');
const notAllowed = (method: SignInMethod) =>
  new DomainError('method_not_allowed', `Signing in with ${method} is not available here.`);

export function createSignInService(d: SignInServiceDeps) {
  const views = createSignInViews(d);
  const seal = createSecretSeal(d.keyStore);
  const enrolments = createTotpEnrolments({ ops: d.ops, clock: d.clock, seal });
  const policy = () => readSignInPolicy(d.db);
  const operatorOfCard = d.db.prepare(
    `${SELECT_OPERATOR} JOIN holders h ON h.identity_country = o.identity_country
       AND h.identity_number = o.identity_number
     JOIN cards c ON c.holder_id = h.id
     WHERE c.id = ? AND c.state = 'active' AND c.kind != 'mobile_id' AND o.pin_hash IS NOT NULL
       AND o.is_disabled = 0`,
  );
  const operatorOfPersonalNumber = d.db.prepare(
    `${SELECT_OPERATOR} WHERE o.identity_country = 'SE' AND o.identity_number = ? AND o.is_disabled = 0`,
  );

  /** Counted before the check, like a password (auth/login-backoff.ts); success clears it. */
  function countAttempt(
    factor: 'totp' | 'sms' | 'pin',
    key: string,
    operatorId: string | null,
    c: Connection,
  ) {
    const start = d.ops.run(
      countLoginAttempt,
      { username: `${factor}:${key}`, operatorId, connectionWaitMs: d.connectionBackoff.waitMs(c) },
      null,
    );
    if (!start.isAllowed) throw lockedOut(start.waitMs);
    d.connectionBackoff.countFailure(c);
  }

  function refuse(operatorId: string | null, reason: string, error: DomainError): never {
    d.ops.record(
      'operator.loginFailed',
      operatorId,
      operatorId ? { type: 'operator', id: operatorId } : null,
      {
        reason,
      },
    );
    throw error;
  }

  function complete(c: Connection, row: OperatorRow, method: SignedInWith, totpStep?: number): OperatorSelf {
    d.ops.run(recordLogin, { username: row.username, operatorId: row.id, method, totpStep }, row.id);
    d.connectionBackoff.reset(c);
    c.signIn = null;
    c.tappedCard = null;
    enrolments.forget(c);
    const self = toOperatorSelf(row);
    c.session = d.sessions.start(row.id, self.roles, row.session_epoch);
    return self;
  }

  /** The operator of this screen's half-finished sign-in, as their record is now. */
  function pendingOperator(c: Connection, after: 'password' | 'enrol'): OperatorRow {
    const pending = c.signIn;
    if (!pending) throw expired();
    const row = d.operators.byId(pending.operatorId);
    if (
      d.clock.now() - pending.startedAt > PENDING_SIGN_IN_TTL_MS ||
      !row ||
      row.is_disabled === 1 ||
      row.session_epoch !== pending.epoch
    ) {
      c.signIn = null;
      enrolments.forget(c);
      throw expired();
    }
    if (pending.after !== after) throw expired();
    return row;
  }

  function requireChoice(row: OperatorRow, method: SecondFactor) {
    if (!views.choicesFor(row, policy()).some((choice) => choice.method === method)) throw notAllowed(method);
  }

  return {
    views,
    enrolments,
    policy,

    setPolicy(input: SignInPolicy, by: string): MethodOutput<'signIn.setPolicy'> {
      const issues = signInPolicyIssues(input, views.isSetUp());
      if (issues.length > 0) {
        throw new DomainError(
          'policy_invalid',
          `This policy cannot be used: ${issues.map((issue) => issue.problem).join(', ')}.`,
          issues.map((issue) => ({
            path: issue.problem === 'default_not_allowed' ? 'defaultMethod' : 'methods',
            message: issue.problem,
            code: issue.problem,
            ...(issue.method ? { params: { method: issue.method } } : {}),
          })),
        );
      }
      d.ops.run(setSignInPolicy, input, by);
      return views.policyView();
    },

    async login(username: string, password: string, c: Connection): Promise<MethodOutput<'session.login'>> {
      const row = await d.operators.login(username, password, c);
      // A new sign-in on this screen replaces whatever it had, signed in or half-way.
      c.session = null;
      c.signIn = null;
      enrolments.forget(c);
      const current = policy();
      if (current.methods.includes('password'))
        return { step: 'signedIn', operator: complete(c, row, 'password') };
      const pending = { operatorId: row.id, epoch: row.session_epoch, startedAt: d.clock.now() };
      const choices = views.choicesFor(row, current);
      if (choices.length > 0) {
        c.signIn = { ...pending, after: 'password' };
        const preferred = choices.find((choice) => choice.method === current.defaultMethod);
        return { step: 'verify', choices, defaultMethod: (preferred ?? choices[0]!).method };
      }
      if (current.methods.includes('totp') && !views.hasConfirmedTotp(row.id)) {
        c.signIn = { ...pending, after: 'enrol' };
        return { step: 'enrol', method: 'totp' };
      }
      throw new DomainError(
        'no_sign_in_method',
        'None of the sign-in methods your organisation allows is set up for you: ask an administrator.',
      );
    },

    async cancel(c: Connection) {
      c.signIn = null;
      enrolments.forget(c);
      // An order left running expires at BankID by itself; going back must work even if BankID cannot be reached.
      await d.bankIdOrders.cancel(c).catch(() => undefined);
      return {};
    },

    async verifyTotp(code: string, c: Connection) {
      const row = pendingOperator(c, 'password');
      requireChoice(row, 'totp');
      countAttempt('totp', row.id, row.id, c);
      const stored = d.db
        .prepare('SELECT secret_sealed FROM operator_totp WHERE operator_id = ?')
        .get(row.id) as { secret_sealed: Buffer } | undefined;
      if (!stored) throw notAllowed('totp');
      const step = matchTotpStep(await seal.open(stored.secret_sealed), code, d.clock.now());
      if (step === null) refuse(row.id, 'totp', new DomainError('invalid_code', 'Wrong code.'));
      try {
        return complete(c, row, 'totp', step);
      } catch (error) {
        if (error instanceof DomainError) refuse(row.id, 'totp_used', error);
        throw error;
      }
    },

    async beginEnrolment(c: Connection) {
      const row = pendingOperator(c, 'enrol');
      if (!policy().methods.includes('totp') || views.hasConfirmedTotp(row.id)) throw notAllowed('totp');
      return enrolments.begin(c, row);
    },

    confirmEnrolment(code: string, c: Connection) {
      const row = pendingOperator(c, 'enrol');
      if (!enrolments.isOpen(c, row.id)) throw expired();
      countAttempt('totp', row.id, row.id, c);
      try {
        enrolments.confirm(c, row.id, code, row.id);
      } catch (error) {
        if (error instanceof DomainError && error.code === 'invalid_code')
          refuse(row.id, 'totp_enrol', error);
        throw error;
      }
      return complete(c, row, 'totp');
    },

    sendSmsCode(c: Connection) {
      const row = pendingOperator(c, 'password');
      requireChoice(row, 'sms');
      return d.smsCodes.send({
        id: row.id,
        mobilePhone: row.mobile_phone,
        language: row.language as Language,
      });
    },

    verifySmsCode(code: string, c: Connection) {
      const row = pendingOperator(c, 'password');
      requireChoice(row, 'sms');
      countAttempt('sms', row.id, row.id, c);
      try {
        d.smsCodes.verify(row.id, code);
      } catch (error) {
        if (error instanceof DomainError) refuse(row.id, 'sms', error);
        throw error;
      }
      return complete(c, row, 'sms');
    },

    startBankId(sameDevice: boolean, c: Connection) {
      if (!policy().methods.includes('bankid')) throw notAllowed('bankid');
      let operatorId: string | null = null;
      if (c.signIn) {
        const row = pendingOperator(c, 'password');
        requireChoice(row, 'bankid');
        operatorId = row.id;
      }
      // BankID wants the person's address as their browser has it, without IPv6's IPv4 wrapping.
      const endUserIp = (c.remoteAddress ?? '127.0.0.1').replace(/^::ffff:(?=\d+\.)/, '');
      return d.bankIdOrders.start(c, { endUserIp, sameDevice, operatorId });
    },

    async pollBankId(c: Connection): Promise<MethodOutput<'signIn.pollBankId'>> {
      const state = d.bankIdOrders.poll(c);
      if (state.status !== 'complete') return bankIdState(state);
      const pending = c.signIn ? pendingOperator(c, 'password') : null;
      // An order outlives a policy change by up to 3 minutes: what the organisation allows now decides.
      if (!policy().methods.includes('bankid')) refuse(pending?.id ?? null, 'bankid', notAllowed('bankid'));
      const number = state.user.personalNumber;
      const row = /^[0-9]{12}$/.test(number)
        ? (operatorOfPersonalNumber.get(number) as OperatorRow | undefined)
        : undefined;
      if (!row || (pending && pending.id !== row.id)) {
        refuse(
          pending?.id ?? null,
          'bankid_no_match',
          new DomainError('bankid_no_match', 'BankID identified someone who is not an operator here.'),
        );
      }
      return { status: 'complete', operator: complete(c, row, 'bankid') };
    },

    cancelBankId(c: Connection) {
      return d.bankIdOrders.cancel(c).then(() => ({}));
    },

    async cardPin(pin: string, c: Connection) {
      if (!policy().methods.includes('card_pin')) throw notAllowed('card_pin');
      const tap = c.tappedCard;
      if (!tap || d.clock.now() - tap.at > CARD_PIN_TAP_TTL_MS) {
        throw new DomainError('no_card_presented', 'Tap your card on a reader first.');
      }
      const row = tap.cardId ? (operatorOfCard.get(tap.cardId) as OperatorRow | undefined) : undefined;
      countAttempt('pin', row?.id ?? `card:${tap.cardId ?? 'unknown'}`, row?.id ?? null, c);
      // One slow check whatever matched, so a stranger's card answers exactly like a wrong PIN.
      const isMatch = await verifyPassword(pin, row?.pin_hash ?? (await dummyHash()));
      const after = row && d.operators.byId(row.id);
      if (!isMatch || !after || after.is_disabled === 1 || after.pin_hash !== row.pin_hash) {
        refuse(
          row?.id ?? null,
          row ? 'pin' : 'card_not_an_operators',
          new DomainError('invalid_login', 'Wrong card or PIN.'),
        );
      }
      return complete(c, after, 'card_pin');
    },
  };
}

export type SignInService = ReturnType<typeof createSignInService>;
