// The SMS gateway over 46elks' API (https://46elks.com/docs/send-sms): POST <baseUrl>/a1/sms as a
// form with from, to (E.164) and message, HTTP Basic auth with the API username and password. The
// password is read for each message, so a changed one needs no restart. Nothing the gateway says is
// trusted: its answer is size-bounded and validated, and no error carries the message (it holds the
// code) or the password.
import { z } from 'zod';
import { SmsGatewayError, type SmsGateway } from '../sms-gateway';

export interface ElksSettings {
  baseUrl: string;
  username: string;
  /** The sender shown on the phone: 3–11 letters and digits starting with a letter, or an E.164 number. */
  from: string;
  /** The whole exchange, answer included. Default 10 s. */
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 10_000;
/** 46elks answers a few hundred bytes; anything much bigger is not its answer. */
const MAX_ANSWER_BYTES = 64 * 1024;

const elksAnswer = z.looseObject({
  id: z.string().min(1).max(200),
  status: z.string().max(50).optional(),
});

/** 46elks refuses a bad recipient with a text naming `to` ("Invalid to number"). */
const BAD_NUMBER_TEXT =
  /\b(invalid|bad|missing)\s+"?to"?\b|\bto\s+number\b|\bnot\s+a\s+valid\s+(phone\s+)?number\b/i;

class AnswerTooLarge extends Error {}

async function readBounded(response: Response): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_ANSWER_BYTES) {
      await reader.cancel().catch(() => {});
      throw new AnswerTooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export function createElksSmsGateway(
  settings: ElksSettings,
  password: () => Promise<string | null>,
): SmsGateway {
  const url = `${settings.baseUrl.replace(/\/+$/, '')}/a1/sms`;
  const timeoutMs = settings.timeoutMs ?? DEFAULT_TIMEOUT_MS;

  /** What the gateway said, for technicians: short, one line, digits hidden (a code could be echoed). */
  const quoted = (text: string, secret: string) =>
    JSON.stringify(
      text
        .split(secret)
        .join('…')
        .replace(/[^\x20-\x7e]+/g, ' ')
        .replace(/[0-9]/g, '#')
        .trim()
        .slice(0, 120),
    );

  return {
    describe: () => `46elks at ${settings.baseUrl}`,
    async send(message) {
      let secret: string | null;
      try {
        secret = await password();
      } catch {
        secret = null;
      }
      if (!secret) {
        throw new SmsGatewayError(
          'refused',
          'No password for the SMS gateway could be read: set it in the key store as sms-gateway-password.',
        );
      }
      const where = `the SMS gateway (${settings.baseUrl})`;
      let response: Response;
      let text: string;
      try {
        response = await fetch(url, {
          method: 'POST',
          headers: {
            authorization: `Basic ${Buffer.from(`${settings.username}:${secret}`).toString('base64')}`,
            'content-type': 'application/x-www-form-urlencoded',
            accept: 'application/json',
          },
          body: new URLSearchParams({
            from: settings.from,
            to: message.to,
            message: message.text,
          }).toString(),
          // A redirect could carry the credentials elsewhere; the API never redirects.
          redirect: 'manual',
          signal: AbortSignal.timeout(timeoutMs),
        });
        text = await readBounded(response);
      } catch (error) {
        if (error instanceof AnswerTooLarge) {
          throw new SmsGatewayError('refused', `${where} answered with more than ${MAX_ANSWER_BYTES} bytes.`);
        }
        const name = error instanceof Error ? error.name : '';
        const reason = name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : 'could not be reached';
        throw new SmsGatewayError('unreachable', `${where} ${reason}.`);
      }

      if (response.ok) {
        let parsed: unknown;
        try {
          parsed = JSON.parse(text);
        } catch {
          parsed = null;
        }
        const answer = elksAnswer.safeParse(parsed);
        if (!answer.success) {
          throw new SmsGatewayError('refused', `${where} answered without a message id.`);
        }
        return { id: answer.data.id };
      }
      const said = quoted(text, secret);
      if ((response.status === 400 || response.status === 403) && BAD_NUMBER_TEXT.test(text.slice(0, 1000))) {
        throw new SmsGatewayError(
          'bad_number',
          `${where} refused the number (HTTP ${response.status}: ${said}).`,
        );
      }
      const why =
        response.status === 401
          ? 'refused the API username or password'
          : response.status === 402
            ? 'says the account has no credit'
            : `refused the message`;
      throw new SmsGatewayError('refused', `${where} ${why} (HTTP ${response.status}: ${said}).`);
    },
  };
}
