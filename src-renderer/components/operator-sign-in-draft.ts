// An operator's sign-in facts as the dialog edits them: the mobile number for SMS codes and the
// identity number BankID and their own cards are matched by. Only what changed is sent.
import type { OperatorView } from '../../src-shared/api/schemas';
import type { IdentityCountry } from '../../src-shared/domain/identity-number';
import { toE164 } from '../../src-shared/domain/sign-in';

export interface SignInDraft {
  mobilePhone: string;
  identityCountry: IdentityCountry;
  identityNumber: string;
}

export function signInDraftOf(operator: OperatorView | null): SignInDraft {
  return {
    mobilePhone: operator?.mobilePhone ?? '',
    identityCountry: operator?.identity?.country ?? 'SE',
    identityNumber: operator?.identity?.display ?? '',
  };
}

/** The number in E.164, null for none, or undefined when what was typed cannot be a number. */
export function mobilePhoneInput(typed: string): string | null | undefined {
  const trimmed = typed.trim();
  if (!trimmed) return null;
  return toE164(trimmed) ?? undefined;
}

export function changedSignInFields(
  draft: SignInDraft,
  initial: SignInDraft,
): {
  mobilePhone?: string | null;
  identity?: { country: IdentityCountry; number: string } | null;
} {
  const out: ReturnType<typeof changedSignInFields> = {};
  if (draft.mobilePhone.trim() !== initial.mobilePhone)
    out.mobilePhone = mobilePhoneInput(draft.mobilePhone) ?? null;
  const number = draft.identityNumber.trim();
  if (number !== initial.identityNumber || draft.identityCountry !== initial.identityCountry) {
    out.identity = number ? { country: draft.identityCountry, number } : null;
  }
  return out;
}
