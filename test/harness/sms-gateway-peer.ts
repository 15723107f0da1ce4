// A real HTTP server on 127.0.0.1 that speaks 46elks' POST /a1/sms the way 46elks does: Basic auth,
// a form with from, to and message, 403 with a short text for a bad number or sender, and a JSON
// answer with the message's id. Every accepted message is kept, so a test reads the code the desk
// sent as a person would read it on their phone.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface SentSms {
  id: string;
  from: string;
  to: string;
  message: string;
  created: string;
}

export interface SmsGatewayPeerOptions {
  username?: string;
  password?: string;
}

export interface SmsGatewayPeer {
  baseUrl: string;
  username: string;
  password: string;
  /** Every message the peer accepted, oldest first. */
  messages: SentSms[];
  /** The last 8-digit code in the last message to this number, spaces removed; null if none. */
  codeSentTo(to: string): string | null;
  /** The `count`-th message to this number (default: the next one), waiting for it to arrive. */
  waitForMessage(to: string, count?: number, timeoutMs?: number): Promise<SentSms>;
  /** The next `times` requests get this status and body instead of being handled. */
  failWith(status: number, body: string, times?: number): void;
  /** The next `times` requests get no answer at all, until the client gives up. */
  stall(times?: number): void;
  /** Requests that reached the peer (accepted or not), for tests that count attempts. */
  readonly requestCount: number;
  /** Stops listening and drops open connections: the desk sees a gateway that is down. */
  goDown(): Promise<void>;
  /** Listens again on the same port. */
  comeBack(): Promise<void>;
  close(): Promise<void>;
}

const E164 = /^\+[1-9][0-9]{6,14}$/;
const SENDER = /^([A-Za-z][A-Za-z0-9]{2,10}|\+[1-9][0-9]{6,14})$/;
const MAX_REQUEST_BYTES = 64 * 1024;
/** 46elks splits long texts into at most this many characters in all. */
const MAX_MESSAGE_CHARS = 1600;

function readBody(request: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_REQUEST_BYTES) chunks.push(chunk);
    });
    request.on('end', () =>
      resolve(size > MAX_REQUEST_BYTES ? null : Buffer.concat(chunks).toString('utf8')),
    );
    request.on('error', reject);
  });
}

function isAuthorised(header: string | undefined, username: string, password: string): boolean {
  if (!header?.startsWith('Basic ')) return false;
  return Buffer.from(header.slice(6), 'base64').toString('utf8') === `${username}:${password}`;
}

export async function startSmsGatewayPeer(options: SmsGatewayPeerOptions = {}): Promise<SmsGatewayPeer> {
  const username = options.username ?? 'u0123456789abcdef0123456789abcdef';
  const password = options.password ?? 'P4ssw0rd-Elks-Test';
  const messages: SentSms[] = [];
  const waiters: (() => void)[] = [];
  const failures: { status: number; body: string }[] = [];
  let stalls = 0;
  let requestCount = 0;
  let serial = 0;
  const sockets = new Set<Socket>();
  const stalled = new Set<ServerResponse>();

  function answerText(response: ServerResponse, status: number, text: string): void {
    response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
    response.end(text);
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    requestCount++;
    if (stalls > 0) {
      stalls--;
      stalled.add(response);
      return;
    }
    const failure = failures.shift();
    if (failure) return answerText(response, failure.status, failure.body);
    if (request.method !== 'POST' || request.url !== '/a1/sms') return answerText(response, 404, 'Not found');
    if (!isAuthorised(request.headers.authorization, username, password)) {
      response.setHeader('www-authenticate', 'Basic realm="46elks"');
      return answerText(response, 401, 'Authentication required');
    }
    const body = await readBody(request);
    if (body === null) return answerText(response, 413, 'Request too large');
    const form = new URLSearchParams(body);
    const from = form.get('from') ?? '';
    const to = form.get('to') ?? '';
    const message = form.get('message') ?? '';
    if (!to) return answerText(response, 403, 'Missing key to');
    if (!E164.test(to)) return answerText(response, 403, 'Invalid to number');
    if (!SENDER.test(from)) return answerText(response, 403, 'Invalid from');
    if (!message) return answerText(response, 403, 'Missing key message');
    if (message.length > MAX_MESSAGE_CHARS) return answerText(response, 403, 'Message too long');
    const sent: SentSms = {
      id: `s${(++serial).toString(16).padStart(8, '0')}${Date.now().toString(16)}`,
      from,
      to,
      message,
      created: new Date().toISOString(),
    };
    messages.push(sent);
    for (const wake of waiters.splice(0)) wake();
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(
      JSON.stringify({
        status: 'created',
        direction: 'outgoing',
        ...sent,
        parts: 1,
        estimated_cost: 3500,
        cost: 3500,
      }),
    );
  }

  const server: Server = createServer((request, response) => {
    handle(request, response).catch(() => response.destroy());
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  let isListening = true;

  async function stop(): Promise<void> {
    if (!isListening) return;
    isListening = false;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    for (const socket of sockets) socket.destroy();
    stalled.clear();
    await closed;
  }

  const toNumber = (to: string) => messages.filter((m) => m.to === to);

  return {
    baseUrl: `http://127.0.0.1:${port}`,
    username,
    password,
    messages,
    get requestCount() {
      return requestCount;
    },
    codeSentTo(to) {
      const last = toNumber(to).at(-1);
      if (!last) return null;
      const codes = [...last.message.matchAll(/(?<![0-9])([0-9]{4}) ?([0-9]{4})(?![0-9])/g)];
      const code = codes.at(-1);
      return code ? `${code[1]}${code[2]}` : null;
    },
    async waitForMessage(to, count = toNumber(to).length + 1, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      while (toNumber(to).length < count) {
        if (Date.now() > deadline) throw new Error(`No SMS number ${count} to ${to} within ${timeoutMs} ms.`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 200);
        });
      }
      return toNumber(to)[count - 1]!;
    },
    failWith(status, body, times = 1) {
      for (let i = 0; i < times; i++) failures.push({ status, body });
    },
    stall(times = 1) {
      stalls += times;
    },
    goDown: stop,
    async comeBack() {
      if (isListening) return;
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, '127.0.0.1', () => {
          server.off('error', reject);
          resolve();
        });
      });
      isListening = true;
    },
    close: stop,
  };
}
