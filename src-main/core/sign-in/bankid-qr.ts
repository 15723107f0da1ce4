// The animated QR code of BankID's RP API v6: the content changes every second, so a photo of the
// screen passed on to someone else is stale before it can be used.
import { createHmac } from 'node:crypto';

/**
 * `bankid.<qrStartToken>.<seconds>.<qrAuthCode>`, where qrAuthCode is the hex HMAC-SHA256 of the
 * decimal `seconds` keyed with qrStartSecret, and `seconds` is the whole seconds since /auth answered.
 */
export function bankIdQrContent(qrStartToken: string, qrStartSecret: string, seconds: number): string {
  const time = String(Math.max(0, Math.floor(seconds)));
  const authCode = createHmac('sha256', Buffer.from(qrStartSecret, 'utf8')).update(time).digest('hex');
  return `bankid.${qrStartToken}.${time}.${authCode}`;
}
