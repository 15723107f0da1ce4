// The steps after a password, BankID on its own, and card and PIN (docs/sign-in.md). The core keeps
// the half-finished sign-in on this screen's connection; every answer that carries an operator
// enters the session here, so a step never has to know how.
import { defineStore } from 'pinia';
import type { Result } from '../../src-shared/api/result';
import type { OperatorSelf } from '../../src-shared/api/schemas';
import { call } from '../client/api';
import { useSessionStore } from './session';

export const useSignInStore = defineStore('signIn', () => {
  const session = useSessionStore();

  function finish(result: Result<OperatorSelf>): Result<OperatorSelf> {
    if (result.ok) session.completeSignIn(result.value);
    return result;
  }

  return {
    cancel: () => call('signIn.cancel', {}),
    verifyTotp: async (code: string) => finish(await call('signIn.verifyTotp', { code })),
    sendSmsCode: () => call('signIn.sendSmsCode', {}),
    verifySmsCode: async (code: string) => finish(await call('signIn.verifySmsCode', { code })),
    startBankId: (sameDevice: boolean) => call('signIn.startBankId', { sameDevice }),
    pollBankId: async () => {
      const result = await call('signIn.pollBankId', {});
      if (result.ok && result.value.status === 'complete') session.completeSignIn(result.value.operator);
      return result;
    },
    cancelBankId: () => call('signIn.cancelBankId', {}),
    cardPin: async (pin: string) => finish(await call('signIn.cardPin', { pin })),
    beginTotp: () => call('signIn.beginTotp', {}),
    confirmTotp: async (code: string) => finish(await call('signIn.confirmTotp', { code })),
  };
});
