// BankID's Relying Party API v6 over HTTPS with mutual TLS: the relying party's certificate (PKCS#12)
// proves who is asking, and BankID's server certificate is checked against BankID's own CA, never
// the system's list alone and never switched off. Every answer is parsed before it is trusted.
import { Agent, request } from 'node:https';
import { createSecureContext } from 'node:tls';
import { z } from 'zod';
import { BankIdError, type BankIdAuthOrder, type BankIdClient, type BankIdCollect } from '../bankid-client';

export interface BankIdTls {
  /** The relying party's certificate and key, PKCS#12. */
  pfx: Buffer;
  passphrase: string;
  /** The CA that signs BankID's server certificate; null: the system's CAs. */
  ca: Buffer | null;
}

export interface BankIdRpClientOptions {
  /** e.g. https://appapi2.test.bankid.com/rp/v6.0 */
  baseUrl: string;
  /** Read when the first request is made, so a missing file or passphrase is an error of that call. */
  tls: BankIdTls | (() => Promise<BankIdTls>);
  /** Per request, from connecting to the last byte. Default 10 s. */
  timeoutMs?: number;
}

/** BankID's answers are small; anything larger is not BankID. */
const MAX_ANSWER_BYTES = 64 * 1024;
const DEFAULT_TIMEOUT_MS = 10_000;

const text = z.string().min(1).max(1000);
const authAnswer = z.object({
  orderRef: text,
  autoStartToken: text,
  qrStartToken: text,
  qrStartSecret: text,
});
const collectAnswer = z.discriminatedUnion('status', [
  z.object({ orderRef: text, status: z.literal('pending'), hintCode: text }),
  z.object({ orderRef: text, status: z.literal('failed'), hintCode: text }),
  z.object({
    orderRef: text,
    status: z.literal('complete'),
    completionData: z.object({
      user: z.object({
        personalNumber: z.string().regex(/^[0-9]{12}$/),
        name: z.string().max(1000),
        givenName: z.string().max(1000),
        surname: z.string().max(1000),
      }),
    }),
  }),
]);
const errorAnswer = z.object({ errorCode: text, details: z.string().max(10_000).optional() });

/** Which fields were wrong, without their values (an answer may hold a secret or a personal number). */
function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => issue.path.join('.') || '(answer)').join(', ');
}

export function createBankIdRpClient(options: BankIdRpClientOptions): BankIdClient & { close(): void } {
  const base = new URL(options.baseUrl.replace(/\/+$/, '') + '/');
  if (base.protocol !== 'https:') throw new Error('BankID is only spoken over HTTPS.');
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  let agent: Promise<Agent> | null = null;

  const makeAgent = async (): Promise<Agent> => {
    const tls = typeof options.tls === 'function' ? await options.tls() : options.tls;
    // Made here, not at the first request, so a wrong passphrase is reported as such.
    createSecureContext({ pfx: tls.pfx, passphrase: tls.passphrase, ...(tls.ca ? { ca: tls.ca } : {}) });
    return new Agent({
      pfx: tls.pfx,
      passphrase: tls.passphrase,
      ...(tls.ca ? { ca: tls.ca } : {}),
      keepAlive: true,
      rejectUnauthorized: true,
    });
  };
  const getAgent = (): Promise<Agent> => {
    // A failed load is tried again on the next call: the administrator may have fixed the file.
    agent ??= makeAgent().catch((error: unknown) => {
      agent = null;
      const reason = error instanceof Error ? error.message : String(error);
      throw new BankIdError('unreachable', `The BankID certificate could not be read: ${reason}`);
    });
    return agent;
  };

  const post = async (path: string, body: unknown): Promise<{ status: number; text: string }> => {
    const useAgent = await getAgent();
    const payload = JSON.stringify(body);
    return new Promise((resolve, reject) => {
      let isSettled = false;
      const fail = (error: Error) => {
        if (isSettled) return;
        isSettled = true;
        clearTimeout(deadline);
        req.destroy();
        reject(
          error instanceof BankIdError
            ? error
            : new BankIdError('unreachable', `BankID could not be reached for ${path}: ${error.message}`),
        );
      };
      const req = request(
        new URL(path, base),
        {
          method: 'POST',
          agent: useAgent,
          headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(payload) },
        },
        (res) => {
          const chunks: Buffer[] = [];
          let size = 0;
          res.on('data', (chunk: Buffer) => {
            size += chunk.length;
            if (size > MAX_ANSWER_BYTES)
              return fail(new BankIdError('malformed', `BankID's answer to ${path} is larger than 64 KiB.`));
            chunks.push(chunk);
          });
          res.on('end', () => {
            if (isSettled) return;
            isSettled = true;
            clearTimeout(deadline);
            resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') });
          });
          res.on('error', fail);
          // After 'end' this changes nothing; before it, the answer was cut off.
          res.on('close', () => fail(new Error('the connection closed before the answer was complete')));
        },
      );
      // From the first byte sent to the last byte read, whatever the server does meanwhile.
      const deadline = setTimeout(
        () => fail(new BankIdError('unreachable', `BankID did not answer ${path} within ${timeoutMs} ms.`)),
        timeoutMs,
      );
      req.on('error', fail);
      req.end(payload);
    });
  };

  const call = async <T>(path: string, body: unknown, schema: z.ZodType<T>): Promise<T> => {
    const answer = await post(path, body);
    let json: unknown;
    try {
      json = JSON.parse(answer.text);
    } catch {
      throw new BankIdError('malformed', `BankID answered ${path} with ${answer.status} and no JSON.`);
    }
    if (answer.status !== 200) {
      const error = errorAnswer.safeParse(json);
      if (!error.success)
        throw new BankIdError('malformed', `BankID answered ${path} with ${answer.status} and no errorCode.`);
      const details = error.data.details ? `: ${error.data.details.slice(0, 200)}` : '';
      throw new BankIdError(
        'refused',
        `BankID refused ${path} (${answer.status} ${error.data.errorCode})${details}`,
        error.data.errorCode,
      );
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success)
      throw new BankIdError(
        'malformed',
        `BankID's answer to ${path} is not as the API says (${describeIssues(parsed.error)}).`,
      );
    return parsed.data;
  };

  return {
    async auth({ endUserIp }): Promise<BankIdAuthOrder> {
      return call('auth', { endUserIp }, authAnswer);
    },
    async collect(orderRef): Promise<BankIdCollect> {
      const answer = await call('collect', { orderRef }, collectAnswer);
      if (answer.orderRef !== orderRef)
        throw new BankIdError('malformed', "BankID's answer to collect is for another order.");
      if (answer.status === 'complete') {
        const { personalNumber, name, givenName, surname } = answer.completionData.user;
        return { status: 'complete', user: { personalNumber, name, givenName, surname } };
      }
      return { status: answer.status, hintCode: answer.hintCode };
    },
    async cancel(orderRef): Promise<void> {
      await call('cancel', { orderRef }, z.object({}));
    },
    close() {
      void agent?.then(
        (a) => a.destroy(),
        () => undefined,
      );
      agent = null;
    },
  };
}
