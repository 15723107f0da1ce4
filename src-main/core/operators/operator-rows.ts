import type { OperatorSelf, OperatorView } from '../../../src-shared/api/schemas';
import type { Language } from '../../../src-shared/domain/languages';
import type { Role } from '../../../src-shared/domain/roles';

export interface OperatorRow {
  id: string;
  username: string;
  display_name: string;
  password_hash: string;
  roles: string;
  language: string;
  is_disabled: number;
  /** Moves on when the password is set or the account disabled: older sessions end (auth/sessions.ts). */
  session_epoch: number;
  created_at: string;
  updated_at: string;
}

export function toOperatorSelf(row: OperatorRow): OperatorSelf {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    roles: JSON.parse(row.roles) as Role[],
    language: row.language as Language,
  };
}

export function toOperatorView(row: OperatorRow): OperatorView {
  return { ...toOperatorSelf(row), isDisabled: row.is_disabled === 1, createdAt: row.created_at };
}
