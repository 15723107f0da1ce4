// The organisation's sign-in methods (administrators): which may be used, which comes first, what
// this desk has set up and what the cost-bearing ones were used for lately.
import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { MethodOutput } from '../../src-shared/api/methods';
import type { ApiError, Result } from '../../src-shared/api/result';
import type { SignInPolicy } from '../../src-shared/domain/sign-in';
import { call } from '../client/api';
import { useSessionStore } from './session';

export type PolicyView = MethodOutput<'signIn.policy'>;

export const useSignInPolicyStore = defineStore('signInPolicy', () => {
  const view = ref<PolicyView | null>(null);
  const loadError = ref<ApiError | null>(null);

  async function load(): Promise<void> {
    const result = await call('signIn.policy', {});
    loadError.value = result.ok ? null : result.error;
    if (result.ok) view.value = result.value;
  }

  async function save(policy: SignInPolicy): Promise<Result<PolicyView>> {
    const result = await call('signIn.setPolicy', policy);
    if (result.ok) {
      view.value = result.value;
      // This screen's own sign-in screen follows the new policy after a logout.
      useSessionStore().signIn = { ...result.value.policy };
    }
    return result;
  }

  function clear(): void {
    view.value = null;
    loadError.value = null;
  }

  return { view, loadError, load, save, clear };
});
