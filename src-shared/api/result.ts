// Every API answer is a value: { ok: true, value } or { ok: false, error }. The code is stable and
// the UI translates it; the message is plain English for logs and technicians.

export const ERROR_CODES = [
  'bad_request',
  'unknown_method',
  'unauthenticated',
  'forbidden',
  'not_found',
  'conflict',
  'invalid_identity_number',
  'invalid_organisation_number',
  'photo_too_large',
  'photo_not_image',
  'invalid_login',
  'locked_out',
  'first_admin_exists',
  'weak_password',
  'last_admin',
  'internal',
  // The card lifecycle's refusals (src-shared/domain/card-lifecycle.ts); params say which state or action.
  'already_in_state',
  'not_yet',
  'not_for_kind',
  'never_activated',
  'own_order',
  'note_required',
  'block_reason_required',
  'block_reason_not_allowed',
  'face_check_required',
  // An order's data breaks its rules (src-shared/domain/order-rules.ts); each issue names its field and code.
  'order_invalid',
  // Card production (src-main/core/production): params name the printer, the folder or the job.
  'production_not_configured',
  'printer_not_found',
  'printer_unreachable',
  'printer_stopped',
  'print_failed',
  'print_job_failed',
  'batch_folder_unavailable',
  'batch_key_unavailable',
  'answer_folder_unavailable',
  'issuer_failed',
  'answer_file_invalid',
  // Card actions: a chip replacement needs its reason; a ready card is activated by its hand-over.
  'chip_replacement_required',
  'hand_over_required',
  'block_already_lifted',
  // Mobile ID invitations: no address to send to, no mail server set up, or the send failed.
  'email_required',
  'mail_not_configured',
  'mail_failed',
  // A report too long for one file: params { rows, max }; narrow the filters.
  'report_too_large',
  // Signing in (src-shared/domain/sign-in.ts, docs/sign-in.md). params.retryAfterSeconds where a wait is owed.
  /** The step after the password has timed out or was never started: start again with the password. */
  'sign_in_expired',
  /** The organisation does not allow this method, or this operator has not registered what it needs. */
  'method_not_allowed',
  /** The organisation's methods all need something this operator has not registered: ask an administrator. */
  'no_sign_in_method',
  /** A wrong one-time code (TOTP or SMS); params.attemptsLeft for an SMS code. */
  'invalid_code',
  /** The code was right once but has already been used. */
  'code_used',
  'code_expired',
  /** Too many wrong entries for this SMS code: send a new one. */
  'code_exhausted',
  /** "Send again" too soon, or too many codes lately: params.retryAfterSeconds. */
  'sms_too_soon',
  'sms_not_configured',
  /** The SMS gateway could not be reached or refused the message: choose another method. */
  'sms_unavailable',
  'no_mobile_number',
  'bankid_not_configured',
  /** The BankID service could not be reached or refused the order. */
  'bankid_unavailable',
  /** No BankID order is running for this screen. */
  'bankid_not_started',
  /** BankID identified someone who is not this operator (or no operator at all). */
  'bankid_no_match',
  /** A PIN that breaks the rules (params.problem: format, too_short, too_long, too_simple). */
  'weak_pin',
  /** Card and PIN: no card was tapped at this screen in the last minute. */
  'no_card_presented',
  /** The desk's key store cannot keep the secret (no keychain, no key file). */
  'key_store_unavailable',
  /** The sign-in policy breaks a rule; issues say which (src-shared/domain/sign-in.ts). */
  'policy_invalid',
  // Given by the screen's own client, never by the core: the desk cannot be reached from this tab.
  'not_connected',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface FieldIssue {
  /** Dotted path of the input field, e.g. "photo.base64". */
  path: string;
  message: string;
  /** A rule's own code for this field (order-rules.ts), for screens that translate each field's problem. */
  code?: string;
  params?: ErrorParams;
}

/** Facts a screen may put into its own words beside the code, e.g. `{ retryAfterSeconds: 30 }`. */
export type ErrorParams = Record<string, string | number>;

export interface ApiError {
  code: ErrorCode;
  message: string;
  /** For validation errors: which fields, so a form can point at them. */
  issues?: FieldIssue[];
  /** Optional: older screens ignore it, and screens read it only through a validating reader. */
  params?: ErrorParams;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail(
  code: ErrorCode,
  message: string,
  issues?: FieldIssue[],
  params?: ErrorParams,
): { ok: false; error: ApiError } {
  const error: ApiError = { code, message };
  if (issues) error.issues = issues;
  if (params) error.params = params;
  return { ok: false, error };
}
