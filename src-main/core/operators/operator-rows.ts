import type { OperatorSelf, OperatorView } from '../../../src-shared/api/schemas';
import { parseIdentityNumber, type IdentityCountry } from '../../../src-shared/domain/identity-number';
import type { Language } from '../../../src-shared/domain/languages';
import type { Role } from '../../../src-shared/domain/roles';

/** An operator with whether they have a confirmed authenticator (toOperatorView's hasTotp). */
export const SELECT_OPERATOR = `SELECT o.*, EXISTS (SELECT 1 FROM operator_totp t
  WHERE t.operator_id = o.id AND t.confirmed_at IS NOT NULL) AS has_totp FROM operators o`;

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
  /** E.164 (migration 0012). */
  mobile_phone: string | null;
  identity_country: string | null;
  /** Canonical digits, as holders keep them. */
  identity_number: string | null;
  pin_hash: string | null;
  pin_set_at: string | null;
  /** Present where the query joins it: 1 when a confirmed authenticator exists. */
  has_totp?: number;
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
  return {
    ...toOperatorSelf(row),
    isDisabled: row.is_disabled === 1,
    createdAt: row.created_at,
    mobilePhone: row.mobile_phone,
    identity:
      row.identity_country && row.identity_number
        ? { country: row.identity_country as IdentityCountry, display: identityDisplay(row) }
        : null,
    hasTotp: row.has_totp === 1,
    hasPin: row.pin_hash !== null,
  };
}

function identityDisplay(row: OperatorRow): string {
  const parsed = parseIdentityNumber(row.identity_number ?? '', row.identity_country as IdentityCountry);
  return parsed.ok ? parsed.value.display : (row.identity_number ?? '');
}
