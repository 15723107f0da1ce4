// Operators of this desk (administrators only; the core refuses everyone else).
import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { MethodInput } from '../../src-shared/api/methods';
import type { ApiError, Result } from '../../src-shared/api/result';
import type { OperatorView } from '../../src-shared/api/schemas';
import { call } from '../client/api';

function byUsername(a: OperatorView, b: OperatorView): number {
  return a.username.localeCompare(b.username);
}

export const useOperatorsStore = defineStore('operators', () => {
  const items = ref<OperatorView[]>([]);
  const isLoading = ref(false);
  const loadError = ref<ApiError | null>(null);

  async function load(): Promise<void> {
    isLoading.value = true;
    const result = await call('operators.list', {});
    isLoading.value = false;
    if (!result.ok) {
      loadError.value = result.error;
      return;
    }
    loadError.value = null;
    items.value = [...result.value.items].sort(byUsername);
  }

  function remember(result: Result<OperatorView>): Result<OperatorView> {
    if (result.ok) {
      const saved = result.value;
      items.value = [...items.value.filter((o) => o.id !== saved.id), saved].sort(byUsername);
    }
    return result;
  }

  async function create(input: MethodInput<'operators.create'>): Promise<Result<OperatorView>> {
    return remember(await call('operators.create', input));
  }

  async function update(input: MethodInput<'operators.update'>): Promise<Result<OperatorView>> {
    return remember(await call('operators.update', input));
  }

  /** Removes the operator's authenticator app and PIN and ends their sessions: they set up again. */
  async function resetFactors(id: string): Promise<Result<OperatorView>> {
    return remember(await call('operators.resetFactors', { id }));
  }

  function clear(): void {
    items.value = [];
    loadError.value = null;
  }

  return { items, isLoading, loadError, load, create, update, resetFactors, clear };
});
