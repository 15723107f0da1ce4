// The BankID peer behaves as BankID does where the desk's tests rely on it: checked here so a test
// that passes against it means something.
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:https';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bankIdQrContent } from '../../../../../src-main/core/sign-in/bankid-qr';
import { startBankIdPeer, type BankIdPeer } from '../../../../harness/bankid-peer';

let peer: BankIdPeer;
let agent: Agent;

beforeAll(async () => {
  peer = await startBankIdPeer();
  agent = new Agent({
    pfx: readFileSync(peer.pfxPath),
    passphrase: peer.passphrase,
    ca: readFileSync(peer.caPath),
  });
});
afterAll(async () => {
  agent.destroy();
  await peer.close();
});

interface Answer {
  status: number;
  body: Record<string, unknown>;
}

function call(
  path: string,
  body: string | object,
  options: { method?: string; contentType?: string; useAgent?: Agent } = {},
): Promise<Answer> {
  const payload = typeof body === 'string' ? body : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      `${peer.baseUrl}${path}`,
      {
        method: options.method ?? 'POST',
        agent: options.useAgent ?? agent,
        headers: { 'Content-Type': options.contentType ?? 'application/json' },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>,
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(options.method === 'GET' ? undefined : payload);
  });
}

describe('the BankID peer', () => {
  it('answers /auth with the v6 fields', async () => {
    const answer = await call('/auth', { endUserIp: '192.0.2.1' });
    expect(answer.status).toBe(200);
    expect(Object.keys(answer.body).sort()).toEqual([
      'autoStartToken',
      'orderRef',
      'qrStartSecret',
      'qrStartToken',
    ]);
    expect(answer.body.orderRef).toBe(peer.lastOrder().orderRef);
  });

  it.each([
    ['a missing endUserIp', {}],
    ['an endUserIp that is no address', { endUserIp: '999.1.1.1' }],
    ['an array', [1, 2]],
    ['broken JSON', '{"endUserIp":'],
    ['a body over 64 KiB', { endUserIp: '192.0.2.1', padding: 'x'.repeat(70_000) }],
  ])('refuses %s with invalidParameters', async (_, body) => {
    const answer = await call('/auth', body);
    expect([answer.status, answer.body.errorCode]).toEqual([400, 'invalidParameters']);
  });

  it('refuses other methods, paths and content types as BankID does', async () => {
    expect((await call('/auth', {}, { method: 'GET' })).body.errorCode).toBe('methodNotAllowed');
    expect((await call('/sign-everything', {})).status).toBe(404);
    expect((await call('/auth', { endUserIp: '192.0.2.1' }, { contentType: 'text/plain' })).status).toBe(415);
  });

  it('refuses collect and cancel for an order it does not know', async () => {
    for (const path of ['/collect', '/cancel']) {
      const answer = await call(path, { orderRef: '00000000-0000-0000-0000-000000000000' });
      expect([answer.status, answer.body.errorCode]).toEqual([400, 'invalidParameters']);
    }
  });

  it('refuses a second order for a person with one running, and ends both', async () => {
    const requirement = { personalNumber: '198001019876' };
    await call('/auth', { endUserIp: '192.0.2.1', requirement });
    const first = peer.lastOrder();
    const second = await call('/auth', { endUserIp: '192.0.2.1', requirement });
    expect([second.status, second.body.errorCode]).toEqual([400, 'alreadyInProgress']);
    expect([first.status, first.hintCode]).toEqual(['failed', 'cancelled']);
  });

  it('accepts only the QR code for this order and this second', async () => {
    await call('/auth', { endUserIp: '192.0.2.1' });
    const order = peer.lastOrder();
    const now = Math.floor((Date.now() - order.startedAt) / 1000);
    expect(() => peer.scanQr(order.orderRef, 'https://example.com')).toThrow(/Not a BankID QR code/);
    expect(() => peer.scanQr(order.orderRef, bankIdQrContent('another', order.qrStartSecret, now))).toThrow(
      /another order/,
    );
    expect(() => peer.scanQr(order.orderRef, bankIdQrContent(order.qrStartToken, 'wrong', now))).toThrow(
      /wrong auth code/,
    );
    expect(() =>
      peer.scanQr(order.orderRef, bankIdQrContent(order.qrStartToken, order.qrStartSecret, now + 30)),
    ).toThrow(/second/);
    expect(order.hintCode).toBe('outstandingTransaction');
    peer.scanQr(order.orderRef, bankIdQrContent(order.qrStartToken, order.qrStartSecret, now));
    expect(order.hintCode).toBe('userSign');
  });

  it('lets a test act only on an order that is still pending', async () => {
    await call('/auth', { endUserIp: '192.0.2.1' });
    peer.fail('userCancel');
    expect(() => peer.complete({ personalNumber: '198001019876' })).toThrow(/failed/);
    expect(() => peer.setHint('userSign', 'no-such-order')).toThrow(/no order/);
  });

  it('refuses a client without a certificate', async () => {
    const anonymous = new Agent({ ca: readFileSync(peer.caPath) });
    try {
      await expect(call('/auth', { endUserIp: '192.0.2.1' }, { useAgent: anonymous })).rejects.toThrow();
    } finally {
      anonymous.destroy();
    }
  });
});
