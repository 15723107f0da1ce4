// Reads for the sign-in screens: the policy with its usage, what a correct password can lead to for
// one operator, and an operator's own factors.
import type { MethodOutput } from '../../../src-shared/api/methods';
import type { SecondFactorChoice } from '../../../src-shared/api/methods/sign-in';
import {
  SECOND_FACTORS,
  maskPhoneNumber,
  type SecondFactor,
  type SignInPolicy,
} from '../../../src-shared/domain/sign-in';
import type { Clock } from '../ops/context';
import type { OperatorRow } from '../operators/operator-rows';
import type { Db } from '../store/database';
import type { BankIdOrders } from './bankid-orders';
import { readSignInPolicy } from './sign-in-policy';
import type { SmsCodes } from './sms-codes';

const USAGE_WINDOW_MS = 30 * 24 * 60 * 60_000;

export interface SignInViewDeps {
  db: Db;
  clock: Clock;
  smsCodes: SmsCodes;
  bankIdOrders: BankIdOrders;
}

export function createSignInViews({ db, clock, smsCodes, bankIdOrders }: SignInViewDeps) {
  const isSetUp = () => ({ sms: smsCodes.isConfigured, bankid: bankIdOrders.isConfigured });
  const hasConfirmedTotp = (operatorId: string) =>
    db
      .prepare('SELECT 1 FROM operator_totp WHERE operator_id = ? AND confirmed_at IS NOT NULL')
      .get(operatorId) !== undefined;

  /** The second factors the policy allows that this operator has registered what they need for. */
  function choicesFor(row: OperatorRow, policy: SignInPolicy): SecondFactorChoice[] {
    const usable: Record<SecondFactor, () => SecondFactorChoice | null> = {
      bankid: () =>
        row.identity_country === 'SE' && row.identity_number && bankIdOrders.isConfigured
          ? { method: 'bankid' }
          : null,
      sms: () =>
        row.mobile_phone && smsCodes.isConfigured
          ? { method: 'sms', maskedPhone: maskPhoneNumber(row.mobile_phone) }
          : null,
      totp: () => (hasConfirmedTotp(row.id) ? { method: 'totp' } : null),
    };
    return SECOND_FACTORS.filter((m) => policy.methods.includes(m)).flatMap((m) => usable[m]() ?? []);
  }

  function policyView(): MethodOutput<'signIn.policy'> {
    const since = new Date(clock.now() - USAGE_WINDOW_MS).toISOString();
    return {
      policy: readSignInPolicy(db),
      isSetUp: isSetUp(),
      usage: { smsSent: smsCodes.sentSince(since), bankIdOrders: bankIdOrders.startedSince(since) },
    };
  }

  function hasActiveOwnCard(row: OperatorRow): boolean {
    if (!row.identity_country || !row.identity_number) return false;
    return (
      db
        .prepare(
          `SELECT 1 FROM cards c JOIN holders h ON h.id = c.holder_id
           WHERE c.state = 'active' AND c.kind != 'mobile_id' AND h.identity_country = ? AND h.identity_number = ?`,
        )
        .get(row.identity_country, row.identity_number) !== undefined
    );
  }

  function ownFactors(row: OperatorRow): MethodOutput<'factors.mine'> {
    const totp = db
      .prepare('SELECT confirmed_at FROM operator_totp WHERE operator_id = ? AND confirmed_at IS NOT NULL')
      .get(row.id) as { confirmed_at: string } | undefined;
    return {
      totpEnrolledAt: totp?.confirmed_at ?? null,
      pinSetAt: row.pin_hash ? row.pin_set_at : null,
      maskedPhone: row.mobile_phone ? maskPhoneNumber(row.mobile_phone) : null,
      hasIdentityNumber: row.identity_number !== null,
      hasActiveOwnCard: hasActiveOwnCard(row),
      policy: readSignInPolicy(db),
    };
  }

  return { isSetUp, hasConfirmedTotp, choicesFor, policyView, ownFactors };
}

export type SignInViews = ReturnType<typeof createSignInViews>;
