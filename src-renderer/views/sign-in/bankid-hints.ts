// BankID's hint codes in BankID's own recommended user messages (RFA1–RFA23, "Recommended user
// messages" in the RP guidelines). The key names the RFA, so each language says what BankID says.
import type { BankIdState } from '../../../src-shared/api/methods/sign-in';

const PENDING: Record<string, string> = {
  outstandingTransaction: 'rfa1',
  noClient: 'rfa1',
  started: 'rfa15',
  userSign: 'rfa9',
  userMrtd: 'rfa23',
  userCallConfirm: 'callConfirm',
  unknown: 'rfa21',
};

const FAILED: Record<string, string> = {
  expiredTransaction: 'rfa8',
  certificateErr: 'rfa16',
  userCancel: 'rfa6',
  cancelled: 'rfa3',
  startFailed: 'rfa17',
  userDeclinedCall: 'declinedCall',
  notSupportedByUserApp: 'notSupported',
  transactionRiskBlocked: 'riskBlocked',
  unknown: 'rfa22',
};

/** The message key for a pending or failed order; the app on this computer is RFA13 while it starts. */
export function bankIdHintKey(
  state: Exclude<BankIdState, { status: 'complete' }>,
  isSameDevice: boolean,
): string {
  if (state.status === 'failed') return `signIn.bankid.hint.${FAILED[state.hintCode] ?? 'rfa22'}`;
  if (isSameDevice && state.hintCode === 'outstandingTransaction') return 'signIn.bankid.hint.rfa13';
  if (isSameDevice && state.hintCode === 'started') return 'signIn.bankid.hint.rfa14';
  return `signIn.bankid.hint.${PENDING[state.hintCode] ?? 'rfa21'}`;
}
