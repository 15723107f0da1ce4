// One-time codes by SMS (Aiai's flow; NIST SP 800-63B §5.1.3): limits in src-shared/domain/sign-in.ts.
import type { Language } from '../../../src-shared/domain/languages';

export interface SmsCodeSent {
  maskedPhone: string;
  expiresAt: string;
  resendAfterSeconds: number;
}

export interface SmsCodes {
  readonly isConfigured: boolean;
  /**
   * Sends a new code to the operator's number; it replaces any open one. Throws DomainError
   * 'sms_not_configured', 'no_mobile_number', 'sms_too_soon' (params.retryAfterSeconds) or
   * 'sms_unavailable' (params.reason: unreachable, refused, bad_number). Nothing is kept of a code
   * the gateway did not accept.
   */
  send(operator: { id: string; mobilePhone: string | null; language: Language }): Promise<SmsCodeSent>;
  /**
   * Accepts the operator's open code once. Throws DomainError 'invalid_code' (params.attemptsLeft),
   * 'code_expired', 'code_used' or 'code_exhausted'; when there is no open code: 'code_expired'.
   */
  verify(operatorId: string, code: string): void;
  /** Codes sent since this ISO time, for the policy screen's usage. */
  sentSince(iso: string): number;
}
