// One-time codes by SMS (Aiai's flow; NIST SP 800-63B §5.1.3): limits in src-shared/domain/sign-in.ts.
import type { Language } from '../../../src-shared/domain/languages';
import {
  E164,
  maskPhoneNumber,
  SMS_MAX_SENDS_PER_WINDOW,
  SMS_RESEND_AFTER_MS,
  SMS_SEND_WINDOW_MS,
} from '../../../src-shared/domain/sign-in';
import type { Clock, Random } from '../ops/context';
import { DomainError } from '../ops/domain-error';
import type { OperationRunner } from '../ops/operations';
import type { Db } from '../store/database';
import { checkSmsCode } from './operations/check-sms-code';
import { recordSmsSent } from './operations/record-sms-sent';
import { hashSmsCode, randomSmsCode } from './sms-code-hash';
import { smsCodeText } from './sms-code-text';
import { SmsGatewayError, type SmsGateway, type SmsGatewayErrorKind } from './sms-gateway';

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

export interface SmsCodesDeps {
  db: Db;
  ops: OperationRunner;
  clock: Clock;
  random: Random;
  /** Null: the desk has no gateway set up, and SMS codes are not offered. */
  gateway: SmsGateway | null;
}

const SALT_BYTES = 16;

const toSeconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

export function createSmsCodes(deps: SmsCodesDeps): SmsCodes {
  const { db, ops, clock, random, gateway } = deps;
  /** Operators whose send is waiting for the gateway: a second tap must not send a second SMS. */
  const sending = new Set<string>();

  /** How long this operator must wait before another code may be sent; 0 when it may go now. */
  function waitMs(operatorId: string, nowMs: number): number {
    const since = new Date(nowMs - SMS_SEND_WINDOW_MS).toISOString();
    const sentAt = (
      db
        .prepare('SELECT sent_at FROM sms_codes WHERE operator_id = ? AND sent_at > ? ORDER BY sent_at')
        .all(operatorId, since) as { sent_at: string }[]
    ).map((row) => Date.parse(row.sent_at));
    const last = sentAt.at(-1);
    let wait = last === undefined ? 0 : last + SMS_RESEND_AFTER_MS - nowMs;
    if (sentAt.length >= SMS_MAX_SENDS_PER_WINDOW) {
      // The window frees a place when the oldest send that keeps it full leaves it.
      const oldest = sentAt[sentAt.length - SMS_MAX_SENDS_PER_WINDOW]!;
      wait = Math.max(wait, oldest + SMS_SEND_WINDOW_MS - nowMs);
    }
    return wait;
  }

  function unavailable(operatorId: string, error: unknown): DomainError {
    const reason: SmsGatewayErrorKind = error instanceof SmsGatewayError ? error.kind : 'unreachable';
    ops.record('operator.smsFailed', operatorId, { type: 'operator', id: operatorId }, { reason });
    const detail = error instanceof SmsGatewayError ? error.message : 'The SMS gateway failed.';
    return new DomainError('sms_unavailable', `No SMS code was sent: ${detail}`, undefined, { reason });
  }

  return {
    isConfigured: gateway !== null,

    async send(operator) {
      if (!gateway) {
        throw new DomainError('sms_not_configured', 'This desk has no SMS gateway (settings: smsGateway).');
      }
      if (!operator.mobilePhone) {
        throw new DomainError('no_mobile_number', 'This operator has no mobile number registered.');
      }
      const wait = sending.has(operator.id) ? SMS_RESEND_AFTER_MS : waitMs(operator.id, clock.now());
      if (wait > 0) {
        const retryAfterSeconds = toSeconds(wait);
        throw new DomainError(
          'sms_too_soon',
          `A new code can be sent in ${retryAfterSeconds} s.`,
          undefined,
          { retryAfterSeconds },
        );
      }
      if (!E164.test(operator.mobilePhone)) {
        throw unavailable(
          operator.id,
          new SmsGatewayError('bad_number', 'The registered number is not E.164.'),
        );
      }

      sending.add(operator.id);
      try {
        const code = randomSmsCode(random);
        const salt = Buffer.from(random.bytes(SALT_BYTES)).toString('hex');
        let gatewayId: string;
        try {
          ({ id: gatewayId } = await gateway.send({
            to: operator.mobilePhone,
            text: smsCodeText(operator.language, code),
          }));
        } catch (error) {
          throw unavailable(operator.id, error);
        }
        const maskedPhone = maskPhoneNumber(operator.mobilePhone);
        const { expiresAt } = ops.run(
          recordSmsSent,
          { operatorId: operator.id, codeHash: hashSmsCode(salt, code), salt, gatewayId, maskedPhone },
          operator.id,
        );
        return { maskedPhone, expiresAt, resendAfterSeconds: toSeconds(SMS_RESEND_AFTER_MS) };
      } finally {
        sending.delete(operator.id);
      }
    },

    verify(operatorId, code) {
      const check = ops.run(checkSmsCode, { operatorId, code }, operatorId);
      switch (check.outcome) {
        case 'accepted':
          return;
        case 'wrong':
          throw new DomainError('invalid_code', 'The code is wrong.', undefined, {
            attemptsLeft: check.attemptsLeft,
          });
        case 'exhausted':
          throw new DomainError('code_exhausted', 'Too many wrong entries for this code: send a new one.');
        case 'used':
          throw new DomainError('code_used', 'This code has already been used: send a new one.');
        case 'expired':
        case 'none':
          throw new DomainError('code_expired', 'There is no valid code: send a new one.');
      }
    },

    sentSince(iso) {
      return (db.prepare('SELECT count(*) AS n FROM sms_codes WHERE sent_at >= ?').get(iso) as { n: number })
        .n;
    },
  };
}
