import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BankIdError } from '../../../../../src-main/core/sign-in/bankid-client';
import {
  createBankIdRpClient,
  type BankIdTls,
} from '../../../../../src-main/core/sign-in/adapters/bankid-rp-client';
import { startBankIdPeer, type BankIdPeer } from '../../../../harness/bankid-peer';

let peer: BankIdPeer;
const clients: { close(): void }[] = [];

beforeAll(async () => {
  peer = await startBankIdPeer();
});
afterAll(async () => {
  for (const c of clients) c.close();
  await peer.close();
});

function tls(overrides: Partial<BankIdTls> = {}): BankIdTls {
  return {
    pfx: readFileSync(peer.pfxPath),
    passphrase: peer.passphrase,
    ca: readFileSync(peer.caPath),
    ...overrides,
  };
}

function client(overrides: Partial<BankIdTls> = {}, timeoutMs?: number) {
  const c = createBankIdRpClient({ baseUrl: peer.baseUrl, tls: tls(overrides), timeoutMs });
  clients.push(c);
  return c;
}

async function failure(promise: Promise<unknown>): Promise<BankIdError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(BankIdError);
  return error as BankIdError;
}

describe('the BankID RP client', () => {
  it('starts an order, follows it to complete and gives the user', async () => {
    const bankId = client();
    const order = await bankId.auth({ endUserIp: '192.0.2.10' });
    const atPeer = peer.lastOrder();
    expect(order).toEqual({
      orderRef: atPeer.orderRef,
      autoStartToken: atPeer.autoStartToken,
      qrStartToken: atPeer.qrStartToken,
      qrStartSecret: atPeer.qrStartSecret,
    });
    expect(atPeer.endUserIp).toBe('192.0.2.10');
    expect(await bankId.collect(order.orderRef)).toEqual({
      status: 'pending',
      hintCode: 'outstandingTransaction',
    });
    peer.scanQr();
    expect(await bankId.collect(order.orderRef)).toEqual({ status: 'pending', hintCode: 'userSign' });
    peer.complete({
      personalNumber: '198001019876',
      givenName: 'Karin',
      surname: 'Lund',
      name: 'Karin Lund',
    });
    expect(await bankId.collect(order.orderRef)).toEqual({
      status: 'complete',
      user: { personalNumber: '198001019876', name: 'Karin Lund', givenName: 'Karin', surname: 'Lund' },
    });
  });

  it('passes on failed orders with their hint code', async () => {
    const bankId = client();
    const order = await bankId.auth({ endUserIp: '192.0.2.10' });
    peer.fail('userCancel');
    expect(await bankId.collect(order.orderRef)).toEqual({ status: 'failed', hintCode: 'userCancel' });
  });

  it('cancels an order, after which BankID no longer knows it', async () => {
    const bankId = client();
    const order = await bankId.auth({ endUserIp: '192.0.2.10' });
    await bankId.cancel(order.orderRef);
    expect(peer.lastOrder().isCancelled).toBe(true);
    const error = await failure(bankId.collect(order.orderRef));
    expect(error.kind).toBe('refused');
    expect(error.errorCode).toBe('invalidParameters');
  });

  it("passes on BankID's errorCode for a refused request", async () => {
    const bankId = client();
    const bad = await failure(bankId.auth({ endUserIp: 'not an address' }));
    expect([bad.kind, bad.errorCode]).toEqual(['refused', 'invalidParameters']);
    peer.misbehave({ kind: 'error', status: 503, errorCode: 'maintenance', details: 'Service unavailable.' });
    const down = await failure(bankId.auth({ endUserIp: '192.0.2.10' }));
    expect([down.kind, down.errorCode]).toEqual(['refused', 'maintenance']);
    expect(down.message).toContain('503');
  });

  it('refuses an answer that is not JSON, has the wrong fields or is for another order', async () => {
    const bankId = client();
    peer.misbehave({ kind: 'notJson' });
    expect((await failure(bankId.auth({ endUserIp: '192.0.2.10' }))).kind).toBe('malformed');
    peer.misbehave({ kind: 'wrongShape' });
    const wrong = await failure(bankId.collect('some-order'));
    expect(wrong.kind).toBe('malformed');
    const first = await bankId.auth({ endUserIp: '192.0.2.10' });
    const second = await bankId.auth({ endUserIp: '192.0.2.10' });
    // Answers for a different order than asked: treated as broken, never as this order's state.
    peer.misbehave({
      kind: 'answer',
      status: 200,
      body: { orderRef: second.orderRef, status: 'pending', hintCode: 'userSign' },
    });
    expect((await failure(bankId.collect(first.orderRef))).kind).toBe('malformed');
    expect(await bankId.collect(second.orderRef)).toMatchObject({ status: 'pending' });
  });

  it('stops reading an answer past 64 KiB', async () => {
    const bankId = client();
    peer.misbehave({ kind: 'huge' });
    const error = await failure(bankId.auth({ endUserIp: '192.0.2.10' }));
    expect(error.kind).toBe('malformed');
    expect(error.message).toContain('64 KiB');
    expect(await bankId.auth({ endUserIp: '192.0.2.10' })).toHaveProperty('orderRef');
  });

  it('reports an answer cut off halfway', async () => {
    const bankId = client();
    peer.misbehave({ kind: 'cut' });
    const error = await failure(bankId.auth({ endUserIp: '192.0.2.10' }));
    expect(error.kind).toBe('unreachable');
    expect(await bankId.auth({ endUserIp: '192.0.2.10' })).toHaveProperty('orderRef');
  });

  it('gives up on a server that does not answer', async () => {
    const bankId = client({}, 300);
    peer.misbehave({ kind: 'silent' });
    const error = await failure(bankId.auth({ endUserIp: '192.0.2.10' }));
    expect(error.kind).toBe('unreachable');
    expect(error.message).toContain('within 300 ms');
  });

  it('is refused by BankID with a certificate BankID did not issue', async () => {
    const bankId = client({ pfx: readFileSync(peer.untrustedPfxPath) });
    const before = peer.orders.length;
    const error = await failure(bankId.auth({ endUserIp: '192.0.2.10' }));
    expect(error.kind).toBe('unreachable');
    expect(peer.orders.length).toBe(before);
  });

  it('refuses a server whose certificate the CA did not sign', async () => {
    const bankId = client({ ca: readFileSync(peer.untrustedCaPath) });
    const before = peer.orders.length;
    const error = await failure(bankId.auth({ endUserIp: '192.0.2.10' }));
    expect(error.kind).toBe('unreachable');
    expect(error.message).toMatch(/certificate/i);
    expect(peer.orders.length).toBe(before);
  });

  it('says so when the passphrase is wrong, without showing it', async () => {
    const bankId = client({ passphrase: 'not-the-passphrase' });
    const error = await failure(bankId.auth({ endUserIp: '192.0.2.10' }));
    expect(error.kind).toBe('unreachable');
    expect(error.message).not.toContain('not-the-passphrase');
  });

  it('never puts the secret or a personal number into an error message', async () => {
    const bankId = client();
    const order = await bankId.auth({ endUserIp: '192.0.2.10' });
    peer.complete({ personalNumber: '19800101987', givenName: 'Short', surname: 'Number' });
    const error = await failure(bankId.collect(order.orderRef));
    expect(error.kind).toBe('malformed');
    expect(error.message).not.toContain('19800101987');
    expect(error.message).not.toContain(order.qrStartSecret);
  });

  it('reports a server that is down, and works again once it is back', async () => {
    const bankId = client();
    await peer.goDown();
    try {
      const error = await failure(bankId.auth({ endUserIp: '192.0.2.10' }));
      expect(error.kind).toBe('unreachable');
    } finally {
      await peer.comeBack();
    }
    expect(await bankId.auth({ endUserIp: '192.0.2.10' })).toHaveProperty('orderRef');
  });

  it('reports a certificate file that cannot be read, and tries it again on the next call', async () => {
    let reads = 0;
    const bankId = createBankIdRpClient({
      baseUrl: peer.baseUrl,
      tls: async () => {
        reads++;
        if (reads === 1) throw new Error('ENOENT: no such file');
        return tls();
      },
    });
    clients.push(bankId);
    const error = await failure(bankId.auth({ endUserIp: '192.0.2.10' }));
    expect(error.message).toContain('certificate could not be read');
    expect(await bankId.auth({ endUserIp: '192.0.2.10' })).toHaveProperty('orderRef');
  });
});
