// What a desk without an SMS gateway or a BankID certificate uses: the policy cannot include the
// method (signInPolicyIssues: not_set_up), and a call that reaches one anyway gets a clear refusal.
import { DomainError } from '../ops/domain-error';
import type { BankIdOrders } from './bankid-orders';
import type { SmsCodes } from './sms-codes';

const noSms = (): never => {
  throw new DomainError('sms_not_configured', 'This desk has no SMS gateway set up.');
};
const noBankId = (): never => {
  throw new DomainError('bankid_not_configured', 'This desk has no BankID set up.');
};

export const unconfiguredSmsCodes: SmsCodes = {
  isConfigured: false,
  send: () => Promise.resolve().then(noSms),
  verify: noSms,
  sentSince: () => 0,
};

export const unconfiguredBankIdOrders: BankIdOrders = {
  isConfigured: false,
  start: () => Promise.resolve().then(noBankId),
  poll: noBankId,
  cancel: () => Promise.resolve(),
  startedSince: () => 0,
  close: () => Promise.resolve(),
};
