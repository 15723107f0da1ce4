import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { systemRandom } from '../../../../../src-main/core/ops/context';
import { createOperationRunner } from '../../../../../src-main/core/ops/operations';
import { createBankIdRpClient } from '../../../../../src-main/core/sign-in/adapters/bankid-rp-client';
import {
  BANKID_ORDER_LIMIT_MS,
  createBankIdOrders,
} from '../../../../../src-main/core/sign-in/bankid-orders';
import { startBankIdPeer, type BankIdPeer } from '../../../../harness/bankid-peer';
import { manualClock } from '../../../../harness/test-desk';
import {
  auditActions,
  domainErrorCode,
  ordersFixture,
  pollUntil,
  rejectedCode,
  rows,
  type OrdersFixture,
} from './bankid-orders-setup';

const IP = '192.0.2.44';

let peer: BankIdPeer;
let fixture: OrdersFixture | null = null;

beforeAll(async () => {
  peer = await startBankIdPeer();
});
afterEach(async () => {
  await fixture?.close();
  fixture = null;
});
afterAll(() => peer.close());

function setUp(clock = manualClock()) {
  fixture = ordersFixture(peer, clock);
  return { ...fixture, clock };
}

describe('BankID orders when things go wrong', () => {
  it('says BankID is not set up on a desk without a certificate', async () => {
    const { db } = setUp();
    const clock = manualClock();
    const orders = createBankIdOrders({
      db,
      ops: createOperationRunner(db, clock, systemRandom, 'desk-x'),
      clock,
      client: null,
      logger: { error: () => {} },
    });
    expect(orders.isConfigured).toBe(false);
    const error = await rejectedCode(
      orders.start({}, { endUserIp: IP, sameDevice: false, operatorId: null }),
    );
    expect(error.code).toBe('bankid_not_configured');
    expect(rows(db)).toEqual([]);
  });

  it('answers a poll or cancel without an order plainly', async () => {
    const { orders } = setUp();
    expect(orders.isConfigured).toBe(true);
    expect(domainErrorCode(() => orders.poll({}))).toBe('bankid_not_started');
    await orders.cancel({});
  });

  it('reports BankID down at the start and records no order', async () => {
    const { orders, db, errors } = setUp();
    await peer.goDown();
    try {
      const error = await rejectedCode(
        orders.start({}, { endUserIp: IP, sameDevice: false, operatorId: null }),
      );
      expect(error.code).toBe('bankid_unavailable');
      expect(error.params).toEqual({ reason: 'unreachable' });
    } finally {
      await peer.comeBack();
    }
    expect(rows(db)).toEqual([]);
    expect(errors).toHaveLength(1);
  });

  it("passes on BankID's refusal of the start", async () => {
    const { orders, db } = setUp();
    const error = await rejectedCode(
      orders.start({}, { endUserIp: 'nowhere', sameDevice: false, operatorId: null }),
    );
    expect(error.params).toEqual({ reason: 'refused', errorCode: 'invalidParameters' });
    expect(rows(db)).toEqual([]);
  });

  it('rides out a short outage of /collect', async () => {
    const { orders } = setUp();
    const screen = {};
    await orders.start(screen, { endUserIp: IP, sameDevice: false, operatorId: null });
    peer.misbehave({ kind: 'error', status: 503, errorCode: 'maintenance' }, 2);
    peer.complete({ personalNumber: '198507129876' });
    expect(await pollUntil(orders, screen, (p) => p.status !== 'pending')).toMatchObject({
      status: 'complete',
    });
  });

  it('fails the order after three failed collects in a row', async () => {
    const { orders, db, errors } = setUp();
    const screen = {};
    await orders.start(screen, { endUserIp: IP, sameDevice: false, operatorId: null });
    peer.misbehave({ kind: 'notJson' }, 3);
    expect(await pollUntil(orders, screen, (p) => p.status !== 'pending')).toEqual({
      status: 'failed',
      hintCode: 'unknown',
    });
    expect(rows(db)).toEqual([{ operator_id: null, outcome: 'failed', hint_code: 'unknown' }]);
    expect(JSON.parse(auditActions(db)[1]!.details)).toEqual({
      outcome: 'failed',
      hintCode: 'unknown',
      reason: 'malformed',
    });
    expect(errors.join('\n')).toContain('3 time(s)');
  });

  it('bounds the hint codes it keeps, and refuses absurd ones', async () => {
    const { orders, db } = setUp();
    const [long, absurd] = [{}, {}];
    await orders.start(long, { endUserIp: IP, sameDevice: false, operatorId: null });
    peer.fail('x'.repeat(500));
    await orders.start(absurd, { endUserIp: IP, sameDevice: false, operatorId: null });
    peer.setHint('y'.repeat(5000));
    expect(await pollUntil(orders, long, (p) => p.status !== 'pending')).toMatchObject({ status: 'failed' });
    expect(await pollUntil(orders, absurd, (p) => p.status !== 'pending')).toEqual({
      status: 'failed',
      hintCode: 'unknown',
    });
    expect(rows(db).map((r) => r.hint_code)).toEqual(['x'.repeat(64), 'unknown']);
  });

  it('fails at once when BankID says the order is not one it knows', async () => {
    const { orders, db } = setUp();
    const screen = {};
    await orders.start(screen, { endUserIp: IP, sameDevice: false, operatorId: null });
    const order = peer.lastOrder();
    peer.misbehave({ kind: 'error', status: 401, errorCode: 'unauthorized' });
    expect(await pollUntil(orders, screen, (p) => p.status !== 'pending')).toEqual({
      status: 'failed',
      hintCode: 'unknown',
    });
    expect(rows(db)[0]!.hint_code).toBe('unknown');
    expect(order.collects).toBe(0);
  });

  it('fails after three minutes however BankID answers, and cancels the order there', async () => {
    const { orders, db, clock } = setUp();
    const screen = {};
    await orders.start(screen, { endUserIp: IP, sameDevice: false, operatorId: null });
    const order = peer.lastOrder();
    clock.advance(BANKID_ORDER_LIMIT_MS);
    expect(orders.poll(screen)).toEqual({ status: 'failed', hintCode: 'expiredTransaction' });
    await vi.waitFor(() => expect(order.isCancelled).toBe(true), { timeout: 10_000 });
    expect(rows(db)).toEqual([{ operator_id: null, outcome: 'failed', hint_code: 'expiredTransaction' }]);
  });

  it('cancels locally even when BankID cannot be told', async () => {
    const { orders, db, errors } = setUp();
    const screen = {};
    await orders.start(screen, { endUserIp: IP, sameDevice: false, operatorId: null });
    await peer.goDown();
    try {
      await orders.cancel(screen);
    } finally {
      await peer.comeBack();
    }
    expect(rows(db)[0]!.outcome).toBe('cancelled');
    expect(domainErrorCode(() => orders.poll(screen))).toBe('bankid_not_started');
    expect(errors.join('\n')).toContain('could not be cancelled');
  });

  it('refuses to start once closed', async () => {
    const { orders } = setUp();
    await orders.close();
    const error = await rejectedCode(
      orders.start({}, { endUserIp: IP, sameDevice: false, operatorId: null }),
    );
    expect(error.code).toBe('bankid_unavailable');
  });

  it('cancels an order BankID started while the desk was closing', async () => {
    const { orders } = setUp();
    peer.misbehave({ kind: 'hold' });
    const before = peer.orders.length;
    const starting = rejectedCode(orders.start({}, { endUserIp: IP, sameDevice: false, operatorId: null }));
    await orders.close();
    await vi.waitFor(() => expect(peer.release()).toBe(1), { timeout: 10_000 });
    expect((await starting).params).toEqual({ reason: 'closed' });
    expect(peer.orders.length).toBe(before + 1);
    await vi.waitFor(() => expect(peer.lastOrder().isCancelled).toBe(true), { timeout: 10_000 });
  });

  it('reports a certificate the server refuses as BankID unavailable', async () => {
    const { db } = setUp();
    const clock = manualClock();
    const client = createBankIdRpClient({
      baseUrl: peer.baseUrl,
      tls: {
        pfx: readFileSync(peer.untrustedPfxPath),
        passphrase: peer.passphrase,
        ca: readFileSync(peer.caPath),
      },
    });
    const orders = createBankIdOrders({
      db,
      ops: createOperationRunner(db, clock, systemRandom, 'desk-x'),
      clock,
      client,
      logger: { error: () => {} },
    });
    try {
      const error = await rejectedCode(
        orders.start({}, { endUserIp: IP, sameDevice: false, operatorId: null }),
      );
      expect(error.params).toMatchObject({ reason: 'unreachable' });
    } finally {
      client.close();
    }
  });
});
