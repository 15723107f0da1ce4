// BankID orders of the screens that are signing in, one per connection (docs/sign-in.md, BankID).
// Each order is followed with /collect in the background, one call at a time, as BankID asks; a
// screen's poll answers from the last collect, so polling costs BankID nothing.
import type { Clock } from '../ops/context';
import { DomainError } from '../ops/domain-error';
import type { OperationRunner } from '../ops/operations';
import type { Db } from '../store/database';
import { BankIdError, type BankIdClient, type BankIdCollect, type BankIdUser } from './bankid-client';
import { bankIdQrContent } from './bankid-qr';
import { finishBankIdOrder, type BankIdOutcome } from './operations/finish-bankid-order';
import { startBankIdOrder } from './operations/start-bankid-order';

export type BankIdPoll =
  | { status: 'pending'; hintCode: string; qr: string | null }
  | { status: 'failed'; hintCode: string }
  | { status: 'complete'; user: BankIdUser };

export interface BankIdOrders {
  readonly isConfigured: boolean;
  /**
   * Starts an order for this connection, cancelling any it had. `operatorId`: the operator whose
   * password was right (the step after a password), or null (BankID on its own). Throws DomainError
   * 'bankid_not_configured' or 'bankid_unavailable'.
   */
  start(
    connection: object,
    input: { endUserIp: string; sameDevice: boolean; operatorId: string | null },
  ): Promise<{ autoStartToken: string | null }>;
  /**
   * The order's state now, from the last /collect (run every 2 s in the background); the QR content
   * is for this second. Throws DomainError 'bankid_not_configured' or 'bankid_not_started'. A
   * finished order is forgotten once it has been read as complete or failed.
   */
  poll(connection: object): BankIdPoll;
  /** Cancels this connection's order at BankID, if it has one. */
  cancel(connection: object): Promise<void>;
  /** Orders started since this ISO time, for the policy screen's usage. */
  startedSince(iso: string): number;
  /** Stops every background /collect (desk close). */
  close(): Promise<void>;
}

export interface BankIdOrdersDeps {
  db: Db;
  ops: OperationRunner;
  clock: Clock;
  client: BankIdClient | null;
  logger: { error(message: string, error?: unknown): void };
  /** BankID asks for one /collect every 2 s (the default). */
  collectIntervalMs?: number;
}

/** BankID itself ends an order after 3 minutes at most; past that, nothing is waited for. */
export const BANKID_ORDER_LIMIT_MS = 3 * 60_000;
/** /collect failures in a row (unreachable, malformed, BankID's maintenance) before the order fails. */
export const BANKID_COLLECT_TRIES = 3;
/** BankID's errors that another try cannot fix: the order is failed at once. */
const FINAL_ERRORS = new Set(['invalidParameters', 'unauthorized', 'notFound', 'alreadyInProgress']);
/** Once the app has the order, the QR code has done its job and is no longer shown. */
const APP_HAS_ORDER = new Set(['started', 'userSign', 'userMrtd', 'userCallConfirm']);

interface Order {
  id: string;
  operatorId: string | null;
  orderRef: string;
  qrStartToken: string;
  qrStartSecret: string;
  sameDevice: boolean;
  /** Clock time /auth answered: the QR code's seconds count from here. */
  answeredAt: number;
  state: BankIdCollect;
  hasBeenScanned: boolean;
  /** Finished, cancelled or closed: no more collects, nothing more written. */
  isDone: boolean;
  timer: NodeJS.Timeout | null;
  collecting: Promise<void> | null;
  failuresInRow: number;
}

