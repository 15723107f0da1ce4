// Employers and their organisation numbers.
import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { MethodInput } from '../../src-shared/api/methods';
import type { ApiError, Result } from '../../src-shared/api/result';
import type { Organisation } from '../../src-shared/api/schemas';
import { call } from '../client/api';

export type OrganisationDraft = MethodInput<'organisations.create'> & { id?: string };

function byName(a: Organisation, b: Organisation): number {
  return a.name.localeCompare(b.name);
}

export const useOrganisationsStore = defineStore('organisations', () => {
  const items = ref<Organisation[]>([]);
  const isLoaded = ref(false);
  const isLoading = ref(false);
  const loadError = ref<ApiError | null>(null);

  async function load(): Promise<void> {
    isLoading.value = true;
    const result = await call('organisations.list', {});
    isLoading.value = false;
    if (!result.ok) {
      loadError.value = result.error;
      return;
    }
    loadError.value = null;
    items.value = [...result.value.items].sort(byName);
    isLoaded.value = true;
  }

  async function ensureLoaded(): Promise<void> {
    if (!isLoaded.value && !isLoading.value) await load();
  }

  async function save(draft: OrganisationDraft): Promise<Result<Organisation>> {
    const { id, ...fields } = draft;
    const result = id
      ? await call('organisations.update', { ...fields, id })
      : await call('organisations.create', fields);
    if (result.ok) {
      const saved = result.value;
      items.value = [...items.value.filter((o) => o.id !== saved.id), saved].sort(byName);
    }
    return result;
  }

  function clear(): void {
    items.value = [];
    isLoaded.value = false;
    loadError.value = null;
  }

  return { items, isLoaded, isLoading, loadError, load, ensureLoaded, save, clear };
});
