// The web host: the built renderer and the desk API over a WebSocket, on 127.0.0.1 only.
// Every API connection must carry this launch's token and come from this host's own origin.
// Files are served by fastify and @fastify/static: whatever arrives on the socket (malformed
// escapes, `//`, huge or duplicate headers), the host answers or refuses, and keeps running.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync } from 'node:fs';
import { STATUS_CODES, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyError, type FastifyReply } from 'fastify';
import { WebSocketServer, type WebSocket } from 'ws';
import { SOCKET_CLOSE } from '../../src-shared/api/socket-close-codes';
import type { Desk } from '../core/create-desk';
import { contentSecurityPolicy } from '../renderer-host/content-security-policy';
import { contentTypeFor } from '../renderer-host/content-types';
import { securityHeaders } from '../renderer-host/security-headers';
import { handleSocket } from './socket-session';
import { SOCKET_LIMITS, type SocketLimits } from './socket-limits';

export interface WebHostOptions {
  desk: Desk;
  rendererDir: string;
  port?: number;
  /** Fixed token (tests); by default a fresh random one per launch. */
  token?: string;
  /** Tighter WebSocket limits (tests); by default SOCKET_LIMITS. */
  limits?: Partial<SocketLimits>;
}

export interface WebHost {
  url: string;
  /** The URL to open: carries the token in the fragment, which browsers never send to servers. */
  openUrl: string;
  token: string;
  close(): Promise<void>;
}

const NOT_BUILT = 'The renderer is not built: run npm run build.';

function sameToken(given: string | null, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The path and token an upgrade asks for; null when its target is not a URL path at all (`//`). */
function upgradeTarget(url: string | undefined): { path: string; token: string | null } | null {
  try {
    const parsed = new URL(url ?? '/', 'http://127.0.0.1');
    return { path: parsed.pathname, token: parsed.searchParams.get('token') };
  } catch {
    return null;
  }
}

function refuseUpgrade(socket: Duplex, status: number): void {
  socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

function plain(reply: FastifyReply, status: number, text = STATUS_CODES[status]): FastifyReply {
  return reply.code(status).type('text/plain; charset=utf-8').send(text);
}

/** 4xx errors keep their status; anything else is a plain 500 that names no path of this machine. */
function statusOf(error: FastifyError): number {
  const status = error.statusCode ?? 500;
  if (status >= 400 && status < 500) return status;
  return error.code === 'ENAMETOOLONG' ? 414 : 500;
}

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const root = resolve(options.rendererDir);
  const limits: SocketLimits = { ...SOCKET_LIMITS, ...options.limits };
  let origin = '';
  let headers = securityHeaders(contentSecurityPolicy(''));
  let sessions = 0;

  const app = Fastify({
    logger: false,
    // close() ends idle keep-alive sockets too (browsers keep pre-opened ones).
    forceCloseConnections: true,
    // Pages are only read: a request with a body has nothing to send it to.
    bodyLimit: 1024,
    // A request whose headers or body trickle in does not hold its socket for long.
    requestTimeout: 30_000,
    // A path that is not valid percent-encoding (`/%C0`, `/%ZZ`) is refused before routing, and
    // so before any hook: it gets the same plain answer and headers here.
    frameworkErrors: (error, _request, reply) => {
      void plain((reply as FastifyReply).headers(headers), statusOf(error));
    },
  });

  app.addHook('onSend', async (_request, reply, payload) => {
    reply.headers(headers);
    return payload;
  });

  app.setErrorHandler((error: FastifyError, _request, reply) => void plain(reply, statusOf(error)));

  await app.register(fastifyStatic, {
    root,
    wildcard: true,
    // Only the root has an index; any other folder falls through to the app below.
    index: 'index.html',
    redirect: false,
    dotfiles: 'ignore',
    cacheControl: false,
    setHeaders: (reply, path) => void reply.header('content-type', contentTypeFor(path)),
  });

  // Unknown paths fall back to the app (client-side routes); other methods are refused.
  app.setNotFoundHandler((request, reply) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return plain(reply.header('allow', 'GET, HEAD'), 405);
    }
    if (!existsSync(resolve(root, 'index.html'))) return plain(reply, 503, NOT_BUILT);
    return reply.sendFile('index.html');
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: limits.maxMessageBytes });

  function accept(ws: WebSocket, target: { token: string | null }, remoteAddress: string | undefined): void {
    // Refused after the upgrade, with a code the screen can read: a browser sees a refused upgrade
    // only as a bare close, and could not tell "the desk was restarted" from a network fault.
    if (!sameToken(target.token, token)) {
      ws.close(SOCKET_CLOSE.staleToken, 'The token is not from this launch.');
      return;
    }
    if (sessions >= limits.maxConnections) {
      ws.close(SOCKET_CLOSE.tooManyConnections, 'Too many tabs are open.');
      return;
    }
    sessions++;
    ws.once('close', () => sessions--);
    // The address BankID is told the person signs in from (its endUserIp).
    handleSocket(ws, options.desk.connect(remoteAddress ? { remoteAddress } : {}), limits);
  }

  app.server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    // The HTTP server stops watching a socket once it is handed over: an unhandled reset here
    // would end the process.
    socket.on('error', () => socket.destroy());
    const target = upgradeTarget(req.url);
    if (!target || target.path !== '/api' || req.headers.origin !== origin) {
      refuseUpgrade(socket, 403);
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => accept(ws, target, req.socket.remoteAddress));
  });

  await app.listen({ port: options.port ?? 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  headers = securityHeaders(contentSecurityPolicy(origin.replace(/^http/, 'ws')));

  return {
    url: origin,
    openUrl: `${origin}/#token=${token}`,
    token,
    async close() {
      for (const client of wss.clients) client.terminate();
      wss.close();
      await app.close();
    },
  };
}
