// What the BankID sign-in tests share: a desk with the real RP client to the BankID peer, an operator
// BankID can identify, and the screen's side of an order (polling, scanning the QR code).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MethodOutput } from '../../../../../src-shared/api/methods';
import { generateIdentityNumber } from '../../../../../src-shared/domain/identity-number';
import { createBankIdRpClient } from '../../../../../src-main/core/sign-in/adapters/bankid-rp-client';
import type { Clock } from '../../../../../src-main/core/ops/context';
import type { BankIdPeer } from '../../../../harness/bankid-peer';
import {
  ADMIN_PASSWORD,
  startTestDesk,
  type TestDesk,
  type TypedConnection,
} from '../../../../harness/test-desk';

export type BankIdAnswer = Awaited<ReturnType<TypedConnection['call']>>;
export type BankIdState = MethodOutput<'signIn.pollBankId'>;
type Pending = Extract<BankIdState, { status: 'pending' }>;

/** Karin's personnummer: the operator 'karin' has it registered. */
export const KARIN = generateIdentityNumber('SE', new Date(Date.UTC(1985, 6, 12)), 987);
/** A valid personnummer no operator has when a test starts. */
export const STRANGER = generateIdentityNumber('SE', new Date(Date.UTC(1979, 2, 3)), 114);

export interface BankIdDesk extends TestDesk {
  karinId: string;
  /** Every audit event of this action: who and the details. */
  audit(action: string): { operatorId: string | null; details: unknown }[];
  /** The desk's BankID orders as it recorded them, oldest first. */
  outcomes(): unknown[];
  /** What the desk logged, with its errors' messages. */
  logged: string[];
  /** Every byte the database has on disk (main file and write-ahead log). */
  databaseBytes(): string;
}

/**
 * A desk whose sign-in policy is BankID alone, collecting every 50 ms, on the real clock unless told
 * (the peer checks the QR code's seconds against its own). `pfxPath`: the desk's client certificate.
 */
export async function startBankIdDesk(
  peer: BankIdPeer,
  { pfxPath = peer.pfxPath, clock }: { pfxPath?: string; clock?: Clock } = {},
): Promise<BankIdDesk> {
  const client = createBankIdRpClient({
    baseUrl: peer.baseUrl,
    tls: { pfx: readFileSync(pfxPath), passphrase: peer.passphrase, ca: readFileSync(peer.caPath) },
    timeoutMs: 5000,
  });
  const logged: string[] = [];
  const t = await startTestDesk({
    logger: {
      error: (message, error) =>
        logged.push(`${message} ${error instanceof Error ? error.message : String(error ?? '')}`),
    },
    ...(clock ? { clock } : {}),
    bankId: client,
    bankIdCollectIntervalMs: 50,
    signInPolicy: { methods: ['bankid'], defaultMethod: 'bankid' },
  });
  const karin = await t.admin.must('operators.create', {
    username: 'karin',
    displayName: 'Karin Lindqvist',
    password: ADMIN_PASSWORD,
    roles: ['reception'],
    language: 'sv',
    // As an administrator types it: ten digits and a hyphen; BankID answers twelve.
    identity: { country: 'SE', number: `${KARIN.slice(2, 8)}-${KARIN.slice(8)}` },
  });
  return {
    ...t,
    karinId: karin.id,
    logged,
    databaseBytes: () =>
      readdirSync(t.dir)
        .map((file) => readFileSync(join(t.dir, file)).toString('latin1'))
        .join(''),
    audit: (action) =>
      (
        t.desk.db
          .prepare('SELECT operator_id, details FROM audit_events WHERE action = ? ORDER BY seq')
          .all(action) as { operator_id: string | null; details: string }[]
      ).map((row) => ({ operatorId: row.operator_id, details: JSON.parse(row.details) as unknown })),
    outcomes: () =>
      t.desk.db.prepare('SELECT operator_id, outcome FROM bankid_orders ORDER BY started_at, rowid').all(),
    async close() {
      await t.close();
      client.close();
    },
  };
}

export const state = (answer: BankIdAnswer) => (answer.ok ? (answer.value as BankIdState) : null);
export const hintOf = (answer: BankIdAnswer) => {
  const value = state(answer);
  return value && 'hintCode' in value ? value.hintCode : null;
};
export const isStatus = (status: BankIdState['status']) => (answer: BankIdAnswer) =>
  state(answer)?.status === status;
export const isError = (answer: BankIdAnswer) => !answer.ok;

/** Polls as the screen does until the answer satisfies `check`; a finished order is answered once. */
export async function pollUntil(
  screen: TypedConnection,
  check: (answer: BankIdAnswer) => boolean,
  timeoutMs = 15_000,
): Promise<BankIdAnswer> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const answer = await screen.call('signIn.pollBankId', {});
    if (check(answer)) return answer;
    if (state(answer)?.status !== 'pending')
      throw new Error(`The order ended otherwise: ${JSON.stringify(answer)}`);
    if (Date.now() > deadline) throw new Error(`Still ${JSON.stringify(answer)}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** What the screen shows now of a pending order. */
export async function shown(screen: TypedConnection): Promise<Pending> {
  return state(await pollUntil(screen, isStatus('pending'))) as Pending;
}

/** The person scans the QR code the screen shows now, and the app says so. */
export async function scan(peer: BankIdPeer, screen: TypedConnection): Promise<void> {
  try {
    peer.scanQr(undefined, (await shown(screen)).qr!);
  } catch (error) {
    // A machine so busy that a second passed between showing and scanning: the person looks again;
    // a code that is wrong for every second still fails.
    if (!(error instanceof Error && error.message.includes('is for second'))) throw error;
    peer.scanQr(undefined, (await shown(screen)).qr!);
  }
  await pollUntil(screen, (a) => hintOf(a) === 'userSign');
}

export async function signedIn(screen: TypedConnection): Promise<string | null> {
  return (await screen.must('session.status', {})).operator?.username ?? null;
}
