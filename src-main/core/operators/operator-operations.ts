// Operator records stay on this desk: their password hashes never enter the outbox.
import type { Language } from '../../../src-shared/domain/languages';
import type { Role } from '../../../src-shared/domain/roles';
import { DomainError } from '../ops/domain-error';
import { defineOperation, type OperationScope } from '../ops/operations';
import { SELECT_OPERATOR, type OperatorRow } from './operator-rows';

/** A national identity number as holders keep it: country and canonical digits. */
export interface OperatorIdentity {
  country: string;
  number: string;
}

const selectById = (db: OperationScope['db'], id: string) =>
  db.prepare(`${SELECT_OPERATOR} WHERE o.id = ?`).get(id) as OperatorRow;

/** One operator per identity number: BankID and the operator's own cards find them by it. */
function assertIdentityFree(
  db: OperationScope['db'],
  identity: OperatorIdentity | null | undefined,
  id: string,
) {
  if (!identity) return;
  const other = db
    .prepare('SELECT 1 FROM operators WHERE identity_country = ? AND identity_number = ? AND id != ?')
    .get(identity.country, identity.number, id);
  if (other) {
    throw new DomainError('conflict', 'Another operator has this identity number.', [
      { path: 'identity.number', message: 'Taken.' },
    ]);
  }
}

export interface NewOperator {
  username: string;
  displayName: string;
  passwordHash: string;
  roles: Role[];
  language: Language;
  /** E.164. */
  mobilePhone?: string | null;
  identity?: OperatorIdentity | null;
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
    assertIdentityFree(db, p.identity, id);
    db.prepare(
      `INSERT INTO operators (id, username, display_name, password_hash, roles, language, mobile_phone,
       identity_country, identity_number, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      id,
      p.username,
      p.displayName,
      p.passwordHash,
      JSON.stringify(p.roles),
      p.language,
      p.mobilePhone ?? null,
      p.identity?.country ?? null,
      p.identity?.number ?? null,
      now,
      now,
    );
    const row = selectById(db, id);
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
  mobilePhone?: string | null;
  identity?: OperatorIdentity | null;
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
    assertIdentityFree(db, p.identity, p.id);
    const identity =
      p.identity === undefined
        ? { country: before.identity_country, number: before.identity_number }
        : { country: p.identity?.country ?? null, number: p.identity?.number ?? null };
    db.prepare(
      `UPDATE operators SET display_name = ?, roles = ?, language = ?, is_disabled = ?, password_hash = ?,
       mobile_phone = ?, identity_country = ?, identity_number = ?, session_epoch = session_epoch + ?,
       updated_at = ?
     WHERE id = ?`,
    ).run(
      p.displayName ?? before.display_name,
      JSON.stringify(roles),
      p.language ?? before.language,
      isDisabled ? 1 : 0,
      p.passwordHash ?? before.password_hash,
      p.mobilePhone === undefined ? before.mobile_phone : p.mobilePhone,
      identity.country,
      identity.number,
      endsSessions ? 1 : 0,
      now,
      p.id,
    );
    // A code sent to the number that was is no longer proof of anything: the phone may be the lost one.
    if (p.mobilePhone !== undefined && p.mobilePhone !== before.mobile_phone) {
      db.prepare(`UPDATE sms_codes SET state = 'replaced' WHERE operator_id = ? AND state = 'open'`).run(
        p.id,
      );
    }
    // A password set by an administrator also lifts any login back-off on the account.
    if (p.passwordHash) db.prepare('DELETE FROM login_backoff WHERE username = ?').run(before.username);
    const changed = Object.entries(p)
      .filter(([k, v]) => k !== 'id' && k !== 'passwordHash' && v !== undefined)
      .map(([k]) => k);
    if (p.passwordHash) changed.push('password');
    return {
      result: selectById(db, p.id),
      recordType: 'operator',
      recordId: p.id,
      audit: { changed, roles: p.roles, endedSessions: endsSessions },
    };
  },
);

/**
 * Removes the operator's authenticator and PIN and ends their sessions, as a password reset does:
 * they set up an authenticator again at their next sign-in.
 */
export const resetFactors = defineOperation<{ id: string }, OperatorRow>(
  'operator.factorsReset',
  ({ db, now }, p) => {
    if (!db.prepare('SELECT 1 FROM operators WHERE id = ?').get(p.id)) {
      throw new DomainError('not_found', 'No such operator.');
    }
    const hadTotp = db.prepare('DELETE FROM operator_totp WHERE operator_id = ?').run(p.id).changes > 0;
    const hadPin =
      db
        .prepare(
          `UPDATE operators SET pin_hash = NULL, pin_set_at = NULL, session_epoch = session_epoch + 1,
           updated_at = ? WHERE id = ? AND pin_hash IS NOT NULL`,
        )
        .run(now, p.id).changes > 0;
    if (!hadPin) {
      db.prepare('UPDATE operators SET session_epoch = session_epoch + 1, updated_at = ? WHERE id = ?').run(
        now,
        p.id,
      );
    }
    return {
      result: selectById(db, p.id),
      recordType: 'operator',
      recordId: p.id,
      audit: { hadTotp, hadPin, endedSessions: true },
    };
  },
);
