// A real BankID relying-party server for tests: HTTPS on 127.0.0.1 that asks for the client's
// certificate and refuses any its own CA did not sign, and speaks RP API v6 (/rp/v6.0/auth, /collect,
// /cancel) with its fields, error answers and hint codes. A test plays the person with the phone:
// scanQr, setHint, complete, fail. The desk's QR content is checked as the BankID app would.
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isIP, type AddressInfo, type Socket } from 'node:net';
import { answerFault, parseObject, readBody, refuse, send, type PeerFault } from './bankid-peer-http';
import { makeTestCertificates } from './test-certificates';

export type { PeerFault } from './bankid-peer-http';

export interface PeerUser {
  personalNumber: string;
  name?: string;
  givenName?: string;
  surname?: string;
}

export interface PeerOrder {
  orderRef: string;
  autoStartToken: string;
  qrStartToken: string;
  qrStartSecret: string;
  endUserIp: string;
  /** When /auth answered (this machine's clock): QR time counts from here. */
  startedAt: number;
  status: 'pending' | 'failed' | 'complete';
  hintCode: string;
  user: PeerUser | null;
  /** /cancel was called for it. */
  isCancelled: boolean;
  collects: number;
  personalNumberRequired: string | null;
}

export interface BankIdPeer {
  /** Like https://appapi2.test.bankid.com/rp/v6.0 */
  baseUrl: string;
  pfxPath: string;
  passphrase: string;
  caPath: string;
  /** A client certificate from a CA this server does not trust. */
  untrustedPfxPath: string;
  /** A CA that did not sign this server's certificate. */
  untrustedCaPath: string;
  orders: PeerOrder[];
  /** Requests by path, e.g. requests['/cancel'] counts /cancel calls. */
  requests: Record<string, number>;
  lastOrder(): PeerOrder;
  /**
   * The person scans the QR code: with `qrContent`, it must be this order's code for the current
   * second (±1 s, as the app allows for the time it takes to scan); throws otherwise. The order
   * moves on to userSign.
   */
  scanQr(orderRef?: string, qrContent?: string): void;
  setHint(hintCode: string, orderRef?: string): void;
  complete(user: PeerUser, orderRef?: string): void;
  fail(hintCode: string, orderRef?: string): void;
  /** The next `count` requests get this answer instead. */
  misbehave(fault: PeerFault, count?: number): void;
  /** Lets held requests go on; resolves with how many there were. */
  release(): number;
  /** Stops listening and drops every connection: requests are refused. */
  goDown(): Promise<void>;
  /** Listens again on the same port. */
  comeBack(): Promise<void>;
  close(): Promise<void>;
}

/** BankID ends an order nobody finished after 3 minutes (30 s for an unscanned QR in production). */
const ORDER_LIFETIME_MS = 3 * 60_000;
const QR_TOLERANCE_S = 1;

