// A test desk with a key store, a scripted reader and a hand-moved clock, and the steps a person
// takes to sign in, for the sign-in tests.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Secret } from 'otpauth';
import type { Role } from '../../../../../src-shared/domain/roles';
import type { SignInPolicy } from '../../../../../src-shared/domain/sign-in';
import { createKeyFileStore } from '../../../../../src-main/core/keys/adapters/key-file-store';
import { totpCode } from '../../../../../src-main/core/sign-in/totp';
import { scriptedBackend } from '../../../../harness/scripted-backend';
import {
  ADMIN_PASSWORD,
  manualClock,
  startTestDesk,
  typed,
  type TestDesk,
  type TestDeskOptions,
  type TypedConnection,
} from '../../../../harness/test-desk';

export const PIN = '270419';

export interface SignInDesk extends TestDesk {
  clock: ReturnType<typeof manualClock>;
  reader: ReturnType<typeof scriptedBackend>;
  /** A screen of its own, signed out. */
  screen(): TypedConnection;
  /** Sets the policy as the administrator. */
  policy(policy: SignInPolicy): Promise<void>;
  /** Creates an operator (not signed in anywhere). */
  operator(
    username: string,
    roles: Role[],
    extra?: { identity?: { country: 'SE'; number: string }; mobilePhone?: string },
  ): Promise<string>;
  /** Signs in with the password and sets up an authenticator, returning its secret (base32). */
  enrolTotp(username: string): Promise<{ screen: TypedConnection; secret: string }>;
  /** The code the operator's app shows now (or `offsetSteps` steps away). */
  code(secret: string, offsetSteps?: number): string;
  /** A card registered to a holder with this identity number, bound to this UID. */
  card(identityNumber: string, uid: string): Promise<string>;
  /** Taps the card on the reader; resolves once `screen` heard it. */
  tap(screen: TypedConnection, uid: string): Promise<void>;
}

export async function startSignInDesk(
  signInPolicy: SignInPolicy | null = null,
  /** More of the desk: an SMS gateway, BankID. */
  config: Omit<TestDeskOptions, 'clock' | 'readers' | 'keyStore' | 'signInPolicy'> = {},
): Promise<SignInDesk> {
  const keys = mkdtempSync(join(tmpdir(), 'frontdesk-sign-in-keys-'));
  const clock = manualClock();
  const reader = scriptedBackend('pcsc');
  const t = await startTestDesk({
    clock,
    readers: [reader],
    keyStore: createKeyFileStore({ dir: join(keys, 'keys') }),
    signInPolicy: signInPolicy ?? { methods: ['password', 'totp'], defaultMethod: 'password' },
    ...config,
  });
  const screen = () => typed(t.desk.connect());
  let holderSerial = 0;
  const desk: SignInDesk = {
    ...t,
    clock,
    reader,
    screen,
    async policy(policy) {
      await t.admin.must('signIn.setPolicy', policy);
    },
    async operator(username, roles, extra = {}) {
      const view = await t.admin.must('operators.create', {
        username,
        displayName: 'Operator',
        password: ADMIN_PASSWORD,
        roles,
        language: 'en',
        ...extra,
      });
      return view.id;
    },
    async enrolTotp(username) {
      const s = screen();
      const step = await s.must('session.login', { username, password: ADMIN_PASSWORD });
      if (step.step === 'signedIn') {
        const enrolment = await s.must('factors.beginTotp', { password: ADMIN_PASSWORD });
        await s.must('factors.confirmTotp', { code: desk.code(enrolment.secret) });
        return { screen: s, secret: enrolment.secret };
      }
      if (step.step !== 'enrol') throw new Error(`expected the enrol step, got ${step.step}`);
      const enrolment = await s.must('signIn.beginTotp', {});
      await s.must('signIn.confirmTotp', { code: desk.code(enrolment.secret) });
      return { screen: s, secret: enrolment.secret };
    },
    code(secret, offsetSteps = 0) {
      const bytes = Secret.fromBase32(secret.replace(/ /g, '')).bytes;
      return totpCode(bytes, clock.now() + offsetSteps * 30_000);
    },
    async card(identityNumber, uid) {
      const holder = await t.admin.must('holders.create', {
        givenName: 'Karin',
        familyName: ['Lindqvist', 'Berg', 'Holm', 'Ek', 'Nyberg'][holderSerial++ % 5]!,
        identityCountry: 'SE',
        identityNumber,
        hasEid: true,
      });
      const card = await t.admin.must('cards.register', {
        holderId: holder.id,
        kind: 'access_card',
        printedNumber: `NB-${1000 + holderSerial}`,
      });
      await t.admin.must('cards.bindCredential', { cardId: card.id, technology: 'iso14443a_uid', hex: uid });
      return card.id;
    },
    tap(s, uid) {
      const heard = new Promise<void>((resolve) => {
        const stop = s.raw.onEvent((event) => {
          if (event !== 'card.presentedSignedOut') return;
          stop();
          resolve();
        });
      });
      reader.readBytes(uid);
      return heard;
    },
    async close() {
      await t.close();
      rmSync(keys, { recursive: true, force: true });
    },
  };
  return desk;
}

/** Every table's row count and the audit log's length: "nothing written" compares two of these. */
export function totals(t: TestDesk): Record<string, number> {
  const tables = [
    'operators',
    'operator_totp',
    'sms_codes',
    'bankid_orders',
    'sign_in_policy',
    'holders',
    'cards',
    'outbox',
  ];
  return Object.fromEntries(tables.map((table) => [table, t.count(table)]));
}
