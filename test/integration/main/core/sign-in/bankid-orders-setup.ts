// What the BankID order tests share: a real desk database, the real RP client and the BankID peer.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, vi } from 'vitest';
import type { Clock } from '../../../../../src-main/core/ops/context';
import { systemRandom } from '../../../../../src-main/core/ops/context';
import { DomainError } from '../../../../../src-main/core/ops/domain-error';
import { createOperationRunner } from '../../../../../src-main/core/ops/operations';
import { openDatabase, type Db } from '../../../../../src-main/core/store/database';
import { createBankIdRpClient } from '../../../../../src-main/core/sign-in/adapters/bankid-rp-client';
import type { BankIdClient } from '../../../../../src-main/core/sign-in/bankid-client';
import {
  createBankIdOrders,
  type BankIdOrders,
  type BankIdPoll,
} from '../../../../../src-main/core/sign-in/bankid-orders';
import type { BankIdPeer } from '../../../../harness/bankid-peer';

export const COLLECT_MS = 25;

export interface OrdersFixture {
  db: Db;
  orders: BankIdOrders;
  client: BankIdClient & { close(): void };
  errors: string[];
  /** Every byte the database has on disk (main file and write-ahead log). */
  databaseBytes(): string;
  close(): Promise<void>;
}

export function ordersFixture(peer: BankIdPeer, clock: Clock): OrdersFixture {
  const dir = mkdtempSync(join(tmpdir(), 'frontdesk-bankid-'));
  const db = openDatabase(join(dir, 'desk.sqlite'));
  const ops = createOperationRunner(db, clock, systemRandom, 'desk-bankid-test');
  const client = createBankIdRpClient({
    baseUrl: peer.baseUrl,
    tls: { pfx: readFileSync(peer.pfxPath), passphrase: peer.passphrase, ca: readFileSync(peer.caPath) },
    timeoutMs: 2000,
  });
  const errors: string[] = [];
  const logger = {
    error: (message: string, error?: unknown) =>
      errors.push(`${message} ${error instanceof Error ? error.message : String(error ?? '')}`),
  };
  const orders = createBankIdOrders({ db, ops, clock, client, logger, collectIntervalMs: COLLECT_MS });
  return {
    db,
    orders,
    client,
    errors,
    databaseBytes: () =>
      readdirSync(dir)
        .map((f) => readFileSync(join(dir, f)).toString('latin1'))
        .join(''),
    async close() {
      await orders.close();
      client.close();
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Polls the way a screen does until the order's state satisfies `check`. */
export async function pollUntil(
  orders: BankIdOrders,
  connection: object,
  check: (poll: BankIdPoll) => boolean,
): Promise<BankIdPoll> {
  return vi.waitFor(
    () => {
      const poll = orders.poll(connection);
      if (!check(poll)) throw new Error(`Still ${JSON.stringify(poll)}`);
      return poll;
    },
    { timeout: 10_000, interval: 10 },
  );
}

export function rows(db: Db): { operator_id: string | null; outcome: string; hint_code: string | null }[] {
  return db
    .prepare('SELECT operator_id, outcome, hint_code FROM bankid_orders ORDER BY started_at, rowid')
    .all() as {
    operator_id: string | null;
    outcome: string;
    hint_code: string | null;
  }[];
}

export function auditActions(db: Db): { action: string; details: string }[] {
  return db.prepare('SELECT action, details FROM audit_events ORDER BY seq').all() as {
    action: string;
    details: string;
  }[];
}

export function domainErrorCode(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return (error as DomainError).code;
  }
  throw new Error('Expected a DomainError');
}

export async function rejectedCode(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}
