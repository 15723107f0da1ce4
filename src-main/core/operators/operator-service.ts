import type { OperatorSelf, OperatorView } from '../../../src-shared/api/schemas';
import type { MethodParsedInput } from '../../../src-shared/api/methods';
import type { Language } from '../../../src-shared/domain/languages';
import { dummyHash, hashPassword, passwordWeakness, verifyPassword } from '../auth/password-hash';
import type { Clock } from '../ops/context';
import { DomainError } from '../ops/domain-error';
import type { OperationRunner } from '../ops/operations';
import type { Db } from '../store/database';
import { createOperator, recordLoginAttempt, updateOperator } from './operator-operations';
import { toOperatorSelf, toOperatorView, type OperatorRow } from './operator-rows';

export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MS = 5 * 60_000;

export interface OperatorService {
  hasOperators(): boolean;
  createFirstAdmin(input: MethodParsedInput<'setup.createFirstAdmin'>): Promise<OperatorRow>;
  login(username: string, password: string): Promise<OperatorRow>;
  byId(id: string): OperatorRow | undefined;
  setLanguage(id: string, language: Language): OperatorSelf;
  list(): OperatorView[];
  create(input: MethodParsedInput<'operators.create'>, by: string): Promise<OperatorView>;
  update(input: MethodParsedInput<'operators.update'>, by: string): Promise<OperatorView>;
}

function checkPassword(password: string, username: string): void {
  const weakness = passwordWeakness(password, username);
  if (weakness) throw new DomainError('weak_password', weakness, [{ path: 'password', message: weakness }]);
}

export function createOperatorService(db: Db, ops: OperationRunner, clock: Clock): OperatorService {
  const byId = (id: string) =>
    db.prepare('SELECT * FROM operators WHERE id = ?').get(id) as OperatorRow | undefined;
  const hasOperators = () => db.prepare('SELECT 1 FROM operators LIMIT 1').get() !== undefined;

  return {
    hasOperators,
    byId,
    async createFirstAdmin(input) {
      checkPassword(input.password, input.username);
      const passwordHash = await hashPassword(input.password);
      // Checked again after the slow hash so two first-run screens cannot both create an admin.
      if (hasOperators())
        throw new DomainError('first_admin_exists', 'The first administrator already exists: log in.');
      return ops.run(createOperator, { ...input, passwordHash, roles: ['admin'] }, null);
    },
    async login(username, password) {
      const row = db.prepare('SELECT * FROM operators WHERE username = ?').get(username.toLowerCase()) as
        OperatorRow | undefined;
      if (!row) {
        await verifyPassword(password, await dummyHash());
        ops.record('operator.loginUnknown', null, null, { username: username.slice(0, 40) });
        throw new DomainError('invalid_login', 'Wrong username or password.');
      }
      const now = clock.now();
      if (row.locked_until && Date.parse(row.locked_until) > now) {
        throw new DomainError('locked_out', `Too many failed attempts. Try again after ${row.locked_until}.`);
      }
      const isMatch = await verifyPassword(password, row.password_hash);
      if (!isMatch || row.is_disabled) {
        const failures = row.failed_logins + 1;
        const lockUntil = failures >= MAX_FAILED_LOGINS ? new Date(now + LOCKOUT_MS).toISOString() : null;
        ops.run(recordLoginAttempt, { id: row.id, succeeded: false, lockUntil }, row.id);
        if (isMatch && row.is_disabled)
          throw new DomainError('forbidden', 'This operator account is disabled.');
        throw new DomainError('invalid_login', 'Wrong username or password.');
      }
      ops.run(recordLoginAttempt, { id: row.id, succeeded: true, lockUntil: null }, row.id);
      return byId(row.id)!;
    },
    setLanguage(id, language) {
      return toOperatorSelf(ops.run(updateOperator, { id, language }, id));
    },
    list() {
      return (db.prepare('SELECT * FROM operators ORDER BY username').all() as OperatorRow[]).map(
        toOperatorView,
      );
    },
    async create(input, by) {
      checkPassword(input.password, input.username);
      const passwordHash = await hashPassword(input.password);
      const { password: _password, ...rest } = input;
      return toOperatorView(ops.run(createOperator, { ...rest, passwordHash }, by));
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
      const { password, ...rest } = input;
      let passwordHash: string | undefined;
      if (password !== undefined) {
        checkPassword(password, before.username);
        passwordHash = await hashPassword(password);
      }
      return toOperatorView(ops.run(updateOperator, { ...rest, passwordHash }, by));
    },
  };
}
