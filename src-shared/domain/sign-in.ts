// How operators sign in (DESIGN.md flow 6): the methods an organisation may allow, the rules its
// policy must follow, and the limits every factor shares. The core enforces these; the screens use
// the same rules to show only what will work.

/**
 * - `totp`: password, then a code from an authenticator app (RFC 6238).
 * - `sms`: password, then a code sent by SMS to the operator's registered mobile number.
 * - `bankid`: Swedish BankID, alone or as the second step after the password.
 * - `card_pin`: the operator's own active card, tapped on any reader, and a PIN.
 * - `password`: the password alone: only where an administrator explicitly allows it.
 */
export const SIGN_IN_METHODS = ['totp', 'sms', 'bankid', 'card_pin', 'password'] as const;
export type SignInMethod = (typeof SIGN_IN_METHODS)[number];

/** What can follow a correct password, in the order the screen offers them. */
export const SECOND_FACTORS = ['bankid', 'sms', 'totp'] as const;
export type SecondFactor = (typeof SECOND_FACTORS)[number];

/** Each of these costs the organisation money per use (an SMS, a BankID transaction). */
export const COST_BEARING_METHODS: readonly SignInMethod[] = ['sms', 'bankid'];

/** Methods that need the desk to be set up first (a gateway account, a relying-party certificate). */
export const METHODS_NEEDING_SETUP = ['sms', 'bankid'] as const;
export type MethodNeedingSetup = (typeof METHODS_NEEDING_SETUP)[number];

export interface SignInPolicy {
  /** The methods operators may use; at least one. */
  methods: SignInMethod[];
  /** The method the sign-in screen offers first; one of `methods`. */
  defaultMethod: SignInMethod;
}

/** A new desk: password and an authenticator app, which needs no account with anyone. */
export const DEFAULT_SIGN_IN_POLICY: SignInPolicy = { methods: ['totp'], defaultMethod: 'totp' };

export type SignInPolicyProblem =
  /** No method at all: nobody could sign in. */
  | 'no_method'
  | 'default_not_allowed'
  /** SMS is the weakest second factor (NIST SP 800-63B §5.1.3.3): only beside a stronger one. */
  | 'sms_alone'
  /** The desk has no SMS gateway or no BankID certificate set up. */
  | 'not_set_up';

export interface SignInPolicyIssue {
  problem: SignInPolicyProblem;
  method?: SignInMethod;
}

/** What is wrong with a policy, given which methods this desk has set up; empty when it is usable. */
export function signInPolicyIssues(
  policy: SignInPolicy,
  isSetUp: Record<MethodNeedingSetup, boolean>,
): SignInPolicyIssue[] {
  const issues: SignInPolicyIssue[] = [];
  const methods = new Set(policy.methods);
  if (methods.size === 0) issues.push({ problem: 'no_method' });
  if (!methods.has(policy.defaultMethod))
    issues.push({ problem: 'default_not_allowed', method: policy.defaultMethod });
  if (methods.has('sms') && !['totp', 'bankid', 'card_pin'].some((m) => methods.has(m as SignInMethod))) {
    issues.push({ problem: 'sms_alone', method: 'sms' });
  }
  for (const method of METHODS_NEEDING_SETUP) {
    if (methods.has(method) && !isSetUp[method]) issues.push({ problem: 'not_set_up', method });
  }
  return issues;
}

/** Methods an operator starts with on the sign-in screen (no password first). */
export function isStandaloneMethod(method: SignInMethod): boolean {
  return method === 'bankid' || method === 'card_pin';
}

