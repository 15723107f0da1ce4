// Signing in with a second factor, BankID or card and PIN; the operator's own factors; the
// organisation's sign-in policy. The flows are in docs/sign-in.md.
//
// The steps after a correct password are 'public' methods: the core keeps the half-finished sign-in
// on the connection (who, since when, which methods) and refuses them without one ('sign_in_expired').
import { z } from 'zod';
import { ADMINS } from '../../domain/roles';
import {
  BANKID_FAILED_HINTS,
  BANKID_PENDING_HINTS,
  PIN_MAX_DIGITS,
  SECOND_FACTORS,
  SIGN_IN_METHODS,
} from '../../domain/sign-in';
import { empty, method } from '../method-spec';
import { operatorSelf, password } from '../schemas';

export const signInMethod = z.enum(SIGN_IN_METHODS);
export const secondFactor = z.enum(SECOND_FACTORS);

export const signInPolicy = z.strictObject({
  methods: z.array(signInMethod).min(1).max(SIGN_IN_METHODS.length),
  defaultMethod: signInMethod,
});

/** A one-time code as typed: digits, spaces allowed between groups ("1234 5678"). */
export const oneTimeCode = z
  .string()
  .max(20, 'At most 20 characters.')
  .transform((value) => value.replace(/\s/g, ''))
  .pipe(z.string().regex(/^[0-9]{6,8}$/, '6 to 8 digits.'));

export const pin = z
  .string()
  .max(PIN_MAX_DIGITS * 2, 'Too long.')
  .regex(/^[0-9]*$/, 'Digits only.');

/** One way to finish a sign-in after the password, as the screen offers it. */
export const secondFactorChoice = z.discriminatedUnion('method', [
  z.object({ method: z.literal('totp') }),
  /** The operator's registered mobile number, masked (`xxxx-xxxx72`). */
  z.object({ method: z.literal('sms'), maskedPhone: z.string() }),
  z.object({ method: z.literal('bankid') }),
]);
export type SecondFactorChoice = z.infer<typeof secondFactorChoice>;

/** What a correct password (or an enrolment) leads to. */
export const signInStep = z.discriminatedUnion('step', [
  /** Signed in: the organisation allows the password alone. */
  z.object({ step: z.literal('signedIn'), operator: operatorSelf }),
  /** "Verify with": one of these, `defaultMethod` first. */
  z.object({
    step: z.literal('verify'),
    choices: z.array(secondFactorChoice).min(1),
    defaultMethod: secondFactor,
  }),
  /** The operator has no factor the organisation allows yet: set up an authenticator app now. */
  z.object({ step: z.literal('enrol'), method: z.literal('totp') }),
]);
export type SignInStep = z.infer<typeof signInStep>;

/** A new authenticator secret, shown once while the operator scans it. */
export const totpEnrolment = z.object({
  /** Base32, grouped in fours for typing into an app by hand. */
  secret: z.string(),
  /** The otpauth:// URI the QR code holds. */
  uri: z.string(),
  /** The QR code as an SVG document. */
  qrSvg: z.string(),
});

export const smsCodeSent = z.object({
  maskedPhone: z.string(),
  /** ISO time the code stops working. */
  expiresAt: z.string(),
  /** Seconds until "Send again" may be used. */
  resendAfterSeconds: z.number().int().min(0),
});

const bankIdPendingHint = z.enum([...BANKID_PENDING_HINTS, 'unknown']);
const bankIdFailedHint = z.enum([...BANKID_FAILED_HINTS, 'unknown']);

export const bankIdState = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('pending'),
    hintCode: bankIdPendingHint,
    /** The animated QR code's content for this second, null once the app has started (or same device). */
    qr: z.string().nullable(),
    /** The same content as an SVG document, ready to show. */
    qrSvg: z.string().nullable(),
  }),
  z.object({ status: z.literal('failed'), hintCode: bankIdFailedHint }),
  z.object({ status: z.literal('complete'), operator: operatorSelf }),
]);
export type BankIdState = z.infer<typeof bankIdState>;

export const ownFactors = z.object({
  totpEnrolledAt: z.string().nullable(),
  pinSetAt: z.string().nullable(),
  /** Masked; null when none is registered. Registered by an administrator. */
  maskedPhone: z.string().nullable(),
  hasIdentityNumber: z.boolean(),
  /** Card and PIN needs an active card of the operator's own (matched by identity number). */
  hasActiveOwnCard: z.boolean(),
  policy: signInPolicy,
});

export const policyView = z.object({
  policy: signInPolicy,
  /** Whether this desk has an SMS gateway and a BankID certificate set up (settings.json). */
  isSetUp: z.object({ sms: z.boolean(), bankid: z.boolean() }),
  /** What cost-bearing methods were used in the last 30 days. */
  usage: z.object({ smsSent: z.number().int(), bankIdOrders: z.number().int() }),
});

export const signInMethods = {
  /** "Back to sign-in": forgets the half-finished sign-in and any BankID order it started. */
  'signIn.cancel': method(empty, empty, 'public'),
  'signIn.verifyTotp': method(z.strictObject({ code: oneTimeCode }), operatorSelf, 'public'),
  /** Sends a code, or a new one that replaces the last ("Send again"). */
  'signIn.sendSmsCode': method(empty, smsCodeSent, 'public'),
  'signIn.verifySmsCode': method(z.strictObject({ code: oneTimeCode }), operatorSelf, 'public'),
  /**
   * Starts a BankID order: as the step after a password (that operator must be the one identified),
   * or on its own from the sign-in screen. `sameDevice`: open the BankID app on this computer
   * (the answer holds its autostart token) instead of scanning the QR code with a phone.
   */
  'signIn.startBankId': method(
    z.strictObject({ sameDevice: z.boolean() }),
    z.object({ autoStartToken: z.string().nullable() }),
    'public',
  ),
  /** The order's state now: call once a second while pending (the QR code changes every second). */
  'signIn.pollBankId': method(empty, bankIdState, 'public'),
  'signIn.cancelBankId': method(empty, empty, 'public'),
  /** The PIN for the card last tapped at this screen (within a minute). */
  'signIn.cardPin': method(z.strictObject({ pin }), operatorSelf, 'public'),
  /** During the 'enrol' step: a new authenticator secret for the operator signing in. */
  'signIn.beginTotp': method(empty, totpEnrolment, 'public'),
  /** During the 'enrol' step: the first code from the app confirms the secret and signs in. */
  'signIn.confirmTotp': method(z.strictObject({ code: oneTimeCode }), operatorSelf, 'public'),
  /** The organisation's sign-in methods (administrators). */
  'signIn.policy': method(empty, policyView, ADMINS),
  'signIn.setPolicy': method(signInPolicy, policyView, ADMINS),
} as const;

export const factorMethods = {
  'factors.mine': method(empty, ownFactors, 'operator'),
  /** A new authenticator secret; changing a factor asks for the password again. */
  'factors.beginTotp': method(z.strictObject({ password }), totpEnrolment, 'operator'),
  'factors.confirmTotp': method(z.strictObject({ code: oneTimeCode }), ownFactors, 'operator'),
  'factors.setPin': method(z.strictObject({ password, pin }), ownFactors, 'operator'),
} as const;
