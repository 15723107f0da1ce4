// The signed-in operator's own sign-in factors: the authenticator app and the PIN. Changing either
// asks for the password again, so a desk left open cannot be given someone else's factor.
import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { MethodOutput } from '../../src-shared/api/methods';
import type { ApiError, Result } from '../../src-shared/api/result';
import { call } from '../client/api';

export type OwnFactors = MethodOutput<'factors.mine'>;

export const useFactorsStore = defineStore('factors', () => {
  const mine = ref<OwnFactors | null>(null);
  const loadError = ref<ApiError | null>(null);

  async function load(): Promise<void> {
    const result = await call('factors.mine', {});
    loadError.value = result.ok ? null : result.error;
    if (result.ok) mine.value = result.value;
  }

  function remember(result: Result<OwnFactors>): Result<OwnFactors> {
    if (result.ok) mine.value = result.value;
    return result;
  }

  /** After a logout: the next operator never sees this one's factors. */
  function clear(): void {
    mine.value = null;
    loadError.value = null;
  }

  return {
    mine,
    loadError,
    load,
    clear,
    beginTotp: (password: string) => call('factors.beginTotp', { password }),
    confirmTotp: async (code: string) => remember(await call('factors.confirmTotp', { code })),
    setPin: async (password: string, pin: string) =>
      remember(await call('factors.setPin', { password, pin })),
  };
});