export function createBankIdOrders(deps: BankIdOrdersDeps): BankIdOrders {
  const { db, ops, clock, client, logger } = deps;
  const intervalMs = deps.collectIntervalMs ?? 2000;
  const byConnection = new WeakMap<object, Order>();
  /** Orders still followed, for close(). */
  const running = new Set<Order>();
  /** /cancel calls of orders that ended on their own, awaited by close(). */
  const cancelling = new Set<Promise<void>>();
  const countSince = db.prepare('SELECT count(*) AS n FROM bankid_orders WHERE started_at >= ?');
  let isClosed = false;

  const record = (order: Order, outcome: BankIdOutcome, hintCode: string | null, reason?: string) => {
    try {
      ops.run(finishBankIdOrder, { orderId: order.id, outcome, hintCode, reason }, order.operatorId);
    } catch (error) {
      logger.error('The end of a BankID order could not be recorded.', error);
    }
  };

  const stop = (order: Order) => {
    order.isDone = true;
    if (order.timer) clearTimeout(order.timer);
    order.timer = null;
    running.delete(order);
  };

  const finish = (order: Order, state: BankIdCollect, reason?: string) => {
    stop(order);
    order.state = state;
    record(
      order,
      state.status === 'complete' ? 'complete' : 'failed',
      'hintCode' in state ? state.hintCode : null,
      reason,
    );
  };

  const cancelAtBankId = async (order: Order) => {
    try {
      await client?.cancel(order.orderRef);
    } catch (error) {
      logger.error('A BankID order could not be cancelled at BankID; it ends there on its own.', error);
    }
  };

  /** Past the limit the order fails here, and BankID is told so it stops waiting for the person. */
  const expire = (order: Order) => {
    finish(order, { status: 'failed', hintCode: 'expiredTransaction' });
    const call = cancelAtBankId(order).finally(() => cancelling.delete(call));
    cancelling.add(call);
  };

  const collectFailed = (order: Order, error: unknown) => {
    const kind = error instanceof BankIdError ? error.kind : 'malformed';
    const errorCode = error instanceof BankIdError ? error.errorCode : undefined;
    order.failuresInRow++;
    const isFinal = errorCode !== undefined && FINAL_ERRORS.has(errorCode);
    if (!isFinal && order.failuresInRow < BANKID_COLLECT_TRIES) return schedule(order);
    logger.error(`BankID's /collect failed ${order.failuresInRow} time(s); the order has failed.`, error);
    // 'unknown': the screen says to try again (BankID's RFA22), not which part of the way failed.
    finish(order, { status: 'failed', hintCode: 'unknown' }, errorCode ?? kind);
  };

  const collect = async (order: Order) => {
    if (order.isDone || !client) return;
    if (clock.now() - order.answeredAt >= BANKID_ORDER_LIMIT_MS) return expire(order);
    let state: BankIdCollect;
    try {
      state = await client.collect(order.orderRef);
    } catch (error) {
      if (!order.isDone) collectFailed(order, error);
      return;
    }
    if (order.isDone) return;
    order.failuresInRow = 0;
    if (state.status !== 'pending') return finish(order, state);
    order.state = state;
    if (APP_HAS_ORDER.has(state.hintCode)) order.hasBeenScanned = true;
    schedule(order);
  };

  function schedule(order: Order): void {
    if (order.isDone) return;
    order.timer = setTimeout(() => {
      order.timer = null;
      const run = collect(order).finally(() => {
        if (order.collecting === run) order.collecting = null;
      });
      order.collecting = run;
    }, intervalMs);
  }

  /** Ends an order before BankID has finished it: recorded as cancelled, and BankID is told. */
  const cancelOrder = async (order: Order) => {
    if (order.isDone) return;
    stop(order);
    record(order, 'cancelled', null);
    await cancelAtBankId(order);
  };

  const startAtBankId = async (endUserIp: string) => {
    if (!client) throw new DomainError('bankid_not_configured', 'BankID is not set up on this desk.');
    if (isClosed)
      throw new DomainError('bankid_unavailable', 'The desk is closing.', undefined, { reason: 'closed' });
    try {
      return await client.auth({ endUserIp });
    } catch (error) {
      logger.error('A BankID order could not be started.', error);
      const kind = error instanceof BankIdError ? error.kind : 'malformed';
      const errorCode = error instanceof BankIdError ? error.errorCode : undefined;
      throw new DomainError('bankid_unavailable', 'BankID could not start an order. Try again.', undefined, {
        reason: kind,
        ...(errorCode ? { errorCode } : {}),
      });
    }
  };

  return {
    isConfigured: client !== null,

    async start(connection, input) {
      const previous = byConnection.get(connection);
      byConnection.delete(connection);
      if (previous) await cancelOrder(previous);
      const answer = await startAtBankId(input.endUserIp);
      if (isClosed) {
        await client?.cancel(answer.orderRef).catch(() => undefined);
        throw new DomainError('bankid_unavailable', 'The desk is closing.', undefined, { reason: 'closed' });
      }
      const id = ops.run(
        startBankIdOrder,
        { operatorId: input.operatorId, sameDevice: input.sameDevice },
        input.operatorId,
      );
      const order: Order = {
        id,
        operatorId: input.operatorId,
        orderRef: answer.orderRef,
        qrStartToken: answer.qrStartToken,
        qrStartSecret: answer.qrStartSecret,
        sameDevice: input.sameDevice,
        answeredAt: clock.now(),
        state: { status: 'pending', hintCode: 'outstandingTransaction' },
        hasBeenScanned: false,
        isDone: false,
        timer: null,
        collecting: null,
        failuresInRow: 0,
      };
      // Another start for this screen may have finished while this one waited for BankID: the screen's
      // order changes hands synchronously, so exactly one stays followed.
      const overtaken = byConnection.get(connection);
      byConnection.set(connection, order);
      running.add(order);
      schedule(order);
      if (overtaken) await cancelOrder(overtaken);
      return { autoStartToken: input.sameDevice ? answer.autoStartToken : null };
    },

    poll(connection) {
      if (!client) throw new DomainError('bankid_not_configured', 'BankID is not set up on this desk.');
      const order = byConnection.get(connection);
      if (!order) throw new DomainError('bankid_not_started', 'No BankID order is running for this screen.');
      if (!order.isDone && clock.now() - order.answeredAt >= BANKID_ORDER_LIMIT_MS) expire(order);
      const state = order.state;
      if (state.status !== 'pending') {
        byConnection.delete(connection);
        return state;
      }
      const showsQr = !order.sameDevice && !order.hasBeenScanned && !order.isDone;
      const seconds = (clock.now() - order.answeredAt) / 1000;
      return {
        status: 'pending',
        hintCode: state.hintCode,
        qr: showsQr ? bankIdQrContent(order.qrStartToken, order.qrStartSecret, seconds) : null,
      };
    },

    async cancel(connection) {
      const order = byConnection.get(connection);
      if (!order) return;
      byConnection.delete(connection);
      await cancelOrder(order);
    },

    startedSince(iso) {
      return (countSince.get(iso) as { n: number }).n;
    },

    async close() {
      isClosed = true;
      const orders = [...running];
      for (const order of orders) stop(order);
      await Promise.all(orders.map((o) => o.collecting));
      for (const order of orders) record(order, 'cancelled', null, 'deskClosed');
      await Promise.all([...cancelling]);
    },
  };
}
