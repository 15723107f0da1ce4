import type { OperatorSelf, OperatorView } from '../../../src-shared/api/schemas';
import type { MethodParsedInput } from '../../../src-shared/api/methods';
import type { Language } from '../../../src-shared/domain/languages';
import type { Role } from '../../../src-shared/domain/roles';
import { parseIdentityNumber, type IdentityCountry } from '../../../src-shared/domain/identity-number';
import { toE164 } from '../../../src-shared/domain/sign-in';
import { createConnectionBackoff, type ConnectionBackoff } from '../auth/connection-backoff';
import { lockedOut } from '../auth/login-backoff';
import { countLoginAttempt } from '../auth/operations/count-login-attempt';
import { recordPasswordRecheck } from '../auth/operations/record-password-recheck';
import { dummyHash, hashPassword, passwordWeakness, verifyPassword } from '../auth/password-hash';
import type { OperatorStanding } from '../auth/sessions';
import type { Clock } from '../ops/context';
import { DomainError } from '../ops/domain-error';
import type { OperationRunner } from '../ops/operations';
import type { Db } from '../store/database';
import { createOperator, resetFactors, updateOperator, type OperatorIdentity } from './operator-operations';
import { SELECT_OPERATOR, toOperatorSelf, toOperatorView, type OperatorRow } from './operator-rows';

export interface OperatorService {
  hasOperators(): boolean;
  createFirstAdmin(input: MethodParsedInput<'setup.createFirstAdmin'>): Promise<OperatorRow>;
  /**
   * Checks a login from `connection` (the back-off counts per connection too). Every refusal a
   * stranger could learn from is the same: an unknown username, a wrong password and a disabled
   * account all answer `invalid_login` after one password check; a throttled attempt answers
   * `locked_out` with `retryAfterSeconds`, for existing and unknown usernames alike.
   */
  login(username: string, password: string, connection: object): Promise<OperatorRow>;
  /**
   * The signed-in operator's password again, before they change a factor: throttled and refused
   * like a login (`invalid_login`, `locked_out`), but it signs nobody in.
   */
  recheckPassword(id: string, password: string, connection: object): Promise<OperatorRow>;
  byId(id: string): OperatorRow | undefined;
  /** One primary-key lookup: the dispatcher runs it on every call (auth/sessions.ts). */
  standing(id: string): OperatorStanding | undefined;
  setLanguage(id: string, language: Language): OperatorSelf;
  list(): OperatorView[];
  create(input: MethodParsedInput<'operators.create'>, by: string): Promise<OperatorView>;
  update(input: MethodParsedInput<'operators.update'>, by: string): Promise<OperatorView>;
  resetFactors(id: string, by: string): OperatorView;
}

function assertStrongPassword(password: string, username: string): void {
  const weakness = passwordWeakness(password, username);
  if (weakness) throw new DomainError('weak_password', weakness, [{ path: 'password', message: weakness }]);
}

/** An identity number as holders keep it, so an operator's own cards are found by it. */
function toIdentity(
  input: { country: IdentityCountry; number: string } | null | undefined,
): OperatorIdentity | null | undefined {
  if (!input) return input;
  const parsed = parseIdentityNumber(input.number, input.country);
  if (!parsed.ok) {
    throw new DomainError('invalid_identity_number', parsed.error.message, [
      { path: 'identity.number', message: parsed.error.message, code: parsed.error.code },
    ]);
  }
  return { country: input.country, number: parsed.value.canonical };
}

function toMobilePhone(input: string | null | undefined): string | null | undefined {
  if (input === null || input === undefined) return input;
  const e164 = toE164(input);
  if (!e164) {
    const message = 'A mobile number with its country code, like +46 70 123 45 67.';
    throw new DomainError('bad_request', message, [{ path: 'mobilePhone', message }]);
  }
  return e164;
}

export interface OperatorServiceEvents {
  /** An operator's sessions were ended by a change to their record (a new password, a disable). */
  onSessionsEnded?(operatorId: string): void;
}