export async function startBankIdPeer(): Promise<BankIdPeer> {
  const certs = await makeTestCertificates();
  const orders: PeerOrder[] = [];
  const requests: Record<string, number> = {};
  const faults: PeerFault[] = [];
  const held: (() => void)[] = [];
  const sockets = new Set<Socket>();

  const find = (orderRef?: string): PeerOrder => {
    const order = orderRef === undefined ? orders.at(-1) : orders.find((o) => o.orderRef === orderRef);
    if (!order) throw new Error(`The BankID peer has no order ${orderRef ?? '(none started)'}.`);
    return order;
  };
  const pending = (orderRef?: string): PeerOrder => {
    const order = find(orderRef);
    if (order.status !== 'pending' || order.isCancelled)
      throw new Error(`Order ${order.orderRef} is ${order.isCancelled ? 'cancelled' : order.status}.`);
    return order;
  };
  const expireOld = () => {
    for (const o of orders) {
      if (o.status === 'pending' && Date.now() - o.startedAt > ORDER_LIFETIME_MS) {
        o.status = 'failed';
        o.hintCode = 'expiredTransaction';
      }
    }
  };

  const auth = (res: ServerResponse, body: Record<string, unknown>) => {
    const endUserIp = body.endUserIp;
    if (typeof endUserIp !== 'string' || isIP(endUserIp) === 0)
      return refuse(res, 400, 'invalidParameters', 'Invalid endUserIp.');
    const requirement = body.requirement as { personalNumber?: unknown } | undefined;
    const personalNumber =
      typeof requirement?.personalNumber === 'string' ? requirement.personalNumber : null;
    expireOld();
    // BankID refuses a second order for someone with one already running, and aborts that one too.
    const running = personalNumber
      ? orders.find(
          (o) => o.status === 'pending' && !o.isCancelled && o.personalNumberRequired === personalNumber,
        )
      : undefined;
    if (running) {
      running.status = 'failed';
      running.hintCode = 'cancelled';
      return refuse(res, 400, 'alreadyInProgress', 'Order already in progress for pno.');
    }
    const order: PeerOrder = {
      orderRef: randomUUID(),
      autoStartToken: randomUUID(),
      qrStartToken: randomUUID(),
      qrStartSecret: randomUUID(),
      endUserIp,
      startedAt: Date.now(),
      status: 'pending',
      hintCode: 'outstandingTransaction',
      user: null,
      isCancelled: false,
      collects: 0,
      personalNumberRequired: personalNumber,
    };
    orders.push(order);
    send(res, 200, {
      orderRef: order.orderRef,
      autoStartToken: order.autoStartToken,
      qrStartToken: order.qrStartToken,
      qrStartSecret: order.qrStartSecret,
    });
  };

  const collect = (res: ServerResponse, body: Record<string, unknown>) => {
    const order = orders.find((o) => o.orderRef === body.orderRef && !o.isCancelled);
    if (!order) return refuse(res, 400, 'invalidParameters', 'No such order.');
    expireOld();
    order.collects++;
    if (order.status !== 'complete')
      return send(res, 200, { orderRef: order.orderRef, status: order.status, hintCode: order.hintCode });
    const user = order.user!;
    send(res, 200, {
      orderRef: order.orderRef,
      status: 'complete',
      completionData: {
        user: {
          personalNumber: user.personalNumber,
          name: user.name ?? `${user.givenName ?? 'Test'} ${user.surname ?? 'Person'}`,
          givenName: user.givenName ?? 'Test',
          surname: user.surname ?? 'Person',
        },
        device: { ipAddress: order.endUserIp, uhi: randomBytes(20).toString('base64') },
        bankIdIssueDate: '2026-01-01',
        signature: Buffer.from('<signature/>').toString('base64'),
        ocspResponse: randomBytes(32).toString('base64'),
      },
    });
  };

  const cancel = (res: ServerResponse, body: Record<string, unknown>) => {
    const order = orders.find((o) => o.orderRef === body.orderRef && !o.isCancelled);
    if (!order) return refuse(res, 400, 'invalidParameters', 'No such order.');
    order.isCancelled = true;
    send(res, 200, {});
  };

  const routes: Record<string, (res: ServerResponse, body: Record<string, unknown>) => void> = {
    '/auth': auth,
    '/collect': collect,
    '/cancel': cancel,
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '').replace(/^\/rp\/v6\.0/, '');
    requests[path] = (requests[path] ?? 0) + 1;
    const text = await readBody(req);
    const fault = faults.shift();
    if (fault?.kind === 'hold') await new Promise<void>((resume) => held.push(resume));
    else if (fault) return answerFault(res, fault);
    const route = routes[path];
    if (!req.url?.startsWith('/rp/v6.0/') || !route) return refuse(res, 404, 'notFound', 'No such endpoint.');
    if (req.method !== 'POST') return refuse(res, 405, 'methodNotAllowed', 'Use POST.');
    if (!(req.headers['content-type'] ?? '').startsWith('application/json'))
      return refuse(res, 415, 'unsupportedMediaType', 'Content-Type must be application/json.');
    if (text === null) return refuse(res, 400, 'invalidParameters', 'Request too large.');
    const body = parseObject(text);
    if (!body) return refuse(res, 400, 'invalidParameters', 'Invalid JSON.');
    route(res, body);
  };

  const server: Server = createServer(
    {
      key: readFileSync(certs.serverKeyPath),
      cert: readFileSync(certs.serverCertPath),
      ca: readFileSync(certs.caPath),
      requestCert: true,
      rejectUnauthorized: true,
    },
    (req, res) => {
      handle(req, res).catch(() => res.destroy());
    },
  );
  server.on('secureConnection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  // A refused client certificate is what some tests are for, not a fault of the peer.
  server.on('tlsClientError', () => {});

  const listen = (port: number) =>
    new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (!server.listening) return resolve();
      server.close(() => resolve());
      for (const socket of sockets) socket.destroy();
    });

  await listen(0);
  const port = (server.address() as AddressInfo).port;

  return {
    baseUrl: `https://127.0.0.1:${port}/rp/v6.0`,
    pfxPath: certs.pfxPath,
    passphrase: certs.passphrase,
    caPath: certs.caPath,
    untrustedPfxPath: certs.untrustedPfxPath,
    untrustedCaPath: certs.untrustedCaPath,
    orders,
    requests,
    lastOrder: () => find(),
    scanQr(orderRef, qrContent) {
      const order = pending(orderRef);
      if (qrContent !== undefined) {
        const match = /^bankid\.([^.]+)\.(\d+)\.([0-9a-f]{64})$/.exec(qrContent);
        if (!match) throw new Error(`Not a BankID QR code: ${qrContent}`);
        const [, token, time, code] = match;
        if (token !== order.qrStartToken) throw new Error('The QR code belongs to another order.');
        const expected = createHmac('sha256', order.qrStartSecret).update(time!).digest('hex');
        if (code !== expected) throw new Error('The QR code has a wrong auth code for its time.');
        const elapsed = Math.floor((Date.now() - order.startedAt) / 1000);
        if (Math.abs(Number(time) - elapsed) > QR_TOLERANCE_S)
          throw new Error(`The QR code is for second ${time}; the order is ${elapsed} s old.`);
      }
      order.hintCode = 'userSign';
    },
    setHint(hintCode, orderRef) {
      pending(orderRef).hintCode = hintCode;
    },
    complete(user, orderRef) {
      const order = pending(orderRef);
      order.status = 'complete';
      order.hintCode = '';
      order.user = user;
    },
    fail(hintCode, orderRef) {
      const order = pending(orderRef);
      order.status = 'failed';
      order.hintCode = hintCode;
    },
    misbehave(fault, count = 1) {
      for (let i = 0; i < count; i++) faults.push(fault);
    },
    release() {
      const resumes = held.splice(0);
      for (const resume of resumes) resume();
      return resumes.length;
    },
    goDown: stop,
    comeBack: () => listen(port),
    async close() {
      await stop();
      certs.remove();
    },
  };
}