// One-time codes: NIST SP 800-63B §5.1.3 (at least 20 bits, single use, at most 10 minutes) and the
// Aiai flow (5 minutes, "send again", the number shown masked).
/** 8 digits: 26.6 bits (6 digits would be 19.9, under NIST's 20). */
export const SMS_CODE_DIGITS = 8;
export const SMS_CODE_TTL_MS = 5 * 60_000;
/** Wrong entries allowed per code; after that a new code must be sent. */
export const SMS_CODE_MAX_ATTEMPTS = 5;
/** "Send again" waits this long after the last send. */
export const SMS_RESEND_AFTER_MS = 30_000;
/** At most this many codes per operator in SMS_SEND_WINDOW_MS, however they are asked for. */
export const SMS_MAX_SENDS_PER_WINDOW = 5;
export const SMS_SEND_WINDOW_MS = 15 * 60_000;

/** RFC 6238 as every authenticator app implements it: SHA-1, 6 digits, 30 s, one step either side. */
export const TOTP_ALGORITHM = 'SHA1';
export const TOTP_DIGITS = 6;
export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_WINDOW = 1;
/** The issuer name shown in the operator's authenticator app. */
export const TOTP_ISSUER = 'Frontdesk ID';

/** How long the step after a correct password stays open (a person reading an SMS, finding a phone). */
export const PENDING_SIGN_IN_TTL_MS = 10 * 60_000;
/** A tapped card waits this long for its PIN. */
export const CARD_PIN_TAP_TTL_MS = 60_000;

export const PIN_MIN_DIGITS = 6;
export const PIN_MAX_DIGITS = 12;

export type PinProblem = 'format' | 'too_short' | 'too_long' | 'too_simple';

/** Why a PIN cannot be used: digits only, 6–12 of them, not one digit repeated or a plain run. */
export function pinProblem(pin: string): PinProblem | null {
  if (!/^[0-9]*$/.test(pin)) return 'format';
  if (pin.length < PIN_MIN_DIGITS) return 'too_short';
  if (pin.length > PIN_MAX_DIGITS) return 'too_long';
  const digits = [...pin].map(Number);
  const steps = new Set(digits.slice(1).map((d, i) => (d - digits[i]! + 10) % 10));
  // 000000, 123456, 987654: one step between every pair of digits.
  if (steps.size === 1 && [0, 1, 9].includes([...steps][0]!)) return 'too_simple';
  return null;
}

/**
 * A mobile number as Aiai shows it: `xxxx-xxxx72`, only the last two digits, so a screen never
 * reveals a number to whoever stands in front of it.
 */
export function maskPhoneNumber(e164: string): string {
  const digits = e164.replace(/[^0-9]/g, '');
  return `xxxx-xxxx${digits.slice(-2)}`;
}

/** E.164: a plus, a country code and up to 15 digits in all (46elks refuses anything else). */
export const E164 = /^\+[1-9][0-9]{6,14}$/;

/**
 * A phone number as a person types it (`070-123 45 67`, `+46 70 123 45 67`, `0046…`) in E.164, or
 * null. A national number without a country code takes `defaultCountryCode` (Sweden: '46').
 */
export function toE164(input: string, defaultCountryCode = '46'): string | null {
  const compact = input.trim().replace(/[\s()-]/g, '');
  let e164: string;
  if (compact.startsWith('+')) e164 = compact;
  else if (compact.startsWith('00')) e164 = `+${compact.slice(2)}`;
  else if (compact.startsWith('0')) e164 = `+${defaultCountryCode}${compact.slice(1)}`;
  else return null;
  return E164.test(e164) ? e164 : null;
}

/** BankID's hint codes (RP API v6, /collect): each is shown in the operator's language. */
export const BANKID_PENDING_HINTS = [
  'outstandingTransaction',
  'noClient',
  'started',
  'userSign',
  'userMrtd',
  'userCallConfirm',
] as const;
export const BANKID_FAILED_HINTS = [
  'expiredTransaction',
  'certificateErr',
  'userCancel',
  'cancelled',
  'startFailed',
  'userDeclinedCall',
  'notSupportedByUserApp',
  'transactionRiskBlocked',
] as const;
export type BankIdPendingHint = (typeof BANKID_PENDING_HINTS)[number];
export type BankIdFailedHint = (typeof BANKID_FAILED_HINTS)[number];