export function createOperatorService(
  db: Db,
  ops: OperationRunner,
  clock: Clock,
  events: OperatorServiceEvents = {},
  connectionBackoff: ConnectionBackoff = createConnectionBackoff(clock),
): OperatorService {
  const byId = (id: string) =>
    db.prepare(`${SELECT_OPERATOR} WHERE o.id = ?`).get(id) as OperatorRow | undefined;
  const hasOperators = () => db.prepare('SELECT 1 FROM operators LIMIT 1').get() !== undefined;
  const standingQuery = db.prepare('SELECT roles, is_disabled, session_epoch FROM operators WHERE id = ?');
  // Hashed now, so the first unknown username costs one check like every later one.
  void dummyHash();

  async function checkPassword(
    name: string,
    row: OperatorRow | undefined,
    password: string,
    connection: object,
  ): Promise<OperatorRow> {
    // Counted before the slow check, synchronously: no other attempt runs between the read and the
    // count, so simultaneous guesses are throttled like consecutive ones.
    const start = ops.run(
      countLoginAttempt,
      { username: name, operatorId: row?.id ?? null, connectionWaitMs: connectionBackoff.waitMs(connection) },
      null,
    );
    if (!start.isAllowed) throw lockedOut(start.waitMs);
    connectionBackoff.countFailure(connection);

    const isMatch = await verifyPassword(password, row?.password_hash ?? (await dummyHash()));
    // Read again: the password may have been reset or the account disabled during the check.
    const after = row && byId(row.id);
    const isAccepted =
      isMatch && after && after.is_disabled === 0 && after.password_hash === row.password_hash;
    if (!isAccepted) {
      const reason = !row ? 'unknown' : !isMatch ? 'password' : 'disabled_or_changed';
      ops.record('operator.loginFailed', row?.id ?? null, row ? { type: 'operator', id: row.id } : null, {
        username: name,
        reason,
      });
      // A disabled account answers like a wrong password: it must not confirm the password was right.
      throw new DomainError('invalid_login', 'Wrong username or password.');
    }
    return after;
  }

  return {
    hasOperators,
    byId,
    async createFirstAdmin(input) {
      assertStrongPassword(input.password, input.username);
      const passwordHash = await hashPassword(input.password);
      // Checked again after the slow hash so two first-run screens cannot both create an admin.
      if (hasOperators())
        throw new DomainError('first_admin_exists', 'The first administrator already exists: log in.');
      return ops.run(createOperator, { ...input, passwordHash, roles: ['admin'] }, null);
    },
    standing(id) {
      const row = standingQuery.get(id) as
        { roles: string; is_disabled: number; session_epoch: number } | undefined;
      return row
        ? {
            roles: JSON.parse(row.roles) as Role[],
            isDisabled: row.is_disabled === 1,
            sessionEpoch: row.session_epoch,
          }
        : undefined;
    },
    async login(username, password, connection) {
      const name = username.toLowerCase();
      const row = db.prepare('SELECT * FROM operators WHERE username = ?').get(name) as
        OperatorRow | undefined;
      const after = await checkPassword(name, row, password, connection);
      // Not yet a login: that is recorded, and the back-off lifted, once every step has succeeded.
      ops.record('operator.passwordAccepted', after.id, { type: 'operator', id: after.id });
      return after;
    },
    async recheckPassword(id, password, connection) {
      const row = byId(id);
      if (!row) throw new DomainError('not_found', 'No such operator.');
      const after = await checkPassword(row.username, row, password, connection);
      connectionBackoff.reset(connection);
      ops.run(recordPasswordRecheck, { username: row.username, operatorId: row.id }, row.id);
      return after;
    },
    setLanguage(id, language) {
      return toOperatorSelf(ops.run(updateOperator, { id, language }, id));
    },
    list() {
      return (db.prepare(`${SELECT_OPERATOR} ORDER BY o.username`).all() as OperatorRow[]).map(
        toOperatorView,
      );
    },
    async create(input, by) {
      assertStrongPassword(input.password, input.username);
      const passwordHash = await hashPassword(input.password);
      const { password: _password, mobilePhone, identity, ...rest } = input;
      return toOperatorView(
        ops.run(
          createOperator,
          { ...rest, passwordHash, mobilePhone: toMobilePhone(mobilePhone), identity: toIdentity(identity) },
          by,
        ),
      );
    },
    async update(input, by) {
      // An administrator who locks themselves out may leave no one able to undo it.
      if (input.id === by && (input.isDisabled === true || (input.roles && !input.roles.includes('admin')))) {
        throw new DomainError(
          'last_admin',
          'You cannot disable yourself or remove your own administrator role.',
        );
      }
      const before = byId(input.id);
      if (!before) throw new DomainError('not_found', 'No such operator.');
      const { password, mobilePhone, identity, ...rest } = input;
      const contact = { mobilePhone: toMobilePhone(mobilePhone), identity: toIdentity(identity) };
      let passwordHash: string | undefined;
      if (password !== undefined) {
        assertStrongPassword(password, before.username);
        passwordHash = await hashPassword(password);
      }
      const after = ops.run(updateOperator, { ...rest, ...contact, passwordHash }, by);
      if (after.session_epoch !== before.session_epoch) events.onSessionsEnded?.(after.id);
      return toOperatorView(after);
    },
    resetFactors(id, by) {
      const after = ops.run(resetFactors, { id }, by);
      events.onSessionsEnded?.(after.id);
      return toOperatorView(after);
    },
  };
}
