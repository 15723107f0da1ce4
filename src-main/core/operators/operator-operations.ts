// Operator records stay on this desk: their password hashes never enter the outbox.
import type { Language } from '../../../src-shared/domain/languages';
import type { Role } from '../../../src-shared/domain/roles';
import { DomainError } from '../ops/domain-error';
import { defineOperation } from '../ops/operations';
import type { OperatorRow } from './operator-rows';

export interface NewOperator {
  username: string;
  displayName: string;
  passwordHash: string;
  roles: Role[];
  language: Language;
}

export const createOperator = defineOperation<NewOperator, OperatorRow>(
  'operator.create',
  ({ db, now, newId }, p) => {
    if (db.prepare('SELECT 1 FROM operators WHERE username = ?').get(p.username)) {
      throw new DomainError('conflict', `The username "${p.username}" is taken.`, [
        { path: 'username', message: 'Taken.' },
      ]);
    }
    const id = newId();
    db.prepare(
      `INSERT INTO operators (id, username, display_name, password_hash, roles, language, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(id, p.username, p.displayName, p.passwordHash, JSON.stringify(p.roles), p.language, now, now);
    const row = db.prepare('SELECT * FROM operators WHERE id = ?').get(id) as OperatorRow;
    return {
      result: row,
      recordType: 'operator',
      recordId: id,
      audit: { username: p.username, roles: p.roles },
    };
  },
);

export interface OperatorChange {
  id: string;
  displayName?: string;
  roles?: Role[];
  language?: Language;
  isDisabled?: boolean;
  passwordHash?: string;
}

export const updateOperator = defineOperation<OperatorChange, OperatorRow>(
  'operator.update',
  ({ db, now }, p) => {
    const before = db.prepare('SELECT * FROM operators WHERE id = ?').get(p.id) as OperatorRow | undefined;
    if (!before) throw new DomainError('not_found', 'No such operator.');
    const roles = p.roles ?? (JSON.parse(before.roles) as Role[]);
    const isDisabled = p.isDisabled ?? before.is_disabled === 1;
    if (!roles.includes('admin') || isDisabled) {
      const otherAdmins = (
        db.prepare(`SELECT roles FROM operators WHERE id != ? AND is_disabled = 0`).all(p.id) as {
          roles: string;
        }[]
      ).filter((r) => (JSON.parse(r.roles) as Role[]).includes('admin')).length;
      const wasAdmin = (JSON.parse(before.roles) as Role[]).includes('admin') && before.is_disabled === 0;
      if (wasAdmin && otherAdmins === 0) {
        throw new DomainError('last_admin', 'This is the last active administrator: make another one first.');
      }
    }
    // A new password or a disable ends the operator's sessions everywhere (auth/sessions.ts); a role
    // change needs no new epoch because every call reads the roles afresh.
    const endsSessions = p.passwordHash !== undefined || isDisabled !== (before.is_disabled === 1);
    db.prepare(
      `UPDATE operators SET display_name = ?, roles = ?, language = ?, is_disabled = ?, password_hash = ?,
       session_epoch = session_epoch + ?, updated_at = ?
     WHERE id = ?`,
    ).run(
      p.displayName ?? before.display_name,
      JSON.stringify(roles),
      p.language ?? before.language,
      isDisabled ? 1 : 0,
      p.passwordHash ?? before.password_hash,
      endsSessions ? 1 : 0,
      now,
      p.id,
    );
    // A password set by an administrator also lifts any login back-off on the account.
    if (p.passwordHash) db.prepare('DELETE FROM login_backoff WHERE username = ?').run(before.username);
    const changed = Object.keys(p).filter((k) => k !== 'id' && k !== 'passwordHash');
    if (p.passwordHash) changed.push('password');
    return {
      result: db.prepare('SELECT * FROM operators WHERE id = ?').get(p.id) as OperatorRow,
      recordType: 'operator',
      recordId: p.id,
      audit: { changed, roles: p.roles, endedSessions: endsSessions },
    };
  },
);
